// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import type { AttentionItem } from "$lib/bindings/AttentionItem";
import type { Resolution } from "$lib/bindings/Resolution";
import type { SyncStatus } from "$lib/bindings/SyncStatus";
import type { TicketDetail } from "$lib/bindings/TicketDetail";
import { attentionItem, syncStatus, ticketDetail } from "./fixtures";

// The Tauri boundary, mocked: only the commands the sync store calls.
const c = vi.hoisted(() => ({
  syncStatus: vi.fn<() => Promise<SyncStatus>>(),
  attentionItems: vi.fn<() => Promise<AttentionItem[]>>(),
  resolveAttention: vi.fn<(editId: string, r: Resolution) => Promise<null>>(),
  setWorkOffline: vi.fn<(offline: boolean) => Promise<SyncStatus>>(),
  ticketDetail: vi.fn<(id: number) => Promise<TicketDetail>>(),
}));
vi.mock("$lib/bindings/commands", () => ({ CONSOLE_EVENT: "console-event", commands: c }));

const { default: AttentionList } = await import("../AttentionList.svelte");
const { SyncStore } = await import("$lib/state/sync.svelte");
const { locale } = await import("$lib/state/locale.svelte");
const { workspace } = await import("$lib/state/workspace.svelte");

const IMG = "<img src=x onerror=alert(1)>";

declare global {
  interface Window {
    __pwned?: number;
  }
}

const HELD_REPLY = attentionItem({
  edit_id: "e-reply",
  ticket_id: 31,
  subject: `${IMG} refund`,
  edit: { kind: "reply", body: `${IMG}\n<script>window.__pwned=1</script> ${"long text ".repeat(40)}` },
  kind: "held",
  reason: `Customer replied: <b onmouseover="window.__pwned=1">hi</b>`,
});
const REJECTED_STATUS = attentionItem({
  edit_id: "e-status",
  ticket_id: 32,
  subject: "Card blocked",
  edit: { kind: "set_status", status: "solved" },
  kind: "rejected",
  reason: "Ticket is closed on the hub",
});

const msg = (id: number, kind: "customer" | "reply" | "note", author: string, body: string) => ({
  id,
  ticket_id: 31,
  kind,
  author,
  body,
  channel: "email" as const,
  created_at: id,
});
const SERVER: Record<number, TicketDetail> = {
  31: ticketDetail({
    id: 31,
    messages: [
      msg(1, "customer", "Emily", "Where is my refund?"),
      msg(2, "reply", "Lin Yue", "Checking."),
      msg(3, "customer", "Emily", `${IMG} still nothing`),
      msg(4, "reply", "Priya Nair", "Another agent: we are looking into it."),
    ],
  }),
  32: ticketDetail({ id: 32, status: "closed" }),
};

async function setup(items: AttentionItem[] = [HELD_REPLY, REJECTED_STATUS]) {
  c.attentionItems.mockResolvedValue(items);
  const sync = new SyncStore(vi.fn());
  sync.apply(syncStatus({ needs_attention: items.length }));
  const onopen = vi.fn();
  const onresolved = vi.fn();
  const view = render(AttentionList, { sync, openId: null, onopen, onresolved });
  await waitFor(() => expect(screen.queryAllByTestId("attention-item")).toHaveLength(items.length));
  return { sync, onopen, onresolved, ...view };
}

const within = (el: HTMLElement, id: string) => el.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)!;

