// @vitest-environment node
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Static guards instead of a linter: cheap, no config, and they fail `npm test` directly.
const SRC = fileURLToPath(new URL(".", import.meta.url));
const UI = join(SRC, "..");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(SRC);
const svelteFiles = files.filter((f) => f.endsWith(".svelte"));
// Sources we wrote (tests and generated bindings excluded: tests may mention the patterns).
const ourCode = files.filter(
  (f) => /\.(svelte|ts)$/.test(f) && !f.endsWith(".test.ts") && !f.includes(`${join("lib", "bindings")}`),
);
const rel = (f: string) => relative(UI, f);

describe("untrusted content is rendered only as text", () => {
  it("finds the components to check", () => {
    expect(svelteFiles.length).toBeGreaterThan(5);
  });

  it("no component uses {@html}", () => {
    // Ticket text is attacker-controlled; {@html} would turn a subject into markup.
    const offenders = svelteFiles.filter((f) => /\{@html/.test(readFileSync(f, "utf8")));
    expect(offenders.map(rel)).toEqual([]);
  });

  it("no source sets innerHTML, outerHTML or insertAdjacentHTML", () => {
    const re = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/;
    const offenders = ourCode.filter((f) => re.test(readFileSync(f, "utf8")));
    expect(offenders.map(rel)).toEqual([]);
  });
});

describe("strict CSP compatibility", () => {
  it("no component has an inline style attribute (use style: directives)", () => {
    // `style="…"` in markup is an inline style the CSP blocks; style:prop goes through CSSOM.
    const offenders = svelteFiles.filter((f) => /<[a-zA-Z][^>]*\sstyle\s*=/.test(readFileSync(f, "utf8")));
    expect(offenders.map(rel)).toEqual([]);
  });

  it("no eval or Function constructor", () => {
    const offenders = ourCode.filter((f) => /\beval\s*\(|new\s+Function\s*\(/.test(readFileSync(f, "utf8")));
    expect(offenders.map(rel)).toEqual([]);
  });

  it("index.html has only the module entry script and no inline code", () => {
    const html = readFileSync(join(UI, "index.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0][1]).toMatch(/type="module"/);
    expect(scripts[0][1]).toMatch(/src="\/src\/main\.ts"/);
    expect(scripts[0][2].trim()).toBe("");
    expect(html).not.toMatch(/\sstyle\s*=|\son[a-z]+\s*=/i);
  });

  it("loads no remote fonts or assets", () => {
    const css = files.filter((f) => /\.(css|svelte|html)$/.test(f)).concat(join(UI, "index.html"));
    const offenders = css.filter((f) => /(@import|url\()\s*["']?(https?:)?\/\//.test(readFileSync(f, "utf8")));
    expect(offenders.map(rel)).toEqual([]);
  });
});
