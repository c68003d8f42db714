// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AttentionItem } from "$lib/bindings/AttentionItem";
import type { Resolution } from "$lib/bindings/Resolution";
import type { SyncStatus } from "$lib/bindings/SyncStatus";
import { attentionItem, syncStatus } from "./fixtures";

// The Tauri boundary, mocked: only the commands the sync store calls.
const c = vi.hoisted(() => ({
  syncStatus: vi.fn<() => Promise<SyncStatus>>(),
  attentionItems: vi.fn<() => Promise<AttentionItem[]>>(),
  resolveAttention: vi.fn<(editId: string, r: Resolution) => Promise<null>>(),
  setWorkOffline: vi.fn<(offline: boolean) => Promise<SyncStatus>>(),
}));
vi.mock("$lib/bindings/commands", () => ({ CONSOLE_EVENT: "console-event", commands: c }));

const { default: AttentionList } = await import("../AttentionList.svelte");
const { SyncStore } = await import("$lib/state/sync.svelte");
const { locale } = await import("$lib/state/locale.svelte");

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
    locale.set("en");
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
});
