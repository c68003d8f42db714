import { describe, expect, it } from "vitest";
import type { Macro } from "$lib/bindings/Macro";
import { filterMacros, insertText, macroPreview, macroTitle, matchesMacro, pick } from "./macros";

const m = (id: string, en: string, zh: string, bodyEn = "", bodyZh = ""): Macro => ({
  id,
  title: { en, zh },
  body: { en: bodyEn, zh: bodyZh },
  built_in: false,
  updated_at: 0,
});

describe("macro text", () => {
  it("picks the UI's language and falls back to the other when it is empty", () => {
    expect(pick({ en: "Hello", zh: "您好" }, "zh-CN")).toBe("您好");
    expect(pick({ en: "Hello", zh: "  " }, "zh-CN")).toBe("Hello");
    expect(pick({ en: "", zh: "您好" }, "en")).toBe("您好");
    expect(macroTitle(m("a", "Refund", ""), "zh-CN")).toBe("Refund");
  });

  it("previews the first line after the greeting", () => {
    const x = m("a", "t", "", "{{greeting}}\n\n  Thank you for waiting.\nMore.");
    expect(macroPreview(x, "en")).toBe("Thank you for waiting.");
    expect(macroPreview(m("b", "t", "", "x".repeat(200)), "en", 10)).toBe(`${"x".repeat(9)}…`);
  });
});

describe("macro search", () => {
  const list = [
    m("1", "Password reset steps", "重置登录密码步骤", "Tap Forgot password"),
    m("2", "Withdrawal processing times", "提现到账时间说明", "3-7 working days, holidays"),
    m("3", "Holiday hours", "节假日服务时间"),
  ];

  it("matches every word, in any language and case", () => {
    expect(matchesMacro(list[0], "")).toBe(true);
    expect(matchesMacro(list[0], "RESET password")).toBe(true);
    expect(matchesMacro(list[0], "reset withdrawal")).toBe(false);
    expect(matchesMacro(list[1], "提现")).toBe(true);
    // Text that looks like a pattern is just text.
    expect(matchesMacro(list[0], ".*")).toBe(false);
  });

  it("puts title matches before body matches, otherwise keeping the given order", () => {
    expect(filterMacros(list, "holiday", "en").map((x) => x.id)).toEqual(["3", "2"]);
    expect(filterMacros(list, "", "en").map((x) => x.id)).toEqual(["1", "2", "3"]);
  });
});

describe("insertText", () => {
  it("replaces an empty or blank draft", () => {
    expect(insertText("", "Hello", 0, 0)).toEqual({ body: "Hello", cursor: 5 });
    expect(insertText(" \n ", "Hello", 1, 1)).toEqual({ body: "Hello", cursor: 5 });
  });

  it("inserts at the cursor or over the selection, and moves the cursor after it", () => {
    expect(insertText("ab", "X", 1, 1)).toEqual({ body: "aXb", cursor: 2 });
    expect(insertText("abcd", "X", 1, 3)).toEqual({ body: "aXd", cursor: 2 });
    expect(insertText("abcd", "X", 3, 1)).toEqual({ body: "aXd", cursor: 2 });
  });

  it("appends when the cursor is unknown or out of range", () => {
    expect(insertText("ab", "X", Number.NaN, Number.NaN)).toEqual({ body: "abX", cursor: 3 });
    expect(insertText("ab", "X", 99, 99)).toEqual({ body: "abX", cursor: 3 });
  });
});
