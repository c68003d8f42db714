// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { THEME_STORAGE_KEY, ThemeState } from "./theme.svelte";

/** A matchMedia whose answer the test flips, like the OS switching to dark at dusk. */
function fakeMedia(dark: boolean) {
  const listeners: ((e: { matches: boolean }) => void)[] = [];
  const mql = {
    matches: dark,
    addEventListener: (_: string, fn: (e: { matches: boolean }) => void) => listeners.push(fn),
  };
  vi.stubGlobal("matchMedia", () => mql);
  return (next: boolean) => {
    mql.matches = next;
    listeners.forEach((fn) => fn({ matches: next }));
  };
}

const html = () => document.documentElement;

describe("theme", () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it("follows the system by default, including a later switch", () => {
    const setSystem = fakeMedia(false);
    const t = new ThemeState();
    expect(t.pref).toBe("system");
    expect(html().dataset.theme).toBe("light");
    setSystem(true);
    expect(t.resolved).toBe("dark");
    expect(html().dataset.theme).toBe("dark");
  });

  it("remembers an explicit choice across restarts, overriding the system", () => {
    const setSystem = fakeMedia(true);
    new ThemeState().set("light");
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe("light");
    const again = new ThemeState();
    expect(again.pref).toBe("light");
    expect(html().dataset.theme).toBe("light");
    setSystem(false);
    setSystem(true);
    expect(html().dataset.theme).toBe("light");
  });

  it("cycles system → light → dark → system", () => {
    fakeMedia(false);
    const t = new ThemeState();
    t.cycle();
    expect(t.pref).toBe("light");
    t.cycle();
    expect([t.pref, html().dataset.theme]).toEqual(["dark", "dark"]);
    t.cycle();
    expect(t.pref).toBe("system");
    expect(html().dataset.themePref).toBe("system");
  });

  it("ignores a stored value it does not know, and works without matchMedia", () => {
    localStorage.setItem(THEME_STORAGE_KEY, "purple");
    vi.stubGlobal("matchMedia", undefined);
    const t = new ThemeState();
    expect([t.pref, t.resolved]).toEqual(["system", "light"]);
  });
});
