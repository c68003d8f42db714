import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SearchResult } from "$lib/bindings/SearchResult";

const searchTickets = vi.fn<(text: string, limit: number) => Promise<SearchResult>>();
vi.mock("$lib/bindings/commands", () => ({
  CONSOLE_EVENT: "console-event",
  commands: { searchTickets: (t: string, l: number) => searchTickets(t, l) },
}));

const { SearchStore, SEARCH_LIMIT } = await import("./search.svelte");

const result = (q: string): SearchResult => ({ terms: [q], total: 1, rows: [], unindexed: 0 });

describe("SearchStore", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    searchTickets.mockReset();
    searchTickets.mockImplementation(async (q) => result(q));
  });
  afterEach(() => vi.useRealTimers());

  it("debounces typing into one query", async () => {
    // Typing "refund" must cost one search, not six.
    const s = new SearchStore();
    for (const prefix of ["r", "re", "ref", "refu", "refun", "refund"]) s.setText(prefix);
    await vi.advanceTimersByTimeAsync(149);
    expect(searchTickets).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(searchTickets).toHaveBeenCalledTimes(1);
    expect(searchTickets).toHaveBeenCalledWith("refund", SEARCH_LIMIT);
    expect(s.terms).toEqual(["refund"]);
  });

  it("ignores a slow answer to an older query", async () => {
    let releaseOld!: () => void;
    searchTickets.mockImplementationOnce(
      (q) => new Promise((res) => (releaseOld = () => res(result(q)))),
    );
    const s = new SearchStore();
    s.setText("old");
    await vi.advanceTimersByTimeAsync(150);
    s.setText("new");
    await vi.advanceTimersByTimeAsync(150);
    releaseOld();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.terms).toEqual(["new"]);
  });

  it("clearing leaves search mode at once and cancels the pending query", async () => {
    const s = new SearchStore();
    s.setText("fraud");
    s.clear();
    expect(s.active).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    expect(searchTickets).not.toHaveBeenCalled();
    expect(s.result).toBeNull();
  });

  it("whitespace alone is not a search", () => {
    const s = new SearchStore();
    s.setText("   ");
    expect(s.active).toBe(false);
  });
});
