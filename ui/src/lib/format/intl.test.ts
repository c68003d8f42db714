import { describe, expect, it } from "vitest";
import { dateTimeFormat, displayNames, numberFormat, sharedFormatterCount } from "./intl";
import { absoluteTime, relativeTime } from "./time";
import { translator } from "$lib/i18n";

const AT = Date.UTC(2024, 2, 9, 8, 5);
const NOW = Date.UTC(2025, 5, 15, 12, 0);

describe("shared Intl formatters", () => {
  it("formats exactly as a formatter built for the call would", () => {
    const options: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", hour: "2-digit" };
    for (const locale of ["en", "zh-CN"]) {
      expect(dateTimeFormat(locale, options).format(AT)).toBe(new Intl.DateTimeFormat(locale, options).format(AT));
      expect(numberFormat(locale).format(1234567)).toBe(new Intl.NumberFormat(locale).format(1234567));
      expect(displayNames(locale, { type: "region" }).of("PH")).toBe(
        new Intl.DisplayNames([locale], { type: "region" }).of("PH"),
      );
    }
  });

  it("builds one formatter per locale and options, however many rows ask", () => {
    const a = dateTimeFormat("en", { month: "short", day: "numeric" });
    expect(dateTimeFormat("en", { month: "short", day: "numeric" })).toBe(a);
    // Other options or another language are another formatter, never a wrong shared one.
    expect(dateTimeFormat("en", { month: "long", day: "numeric" })).not.toBe(a);
    expect(dateTimeFormat("zh-CN", { month: "short", day: "numeric" })).not.toBe(a);
    expect(numberFormat("en")).not.toBe(numberFormat("en", { style: "percent" }));

    // What the inbox does for every row it paints: no new formatter after the first row.
    const t = translator("en");
    absoluteTime(AT, "en", NOW);
    relativeTime(AT, NOW, t, "en");
    const before = sharedFormatterCount();
    for (let i = 0; i < 1000; i++) {
      absoluteTime(AT + i * 60_000, "en", NOW);
      relativeTime(AT + i * 60_000, NOW, t, "en");
    }
    expect(sharedFormatterCount()).toBe(before);
  });

  it("keeps the error of a locale Intl rejects", () => {
    expect(() => displayNames("not a locale!", { type: "region" })).toThrow(RangeError);
  });
});
