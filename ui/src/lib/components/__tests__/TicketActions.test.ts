// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TicketDetail } from "$lib/bindings/TicketDetail";
import type { TicketEdit } from "$lib/bindings/TicketEdit";
import { drafts } from "$lib/state/drafts.svelte";
import { locale } from "$lib/state/locale.svelte";
import { workspace } from "$lib/state/workspace.svelte";
import TicketView from "../TicketView.svelte";
import { ticketDetail } from "./fixtures";

type OnEdit = (edit: TicketEdit) => Promise<boolean>;

function setup(over: Partial<TicketDetail> = {}, result: boolean | Promise<boolean> = true) {
  const onedit = vi.fn<OnEdit>(() => Promise.resolve(result));
  const view = render(TicketView, { ticket: ticketDetail(over), onedit });
  return { onedit, ...view };
}

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe("ticket actions", () => {
  beforeEach(() => {
    locale.set("en");
    drafts.reset();
    workspace.info = {
      agent: { id: "a1", name: "Li Wei", group_id: null },
      ticket_count: 1,
      demo: true,
      agents: [
        { id: "a1", name: "Li Wei", group_id: null },
        { id: "a2", name: "Sara Khan", group_id: null },
      ],
      groups: [],
    };
    workspace.taxonomy = {
      categories: [
        { id: "withdrawal", name: { zh: "提现", en: "Withdrawal" }, urgent: false },
        { id: "fraud", name: { zh: "欺诈", en: "Fraud" }, urgent: true },
      ],
      channels: [],
    };
  });
  afterEach(() => {
    workspace.info = null;
  });

  it("status, priority and category selects send their edits", async () => {
    const { onedit } = setup();
    await fireEvent.change(screen.getByTestId("status-select"), { target: { value: "pending" } });
    expect(onedit).toHaveBeenLastCalledWith({ kind: "set_status", status: "pending" });
    await waitFor(() => expect(input("priority-select").disabled).toBe(false));
    await fireEvent.change(screen.getByTestId("priority-select"), { target: { value: "urgent" } });
    expect(onedit).toHaveBeenLastCalledWith({ kind: "set_priority", priority: "urgent" });
    await waitFor(() => expect(input("category-select").disabled).toBe(false));
    await fireEvent.change(screen.getByTestId("category-select"), { target: { value: "fraud" } });
    expect(onedit).toHaveBeenLastCalledWith({ kind: "set_category", category: "fraud" });
    expect(onedit).toHaveBeenCalledTimes(3);
  });

  it("assigns to an agent, to nobody, and to me", async () => {
    const { onedit, rerender } = setup({ assignee_id: "a2" });
    const select = screen.getByTestId("assignee-select") as HTMLSelectElement;
    expect(select.value).toBe("a2");
    expect([...select.options].map((o) => o.textContent)).toEqual(["Unassigned", "Li Wei", "Sara Khan"]);
    await fireEvent.change(select, { target: { value: "" } });
    expect(onedit).toHaveBeenLastCalledWith({ kind: "set_assignee", assignee_id: null });
    await waitFor(() => expect(input("assign-me").disabled).toBe(false));
    await fireEvent.click(screen.getByTestId("assign-me"));
    expect(onedit).toHaveBeenLastCalledWith({ kind: "set_assignee", assignee_id: "a1" });
    // Already mine: the shortcut has nothing to do.
    await rerender({ ticket: ticketDetail({ assignee_id: "a1" }), onedit });
    expect(input("assign-me").disabled).toBe(true);
  });

  it("puts a select back when the edit was not applied", async () => {
    setup({ status: "open" }, false);
    const select = screen.getByTestId("status-select") as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: "solved" } });
    await waitFor(() => expect(select.value).toBe("open"));
  });

  it("adds comma-separated tags on Enter and removes one with its button", async () => {
    const { onedit } = setup({ tags: ["kyc", "refund-ask"] });
    const tags = input("tag-input");
    await fireEvent.input(tags, { target: { value: "vip, refund" } });
    await fireEvent.keyDown(tags, { key: "Enter" });
    expect(onedit).toHaveBeenLastCalledWith({ kind: "add_tags", tags: ["vip", "refund"] });
    await waitFor(() => expect(tags.value).toBe(""));

    const chips = screen.getAllByTestId("tag-chip");
    expect(chips.map((c) => c.dataset.tag)).toEqual(["kyc", "refund-ask"]);
    await fireEvent.click(chips[1].querySelector('[data-testid="tag-remove"]')!);
    expect(onedit).toHaveBeenLastCalledWith({ kind: "remove_tags", tags: ["refund-ask"] });
  });

  it("does not add a tag on the Enter that confirms an input-method candidate", async () => {
    const { onedit } = setup({ tags: [] });
    const tags = input("tag-input");
    await fireEvent.input(tags, { target: { value: "退款" } });
    await fireEvent.keyDown(tags, { key: "Enter", isComposing: true });
    await fireEvent.keyDown(tags, { key: "Enter", keyCode: 229 });
    expect(onedit).not.toHaveBeenCalled();
    expect(tags.value).toBe("退款");
  });

  it("keeps typed tags when adding them failed", async () => {
    setup({ tags: [] }, false);
    const tags = input("tag-input");
    await fireEvent.input(tags, { target: { value: "vip" } });
    await fireEvent.keyDown(tags, { key: "Enter" });
    await new Promise((r) => setTimeout(r, 0));
    expect(tags.value).toBe("vip");
  });
});

