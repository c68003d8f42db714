import { describe, expect, it } from "vitest";
import { en } from "./en";
import { zh } from "./zh";
import { interpolate, localeFromLanguage, translator } from "./index";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  it("have exactly the same keys", () => {
    // A key missing in one language would show the raw key (or undefined) to an agent.
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it("use the same placeholders for each key", () => {
    // "{n} tickets" translated without {n} would silently drop the number.
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("have no empty strings", () => {
    for (const [key, v] of [...Object.entries(en), ...Object.entries(zh)]) {
      expect(v.trim().length, key).toBeGreaterThan(0);
    }
  });
});

describe("interpolate", () => {
  it("fills named placeholders and leaves unknown ones visible", () => {
    expect(interpolate("due in {d}", { d: "5m" })).toBe("due in 5m");
    expect(interpolate("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });

  it("inserts values as plain text", () => {
    // Values can be customer-controlled (a search query); nothing is re-parsed.
    expect(interpolate("No tickets match “{q}”.", { q: "{q}<b>" })).toBe("No tickets match “{q}<b>”.");
  });
});

describe("locale choice", () => {
  it("maps any zh variant to zh-CN and everything else to en", () => {
    expect(localeFromLanguage("zh")).toBe("zh-CN");
    expect(localeFromLanguage("zh-TW")).toBe("zh-CN");
    expect(localeFromLanguage("ZH-hans-CN")).toBe("zh-CN");
    expect(localeFromLanguage("en-US")).toBe("en");
    expect(localeFromLanguage("de")).toBe("en");
    expect(localeFromLanguage(undefined)).toBe("en");
  });

  it("translates through the chosen dictionary", () => {
    expect(translator("zh-CN")("view.urgent")).toBe("紧急");
    expect(translator("en")("view.urgent")).toBe("Urgent");
  });
});
