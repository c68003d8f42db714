/// <reference types="vitest/config" />
import { fileURLToPath, URL } from "node:url";
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";

// Tauri serves ui/dist from its own protocol, so every URL in the build must be relative,
// and the dev server must sit on the port tauri.conf.json's devUrl names (strictPort: a
// silently moved port would leave the desktop window blank).
export default defineConfig({
  base: "./",
  plugins: [svelte(), svelteTesting()],
  resolve: {
    alias: { $lib: fileURLToPath(new URL("./src/lib", import.meta.url)) },
  },
  clearScreen: false,
  // Default host ("localhost") on purpose: it must resolve the same way as devUrl in tauri.conf.json.
  server: { port: 1420, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKit on macOS 12+ (Safari 15) is the oldest engine Tauri 2 hands us.
    target: ["es2021", "safari15"],
    // data: URIs would need a looser CSP (img-src/font-src data:); keep every asset a file.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  test: {
    // Pure logic runs in node (fast); component and DOM tests opt into jsdom per file with
    // a `// @vitest-environment jsdom` first line.
    environment: "node",
    include: ["src/**/*.test.ts"],
    setupFiles: ["src/test-setup.ts"],
    // A fresh DOM per file keeps the hostile-content test honest about window globals.
    isolate: true,
  },
});
