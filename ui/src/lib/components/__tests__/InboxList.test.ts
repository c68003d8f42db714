// @vitest-environment jsdom
import { render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { TicketSummary } from "$lib/bindings/TicketSummary";
import type { RowSource } from "$lib/state/rows";
import InboxList from "../InboxList.svelte";
import { summary } from "./fixtures";

/** A source of 100k rows where only even pages are "loaded", to see skeletons too. */
function bigSource(count = 100_000) {
  return {
    key: "k",
    count,
    loaded: true,
    rowAt: (i: number): TicketSummary | undefined =>
      Math.floor(i / 5) % 2 === 0 ? summary(i + 1, { subject: `Refund ${i + 1}` }) : undefined,
    ensure: vi.fn<(start: number, end: number) => void>(),
  } satisfies RowSource;
}

const props = (source: RowSource, over: Record<string, unknown> = {}) => ({
  source,
  selectedIndex: 2,
  openId: null,
  emptyText: "nothing",
  onopen: () => {},
  ...over,
});

describe("InboxList", () => {
  it("keeps the DOM small with 100,000 tickets and sizes the scroll area from the total", () => {
    const source = bigSource();
    const { container } = render(InboxList, props(source));
    const rendered = container.querySelectorAll("[data-index]");
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(40);
    const spacer = container.querySelector<HTMLElement>(".spacer")!;
    expect(spacer.style.height).toBe(`${100_000 * 68}px`);
    // The store is told which rows are about to be shown, starting at the top.
    expect(source.ensure).toHaveBeenCalledWith(0, rendered.length);
  });

  it("gives loaded rows the WebDriver hooks and unloaded ones a skeleton", () => {
    render(InboxList, props(bigSource()));
    const rows = screen.getAllByTestId("inbox-row");
    expect(rows.map((r) => r.dataset.ticketId).slice(0, 5)).toEqual(["1", "2", "3", "4", "5"]);
    expect(document.querySelectorAll(".skeleton").length).toBeGreaterThan(0);
    const selected = rows.filter((r) => r.getAttribute("aria-selected") === "true");
    expect(selected.map((r) => r.dataset.ticketId)).toEqual(["3"]);
  });

  it("wraps search terms in <mark> as text", () => {
    render(InboxList, props(bigSource(), { terms: ["refund"] }));
    const marks = [...document.querySelectorAll("mark")].map((m) => m.textContent);
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(["Refund"]));
  });

  it("opens the clicked row by index", async () => {
    const onopen = vi.fn();
    render(InboxList, props(bigSource(), { onopen }));
    screen.getAllByTestId("inbox-row")[1].click();
    expect(onopen).toHaveBeenCalledWith(1);
  });

  it("shows the empty text only once the source has answered", () => {
    const empty: RowSource = { key: "e", count: 0, loaded: true, rowAt: () => undefined, ensure: () => {} };
    render(InboxList, props(empty, { emptyText: "No tickets here" }));
    expect(screen.getByText("No tickets here")).toBeTruthy();
  });
});
