// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { TicketSummary } from "$lib/bindings/TicketSummary";
import type { RowSource } from "$lib/state/rows";
import { Selection } from "$lib/state/selection.svelte";
import InboxList from "../InboxList.svelte";
import { summary } from "./fixtures";

const source = (count = 100_000): RowSource => ({
  key: "k",
  count,
  loaded: true,
  rowAt: (i: number): TicketSummary | undefined => summary(i + 1),
  ensure: () => {},
});

function setup(selection = new Selection()) {
  const src = source();
  const onopen = vi.fn();
  render(InboxList, {
    source: src,
    selectedIndex: 0,
    openId: null,
    emptyText: "none",
    onopen,
    checked: (id: number) => selection.has(id),
    ontoggle: (i: number, range: boolean) => (range ? selection.extendTo(src, i) : selection.toggle(src, i)),
  });
  return { selection, onopen };
}

const boxes = () => screen.getAllByTestId("row-check") as HTMLInputElement[];
const tickedIds = () =>
  screen
    .getAllByTestId("inbox-row")
    .filter((r) => r.classList.contains("checked"))
    .map((r) => Number(r.dataset.ticketId));

describe("InboxList selection", () => {
  it("a checkbox toggles its ticket without opening it", async () => {
    const { selection, onopen } = setup();
    await fireEvent.click(boxes()[1]);
    expect(selection.list()).toEqual([2]);
    expect(onopen).not.toHaveBeenCalled();
    expect(tickedIds()).toEqual([2]);
    expect(boxes()[1].checked).toBe(true);
  });

  it("shift-click ticks the range from the last ticked row", async () => {
    const { selection } = setup();
    await fireEvent.click(boxes()[1]);
    await fireEvent.click(boxes()[4], { shiftKey: true });
    expect(selection.list()).toEqual([2, 3, 4, 5]);
    expect(tickedIds()).toEqual([2, 3, 4, 5]);
  });

  it("shows a selection made elsewhere (by id) on the rows that render", () => {
    const selection = new Selection();
    selection.toggle(source(), 2);
    setup(selection);
    expect(tickedIds()).toEqual([3]);
    expect(boxes()[2].getAttribute("aria-label")).toBe("Select ticket #3");
  });
});