describe("AttentionList", () => {
  beforeEach(() => {
    for (const f of Object.values(c)) f.mockReset();
    c.syncStatus.mockResolvedValue(syncStatus());
    c.resolveAttention.mockResolvedValue(null);
    // The replica's copy of each ticket: the hub's state once the held edit was refetched.
    c.ticketDetail.mockImplementation(async (id) => SERVER[id] ?? Promise.reject({ code: "not_found", message: "gone" }));
    locale.set("en");
    workspace.info = {
      agent: { id: "agent-lin-yue", name: "Lin Yue", group_id: null },
      ticket_count: 2,
      demo: true,
      agents: [],
      groups: [],
    };
  });

  it("renders hostile subjects, reasons and reply bodies as literal text", async () => {
    const { container } = await setup();
    await new Promise((r) => setTimeout(r, 50));
    const [held, rejected] = screen.getAllByTestId("attention-item");
    expect(held.dataset.editId).toBe("e-reply");
    expect(held.dataset.ticketId).toBe("31");
    expect(held.dataset.kind).toBe("held");
    expect(within(held, "attention-subject").textContent).toBe(`${IMG} refund`);
    expect(held.textContent).toContain("#31");
    expect(within(held, "attention-reason").textContent).toBe(`Customer replied: <b onmouseover="window.__pwned=1">hi</b>`);
    const preview = within(held, "attention-preview").textContent!;
    expect(preview.startsWith(`${IMG} <script>window.__pwned=1</script>`)).toBe(true);
    expect(Array.from(preview).length).toBeLessThanOrEqual(201);
    expect(preview.endsWith("…")).toBe(true);
    expect(within(held, "attention-kind").textContent).toBe("Held, not sent");
    expect(within(rejected, "attention-kind").textContent).toBe("Rejected by the hub");
    expect(within(rejected, "attention-preview").textContent).toBe("Solved");

    expect(container.querySelector("img, script, b")).toBeNull();
    expect(container.querySelector("[onerror], [onmouseover]")).toBeNull();
    expect(window.__pwned).toBeUndefined();
  });

  it("labels resend by kind and opens the ticket", async () => {
    const { onopen } = await setup();
    const [held, rejected] = screen.getAllByTestId("attention-item");
    expect(within(held, "attention-resend").textContent!.trim()).toBe("Send anyway");
    expect(within(rejected, "attention-resend").textContent!.trim()).toBe("Try again");
    await fireEvent.click(within(rejected, "attention-open"));
    expect(onopen).toHaveBeenCalledWith(32);
  });

  it("resends, then refreshes the items and the status", async () => {
    const { onresolved } = await setup();
    const held = screen.getAllByTestId("attention-item")[0];
    c.attentionItems.mockResolvedValue([REJECTED_STATUS]);
    const statusCalls = c.syncStatus.mock.calls.length;
    await fireEvent.click(within(held, "attention-resend"));
    expect(c.resolveAttention).toHaveBeenCalledWith("e-reply", "resend");
    await waitFor(() => expect(screen.getAllByTestId("attention-item").map((i) => i.dataset.editId)).toEqual(["e-status"]));
    expect(c.syncStatus.mock.calls.length).toBe(statusCalls + 1);
    expect(onresolved).toHaveBeenCalledWith(HELD_REPLY, "resend");
  });

  it("asks before discarding a reply, and can be talked out of it", async () => {
    await setup();
    const held = screen.getAllByTestId("attention-item")[0];
    await fireEvent.click(within(held, "attention-discard"));
    expect(c.resolveAttention).not.toHaveBeenCalled();
    expect(held.textContent).toContain("Discard this reply?");
    await fireEvent.click(within(held, "attention-discard-cancel"));
    expect(c.resolveAttention).not.toHaveBeenCalled();
    expect(within(held, "attention-discard-confirm")).toBeNull();

    await fireEvent.click(within(held, "attention-discard"));
    await fireEvent.click(within(held, "attention-discard-confirm"));
    expect(c.resolveAttention).toHaveBeenCalledWith("e-reply", "discard");
  });

  it("discards a field change without asking", async () => {
    await setup();
    const rejected = screen.getAllByTestId("attention-item")[1];
    await fireEvent.click(within(rejected, "attention-discard"));
    expect(c.resolveAttention).toHaveBeenCalledWith("e-status", "discard");
  });

  it("says when nothing needs attention", async () => {
    const sync = new SyncStore();
    sync.apply(syncStatus({ needs_attention: 0 }));
    render(AttentionList, { sync, openId: null, onopen: vi.fn() });
    expect(screen.getByTestId("attention-empty").textContent).toBe("Nothing needs your attention.");
    expect(screen.getByTestId("attention-list").children).toHaveLength(0);
  });

  it("shows the agent's version beside what the hub has now", async () => {
    const { container } = await setup();
    const [held, rejected] = screen.getAllByTestId("attention-item");
    await waitFor(() => expect(within(held, "attention-server").dataset.state).toBe("ready"));
    expect(within(held, "attention-yours").textContent).toContain("Your version");
    expect(within(held, "attention-server").textContent).toContain("On the server now");
    // Only what others wrote after my last reply: the customer's follow-up and the colleague's answer.
    const shown = Array.from(held.querySelectorAll<HTMLElement>('[data-testid="attention-server-message"]'));
    expect(shown.map((m) => m.textContent!.replace(/\s+/g, " ").trim())).toEqual([
      `Emily ${IMG} still nothing`,
      "Priya Nair Another agent: we are looking into it.",
    ]);
    expect(shown.map((m) => m.dataset.kind)).toEqual(["customer", "reply"]);
    // A field change shows the field's current value on the hub.
    await waitFor(() => expect(within(rejected, "attention-server").dataset.state).toBe("ready"));
    expect(within(rejected, "attention-server-value").textContent).toBe("Closed");
    expect(container.querySelector("img")).toBeNull();
  });

  it("reads the server side again after a sync, and says when the ticket is gone", async () => {
    const gone = attentionItem({ edit_id: "e-gone", ticket_id: 99, kind: "rejected", edit: { kind: "set_priority", priority: "low" } });
    const { sync } = await setup([HELD_REPLY, gone]);
    const [held, lost] = screen.getAllByTestId("attention-item");
    await waitFor(() => expect(within(lost, "attention-server").dataset.state).toBe("gone"));
    expect(within(lost, "attention-server").textContent).toContain("no longer in your copy");
    await waitFor(() => expect(within(held, "attention-server").dataset.state).toBe("ready"));
    const reads = c.ticketDetail.mock.calls.length;
    const before = SERVER[31];
    onTestFinished(() => {
      SERVER[31] = before;
    });
    SERVER[31] = { ...SERVER[31], messages: [...SERVER[31].messages, msg(5, "customer", "Emily", "Hello??")] };
    sync.apply(syncStatus({ needs_attention: 2, last_synced_at: Date.UTC(2025, 0, 3) }));
    await waitFor(() => expect(held.textContent).toContain("Hello??"));
    expect(c.ticketDetail.mock.calls.length).toBeGreaterThan(reads);
  });
});
