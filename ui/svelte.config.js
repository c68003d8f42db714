import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

// Runes everywhere: the state modules (*.svelte.ts) and components share one reactivity model.
export default {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
};
