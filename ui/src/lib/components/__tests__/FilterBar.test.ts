// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { InboxFilter } from "$lib/bindings/InboxFilter";
import { emptyFilter } from "$lib/state/inbox.svelte";
import { locale } from "$lib/state/locale.svelte";
import FilterBar from "../FilterBar.svelte";

function setup(filter: InboxFilter = emptyFilter()) {
  const onfilter = vi.fn<(f: InboxFilter) => void>();
  render(FilterBar, { filter, onfilter });
  return onfilter;
}

describe("FilterBar", () => {
  beforeEach(() => locale.set("en"));

  it("narrows by one status and keeps the rest of the filter", async () => {
    const onfilter = setup({ ...emptyFilter(), tag: "refund" });
    await fireEvent.change(screen.getByTestId("filter-status"), { target: { value: "pending" } });
    expect(onfilter).toHaveBeenCalledWith({ ...emptyFilter(), statuses: ["pending"], tag: "refund" });
  });

  it("goes back to any priority with the first option", async () => {
    const onfilter = setup({ ...emptyFilter(), priorities: ["urgent"] });
    await fireEvent.change(screen.getByTestId("filter-priority"), { target: { value: "" } });
    expect(onfilter).toHaveBeenCalledWith(emptyFilter());
  });

  it("applies a tag on Enter, trimmed, and clears it when emptied", async () => {
    const onfilter = setup();
    const input = screen.getByTestId("filter-tag") as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "  vip " } });
    await fireEvent.keyDown(input, { key: "Enter" });
    expect(onfilter).toHaveBeenLastCalledWith({ ...emptyFilter(), tag: "vip" });
  });

  it("offers Clear only while something narrows the list, and Clear keeps channel and category", async () => {
    const plain = setup();
    expect(screen.queryByTestId("filter-clear")).toBeNull();
    expect(plain).not.toHaveBeenCalled();
    document.body.innerHTML = "";
    const onfilter = setup({ ...emptyFilter(), channels: ["email"], assignee_id: "a1", statuses: ["open"] });
    await fireEvent.click(screen.getByTestId("filter-clear"));
    expect(onfilter).toHaveBeenCalledWith({ ...emptyFilter(), channels: ["email"] });
  });
});
