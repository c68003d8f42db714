import { describe, expect, it, vi } from "vitest";
import type { TicketEdit } from "$lib/bindings/TicketEdit";
import type { TicketSummary } from "$lib/bindings/TicketSummary";
import { summary } from "$lib/components/__tests__/fixtures";
import type { RowSource } from "./rows";
import { applyBulk, MAX_BULK, Selection } from "./selection.svelte";

vi.mock("$lib/bindings/commands", () => ({ commands: { editTickets: vi.fn() } }));

/** Rows 0..count-1 hold tickets 1000+i; rows in `missing` are not fetched yet (skeletons). */
function source(count = 100_000, missing: (i: number) => boolean = () => false, key = "k"): RowSource {
  return {
    key,
    count,
    loaded: true,
    rowAt: (i: number): TicketSummary | undefined => (i < count && !missing(i) ? summary(1000 + i) : undefined),
    ensure: () => {},
  };
}

describe("Selection", () => {
  it("keeps ticket ids, so a row scrolled away and back is still selected", () => {
    const s = new Selection();
    const src = source();
    s.toggle(src, 3);
    s.toggle(src, 90_000);
    // The virtual list recycles its DOM rows; only the ids matter.
    expect(s.has(1003)).toBe(true);
    expect(s.has(91_000)).toBe(true);
    expect(s.size).toBe(2);
    s.toggle(src, 3);
    expect(s.has(1003)).toBe(false);
  });

  it("shift-click selects the range from the last toggled row, either direction", () => {
    const s = new Selection();
    const src = source();
    s.toggle(src, 10);
    s.extendTo(src, 7);
    expect(s.list()).toEqual([1007, 1008, 1009, 1010]);
    s.extendTo(src, 12);
    expect(s.list()).toEqual([1007, 1008, 1009, 1010, 1011, 1012]);
  });

  it("skips rows that are not loaded instead of guessing their ids", () => {
    const s = new Selection();
    s.toggle(source(), 0);
    s.extendTo(source(100, (i) => i === 2), 4);
    expect(s.list()).toEqual([1000, 1001, 1003, 1004]);
  });

  it("selects what is on screen, clipped to the list", () => {
    const s = new Selection();
    s.selectRange(source(5), 2, 50);
    expect(s.list()).toEqual([1002, 1003, 1004]);
  });

  it("stops at the bulk limit the Rust side enforces", () => {
    const s = new Selection();
    s.selectRange(source(), 0, MAX_BULK + 50);
    expect(s.size).toBe(MAX_BULK);
    s.toggle(source(), MAX_BULK + 10);
    expect(s.size).toBe(MAX_BULK);
  });

  it("clear forgets the ids and the range anchor", () => {
    const s = new Selection();
    s.toggle(source(), 5);
    s.clear();
    expect(s.size).toBe(0);
    // Without an anchor, shift-click is a plain toggle, not a range from row 5.
    s.extendTo(source(), 8);
    expect(s.list()).toEqual([1008]);
  });
});

describe("applyBulk", () => {
  it("sends the ids and one edit with a fresh batch id per action", async () => {
    const call = vi.fn(async (_batch: string, ids: number[], _edit: TicketEdit) => ids.length);
    const edit: TicketEdit = { kind: "add_tags", tags: ["vip"] };
    expect(await applyBulk([3, 1], edit, call)).toBe(2);
    await applyBulk([3, 1], edit, call);
    const [first, second] = call.mock.calls;
    expect(first[1]).toEqual([3, 1]);
    expect(first[2]).toEqual(edit);
    expect(first[0]).toMatch(/^[0-9a-f-]{36}$/);
    // Two separate actions are two batches; only a retry of one call reuses its id.
    expect(first[0]).not.toBe(second[0]);
  });
});
