// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TicketEdit } from "$lib/bindings/TicketEdit";
import { locale } from "$lib/state/locale.svelte";
import { workspace } from "$lib/state/workspace.svelte";
import BulkBar from "../BulkBar.svelte";

type OnApply = (edit: TicketEdit) => Promise<number | null>;

function setup(result: number | null = 3) {
  const onapply = vi.fn<OnApply>(async () => result);
  const onselectvisible = vi.fn();
  const onclear = vi.fn();
  render(BulkBar, { count: 3, onapply, onselectvisible, onclear });
  return { onapply, onselectvisible, onclear };
}

describe("BulkBar", () => {
  beforeEach(() => {
    locale.set("en");
    workspace.info = {
      agent: { id: "a1", name: "Li Wei", group_id: null },
      ticket_count: 3,
      demo: true,
      agents: [
        { id: "a1", name: "Li Wei", group_id: null },
        { id: "a2", name: "Sara Khan", group_id: null },
      ],
      groups: [],
    } as typeof workspace.info;
    workspace.taxonomy = {
      categories: [{ id: "fraud", name: { zh: "欺诈", en: "Fraud" }, urgent: true }],
      channels: [],
    };
  });
  afterEach(() => {
    workspace.info = null;
  });

  it("shows the selected count and assigns the selection to me", async () => {
    const { onapply } = setup();
    expect(screen.getByTestId("bulk-count").textContent).toBe("3 selected");
    await fireEvent.click(screen.getByTestId("bulk-assign-me"));
    expect(onapply).toHaveBeenCalledWith({ kind: "set_assignee", assignee_id: "a1" });
    await waitFor(() => expect(screen.getByTestId("bulk-queued").textContent).toContain("Queued for 3 tickets"));
  });

  it("each select sends its edit and returns to its prompt", async () => {
    const { onapply } = setup();
    const status = screen.getByTestId("bulk-status") as HTMLSelectElement;
    await fireEvent.change(status, { target: { value: "pending" } });
    expect(onapply).toHaveBeenLastCalledWith({ kind: "set_status", status: "pending" });
    expect(status.value).toBe("");
    await waitFor(() => expect(status.disabled).toBe(false));
    await fireEvent.change(screen.getByTestId("bulk-category"), { target: { value: "fraud" } });
    expect(onapply).toHaveBeenLastCalledWith({ kind: "set_category", category: "fraud" });
    await waitFor(() => expect(status.disabled).toBe(false));
    await fireEvent.change(screen.getByTestId("bulk-assign"), { target: { value: "a2" } });
    expect(onapply).toHaveBeenLastCalledWith({ kind: "set_assignee", assignee_id: "a2" });
  });

  it("adds a tag, and keeps the text when the action failed", async () => {
    const { onapply } = setup(null);
    const tag = screen.getByTestId("bulk-tag") as HTMLInputElement;
    await fireEvent.input(tag, { target: { value: "refund-wave" } });
    await fireEvent.click(screen.getByTestId("bulk-tag-add"));
    expect(onapply).toHaveBeenCalledWith({ kind: "add_tags", tags: ["refund-wave"] });
    await waitFor(() => expect(tag.disabled).toBe(false));
    expect(tag.value).toBe("refund-wave");
    expect(screen.getByTestId("bulk-queued").textContent?.trim()).toBe("");
  });

  it("select visible and clear call back", async () => {
    const { onselectvisible, onclear } = setup();
    await fireEvent.click(screen.getByTestId("bulk-select-visible"));
    await fireEvent.click(screen.getByTestId("bulk-clear"));
    expect(onselectvisible).toHaveBeenCalledOnce();
    expect(onclear).toHaveBeenCalledOnce();
  });
});
