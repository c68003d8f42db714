// @vitest-environment jsdom
import { render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import { locale } from "$lib/state/locale.svelte";
import InboxHeader from "../InboxHeader.svelte";

const base = {
  title: "Search",
  count: null,
  searching: true,
  searchTotal: 3,
  searchShown: 3,
  sort: "priority" as const,
  onsort: () => {},
};

describe("InboxHeader while searching", () => {
  beforeEach(() => locale.set("en"));

  it("warns that results may be incomplete while the first sync's tickets are being indexed", () => {
    render(InboxHeader, { ...base, searchUnindexed: 1200 });
    const note = screen.getByTestId("search-unindexed");
    // A "no match" during the catch-up may only mean "not indexed yet": the agent must know.
    expect(note.textContent).toContain("1,200");
    expect(note.getAttribute("role")).toBe("status");
  });

  it("says nothing more once search covers every stored ticket", () => {
    render(InboxHeader, { ...base, searchUnindexed: 0 });
    expect(screen.queryByTestId("search-unindexed")).toBeNull();
    expect(screen.getByTestId("search-total").dataset.total).toBe("3");
  });
});