describe("composer", () => {
  beforeEach(() => {
    locale.set("en");
    drafts.reset();
  });

  it("sends a public reply by default, and clears the draft once saved", async () => {
    const { onedit } = setup();
    const composer = screen.getByTestId("composer");
    expect(composer.dataset.mode).toBe("reply");
    expect(screen.getByTestId("composer-mode-reply").getAttribute("aria-pressed")).toBe("true");
    const box = screen.getByTestId("composer-input") as HTMLTextAreaElement;
    await fireEvent.input(box, { target: { value: "  We refunded the fee.\n" } });
    await fireEvent.click(screen.getByTestId("composer-send"));
    expect(onedit).toHaveBeenCalledWith({ kind: "reply", body: "We refunded the fee." });
    await waitFor(() => expect(box.value).toBe(""));
  });

  it("sends an internal note in note mode, which looks different", async () => {
    const { onedit } = setup();
    await fireEvent.click(screen.getByTestId("composer-mode-note"));
    const composer = screen.getByTestId("composer");
    expect(composer.dataset.mode).toBe("note");
    expect(composer.classList.contains("note")).toBe(true);
    expect(screen.getByTestId("composer-hint").textContent).toContain("only agents");
    expect(screen.getByTestId("composer-send").textContent!.trim()).toBe("Add note");
    await fireEvent.input(screen.getByTestId("composer-input"), { target: { value: "Ledger checked" } });
    await fireEvent.click(screen.getByTestId("composer-send"));
    expect(onedit).toHaveBeenCalledWith({ kind: "note", body: "Ledger checked" });
  });

  it("refuses a whitespace-only draft", async () => {
    const { onedit } = setup();
    const box = screen.getByTestId("composer-input");
    const send = screen.getByTestId("composer-send") as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    await fireEvent.input(box, { target: { value: "   \n\t " } });
    expect(send.disabled).toBe(true);
    await fireEvent.click(send);
    await fireEvent.keyDown(box, { key: "Enter", ctrlKey: true });
    expect(onedit).not.toHaveBeenCalled();
  });

  it("sends with Ctrl+Enter or Cmd+Enter, but plain Enter is a new line", async () => {
    const { onedit } = setup();
    const box = screen.getByTestId("composer-input");
    await fireEvent.input(box, { target: { value: "First" } });
    await fireEvent.keyDown(box, { key: "Enter" });
    expect(onedit).not.toHaveBeenCalled();
    await fireEvent.keyDown(box, { key: "Enter", ctrlKey: true });
    expect(onedit).toHaveBeenCalledWith({ kind: "reply", body: "First" });
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(""));
    await fireEvent.input(box, { target: { value: "Second" } });
    await fireEvent.keyDown(box, { key: "Enter", metaKey: true });
    expect(onedit).toHaveBeenLastCalledWith({ kind: "reply", body: "Second" });
  });

  it("disables send while in flight and keeps the draft when it fails", async () => {
    let finish!: (ok: boolean) => void;
    const { onedit } = setup({}, new Promise<boolean>((r) => (finish = r)));
    const box = screen.getByTestId("composer-input") as HTMLTextAreaElement;
    const send = screen.getByTestId("composer-send") as HTMLButtonElement;
    await fireEvent.input(box, { target: { value: "Please hold" } });
    await fireEvent.click(send);
    await waitFor(() => expect(send.disabled).toBe(true));
    await fireEvent.click(send);
    expect(onedit).toHaveBeenCalledTimes(1);
    finish(false);
    await waitFor(() => expect(send.disabled).toBe(false));
    expect(box.value).toBe("Please hold");
  });

  it("keeps a draft per ticket across switching", async () => {
    const onedit = vi.fn<OnEdit>(async () => true);
    const { rerender, unmount } = render(TicketView, { ticket: ticketDetail({ id: 1 }), onedit });
    await fireEvent.input(screen.getByTestId("composer-input"), { target: { value: "draft for one" } });
    await fireEvent.click(screen.getByTestId("composer-mode-note"));
    await rerender({ ticket: ticketDetail({ id: 2 }), onedit });
    expect((screen.getByTestId("composer-input") as HTMLTextAreaElement).value).toBe("");
    expect(screen.getByTestId("composer").dataset.mode).toBe("reply");
    unmount();
    // The pane rebuilds the view for each ticket; the draft outlives it.
    render(TicketView, { ticket: ticketDetail({ id: 1 }), onedit });
    expect((screen.getByTestId("composer-input") as HTMLTextAreaElement).value).toBe("draft for one");
    expect(screen.getByTestId("composer").dataset.mode).toBe("note");
  });
});

describe("queued changes", () => {
  beforeEach(() => locale.set("en"));

  it("marks local messages and counts the ticket's queued edits", () => {
    setup({
      queued: 2,
      messages: [
        { id: 10, ticket_id: 4242, kind: "customer", author: "Emily", body: "Where is it?", channel: "email", created_at: 1 },
        { id: -1, ticket_id: 4242, kind: "reply", author: "Li Wei", body: "On it", channel: "email", created_at: 2 },
        { id: -2, ticket_id: 4242, kind: "note", author: "Li Wei", body: "checking", channel: "email", created_at: 3 },
      ],
    });
    const messages = screen.getAllByTestId("message");
    expect(messages.map((m) => m.dataset.queued ?? null)).toEqual([null, "true", "true"]);
    expect(messages[1].textContent).toContain("Queued — will send when online");
    expect(messages[0].querySelector('[data-testid="message-queued"]')).toBeNull();
    expect(screen.getByTestId("ticket-queued").textContent).toContain("2");
  });

  it("shows no queued chip when everything is acknowledged", () => {
    setup({ queued: 0 });
    expect(screen.queryByTestId("ticket-queued")).toBeNull();
  });
});
