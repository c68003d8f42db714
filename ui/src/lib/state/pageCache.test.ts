import { describe, expect, it } from "vitest";
import { PageCache } from "./pageCache";

describe("PageCache", () => {
  it("evicts the least recently used page once over capacity", () => {
    // Capacity bounds memory while scrolling through 100k rows.
    const c = new PageCache<string>(2);
    c.set("a", "A");
    c.set("b", "B");
    c.set("c", "C");
    expect(c.has("a")).toBe(false);
    expect(c.keys()).toEqual(["b", "c"]);
  });

  it("counts a read as use, so the page under the viewport survives", () => {
    // The visible page is read on every render; it must not be the one evicted.
    const c = new PageCache<string>(2);
    c.set("a", "A");
    c.set("b", "B");
    expect(c.get("a")).toBe("A");
    c.set("c", "C");
    expect(c.has("a")).toBe(true);
    expect(c.has("b")).toBe(false);
  });

  it("peek does not refresh recency", () => {
    // Stale fallbacks use peek so they never keep dead pages alive.
    const c = new PageCache<string>(2);
    c.set("a", "A");
    c.set("b", "B");
    expect(c.peek("a")).toBe("A");
    c.set("c", "C");
    expect(c.has("a")).toBe(false);
  });

  it("re-setting a key replaces it without growing", () => {
    const c = new PageCache<string>(2);
    c.set("a", "A1");
    c.set("a", "A2");
    expect(c.size).toBe(1);
    expect(c.get("a")).toBe("A2");
  });

  it("clear drops everything (invalidation on view change or tickets_changed)", () => {
    const c = new PageCache<string>(4);
    c.set("a", "A");
    c.set("b", "B");
    c.clear();
    expect(c.size).toBe(0);
    expect(c.get("a")).toBeUndefined();
  });

  it("keys keep different queries apart", () => {
    // The same page index of two views must never collide.
    expect(PageCache.key('["active","priority"]', 3)).not.toBe(PageCache.key('["done","priority"]', 3));
    expect(PageCache.key("q", 1)).not.toBe(PageCache.key("q", 11));
  });

  it("rejects a capacity below one", () => {
    expect(() => new PageCache(0)).toThrow(RangeError);
  });
});
