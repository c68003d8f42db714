import { describe, expect, it } from "vitest";
import { pagesFor, scrollToReveal, virtualWindow } from "./window";

const base = { rowHeight: 68, viewportHeight: 680, overscan: 5 };

describe("virtualWindow", () => {
  it("renders only the visible rows plus overscan, however many tickets there are", () => {
    // 680px / 68px = 10 visible rows; the DOM must not grow with the total.
    const w = virtualWindow({ ...base, count: 100_000, scrollTop: 0 });
    expect(w).toEqual({ start: 0, end: 15, offset: 0, totalHeight: 6_800_000 });
  });

  it("places the window around the scroll position", () => {
    const w = virtualWindow({ ...base, count: 100_000, scrollTop: 68 * 5000 + 10 });
    expect(w.start).toBe(4995);
    expect(w.end).toBe(5000 + 11 + 5); // a partially visible 11th row, then overscan
    expect(w.offset).toBe(4995 * 68);
  });

  it("clamps at the end of the list", () => {
    const w = virtualWindow({ ...base, count: 100, scrollTop: 1e9 });
    expect(w.end).toBe(100);
    expect(w.start).toBe(90 - 5);
  });

  it("ignores negative scrollTop from elastic overscroll", () => {
    const w = virtualWindow({ ...base, count: 100, scrollTop: -50 });
    expect(w.start).toBe(0);
    expect(w.offset).toBe(0);
  });

  it("is empty for an empty list", () => {
    expect(virtualWindow({ ...base, count: 0, scrollTop: 0 })).toEqual({
      start: 0,
      end: 0,
      offset: 0,
      totalHeight: 0,
    });
  });

  it("still renders a row before the viewport has been measured", () => {
    // clientHeight is 0 on the first frame; showing nothing would delay the first paint.
    const w = virtualWindow({ ...base, viewportHeight: 0, count: 50, scrollTop: 0 });
    expect(w.end).toBeGreaterThan(0);
  });

  it("never renders more than a screenful plus overscan", () => {
    for (const scrollTop of [0, 1234, 99_999, 3_000_000, 6_799_000]) {
      const w = virtualWindow({ ...base, count: 100_000, scrollTop });
      expect(w.end - w.start).toBeLessThanOrEqual(11 + 2 * base.overscan);
    }
  });
});

describe("scrollToReveal", () => {
  it("leaves the scroll alone when the row is already fully visible", () => {
    expect(scrollToReveal(3, 68, 0, 680)).toBeNull();
  });
  it("scrolls up to a row above the viewport", () => {
    expect(scrollToReveal(2, 68, 500, 680)).toBe(136);
  });
  it("scrolls down just enough to show a row below", () => {
    // Row 10 spans 680..748; with a 680px viewport the top must move to 68.
    expect(scrollToReveal(10, 68, 0, 680)).toBe(68);
  });
});

describe("pagesFor", () => {
  it("covers a range that straddles a page boundary", () => {
    expect(pagesFor(95, 115, 100)).toEqual([0, 1]);
  });
  it("treats end as exclusive", () => {
    expect(pagesFor(0, 100, 100)).toEqual([0]);
    expect(pagesFor(0, 101, 100)).toEqual([0, 1]);
  });
  it("is empty for an empty range", () => {
    expect(pagesFor(10, 10, 100)).toEqual([]);
  });
});
