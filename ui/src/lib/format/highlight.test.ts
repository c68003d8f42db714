import { describe, expect, it } from "vitest";
import { highlight, type Segment } from "./highlight";

const marked = (segs: Segment[]) => segs.filter((s) => s.match).map((s) => s.text);
const joined = (segs: Segment[]) => segs.map((s) => s.text).join("");

describe("highlight", () => {
  it("matches English case-insensitively and keeps the original casing", () => {
    // The agent typed "refund"; the subject says "Refund" and must still read "Refund".
    const segs = highlight("Refund for REFUNDED order", ["refund"]);
    expect(segs).toEqual([
      { text: "Refund", match: true },
      { text: " for ", match: false },
      { text: "REFUND", match: true },
      { text: "ED order", match: false },
    ]);
  });

  it("finds Chinese terms inside text without word boundaries", () => {
    // Chinese has no spaces; a term can sit anywhere in a run of characters.
    const segs = highlight("我的提现三天仍未到账，请帮我查一下提现记录", ["提现", "到账"]);
    expect(marked(segs)).toEqual(["提现", "到账", "提现"]);
    expect(joined(segs)).toBe("我的提现三天仍未到账，请帮我查一下提现记录");
  });

  it("merges overlapping and nested terms into one run", () => {
    // "pass" inside "password" and "abc"/"bcd" overlapping must not cut a match in two.
    expect(marked(highlight("reset password now", ["pass", "password"]))).toEqual(["password"]);
    expect(marked(highlight("xabcdx", ["abc", "bcd"]))).toEqual(["abcd"]);
  });

  it("treats regex-special characters literally", () => {
    // Terms come from user input; `(*"` must neither throw nor act as a pattern.
    const text = 'card (*" ending 4242) and (*x';
    const segs = highlight(text, ['(*"', "4242)"]);
    expect(marked(segs)).toEqual(['(*"', "4242)"]);
    expect(joined(segs)).toBe(text);
    expect(marked(highlight("a.b axb", ["a.b"]))).toEqual(["a.b"]);
    expect(marked(highlight("price $5+ [x]", ["$5+", "[x]"]))).toEqual(["$5+", "[x]"]);
  });

  it("returns the text unmarked when no term applies", () => {
    expect(highlight("hello", [])).toEqual([{ text: "hello", match: false }]);
    expect(highlight("hello", ["  ", ""])).toEqual([{ text: "hello", match: false }]);
    expect(highlight("hello", ["zzz"])).toEqual([{ text: "hello", match: false }]);
  });

  it("returns no segments for empty text", () => {
    expect(highlight("", ["a"])).toEqual([]);
  });

  it("keeps indices right when case folding would change lengths", () => {
    // "İ".toLowerCase() is two code units; a lower-case-and-index approach would misalign.
    const segs = highlight("İstanbul transfer", ["transfer"]);
    expect(marked(segs)).toEqual(["transfer"]);
    expect(joined(segs)).toBe("İstanbul transfer");
  });

  it("never produces markup, only text", () => {
    const segs = highlight("<b>refund</b>", ["refund"]);
    expect(joined(segs)).toBe("<b>refund</b>");
    expect(marked(segs)).toEqual(["refund"]);
  });
});
