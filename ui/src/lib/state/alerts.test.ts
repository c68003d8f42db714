import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { InWindowAlert } from "$lib/bindings/InWindowAlert";

// The store talks to Rust only through `commands`; mock exactly that.
const c = vi.hoisted(() => ({
  unreadUrgent: vi.fn<() => Promise<number>>(),
  markSeen: vi.fn<(id: number) => Promise<number>>(),
}));
vi.mock("$lib/bindings/commands", () => ({ CONSOLE_EVENT: "console-event", commands: c }));

const { AlertsStore, AUTO_DISMISS_MS, MAX_KEPT, MAX_VISIBLE, titleWithUnread } = await import("./alerts.svelte");

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const alert = (over: Partial<InWindowAlert> = {}): InWindowAlert => ({
  summary: "Urgent: Fraud",
  body: "#7 · Email",
  ticket_id: 7,
  urgent: true,
  ...over,
});

describe("AlertsStore toasts", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("keeps urgent toasts until handled and lets others go after a while", () => {
    const s = new AlertsStore();
    s.push(alert({ ticket_id: 1, urgent: true }));
    s.push(alert({ ticket_id: 2, urgent: false }));
    expect(s.toasts.map((t) => t.ticket_id)).toEqual([2, 1]); // newest first
    vi.advanceTimersByTime(AUTO_DISMISS_MS - 1);
    expect(s.toasts).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(s.toasts.map((t) => t.ticket_id)).toEqual([1]);
    vi.advanceTimersByTime(10 * AUTO_DISMISS_MS);
    expect(s.toasts.map((t) => t.ticket_id)).toEqual([1]);
    s.dispose();
  });

  it("dismisses one toast by key, even among toasts for the same ticket", () => {
    const s = new AlertsStore();
    s.push(alert({ summary: "first" }));
    s.push(alert({ summary: "second" }));
    s.dismiss(s.toasts[1].key);
    expect(s.toasts.map((t) => t.summary)).toEqual(["second"]);
  });

  it("drops every toast for a ticket the agent opened, and their timers", () => {
    const s = new AlertsStore();
    s.push(alert({ ticket_id: 3, urgent: false }));
    s.push(alert({ ticket_id: 4 }));
    s.push(alert({ ticket_id: 3 }));
    s.push(alert({ ticket_id: null }));
    s.handled(3);
    expect(s.toasts.map((t) => t.ticket_id)).toEqual([null, 4]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("shows a few and counts the rest", () => {
    const s = new AlertsStore();
    for (let i = 1; i <= MAX_VISIBLE + 3; i++) s.push(alert({ ticket_id: i }));
    expect(s.visible.map((t) => t.ticket_id)).toEqual([8, 7, 6, 5, 4]);
    expect(s.hidden).toBe(3);
    s.dismiss(s.visible[0].key);
    expect(s.visible.map((t) => t.ticket_id)).toEqual([7, 6, 5, 4, 3]);
    expect(s.hidden).toBe(2);
  });

  it("bounds what it keeps, dropping the oldest and their timers", () => {
    const s = new AlertsStore();
    s.push(alert({ ticket_id: 0, urgent: false }));
    for (let i = 1; i <= MAX_KEPT; i++) s.push(alert({ ticket_id: i }));
    expect(s.toasts).toHaveLength(MAX_KEPT);
    expect(s.toasts.at(-1)!.ticket_id).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops its timers on dispose", () => {
    const s = new AlertsStore();
    s.push(alert({ urgent: false }));
    s.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("AlertsStore unread count", () => {
  beforeEach(() => {
    c.unreadUrgent.mockReset();
    c.markSeen.mockReset();
  });

  it("loads the starting count and takes the count mark_seen answers", async () => {
    const s = new AlertsStore();
    c.unreadUrgent.mockResolvedValue(4);
    await s.loadUnread();
    expect(s.unread).toBe(4);
    c.markSeen.mockResolvedValue(3);
    await s.markSeen(12);
    expect(c.markSeen).toHaveBeenCalledWith(12);
    expect(s.unread).toBe(3);
  });

  it("lets an event that arrived meanwhile win over an older answer", async () => {
    // The answer was counted before the event's change; showing it would undo the event.
    const s = new AlertsStore();
    const d = deferred<number>();
    c.unreadUrgent.mockReturnValue(d.promise);
    const loading = s.loadUnread();
    s.setUnread(5);
    d.resolve(2);
    await loading;
    expect(s.unread).toBe(5);
  });

  it("keeps the latest of overlapping answers", async () => {
    const s = new AlertsStore();
    const first = deferred<number>();
    const second = deferred<number>();
    c.markSeen.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    const a = s.markSeen(1);
    const b = s.markSeen(2);
    second.resolve(1);
    first.resolve(2);
    await Promise.all([a, b]);
    expect(s.unread).toBe(1);
  });

  it("keeps the last count when the core cannot answer", async () => {
    const s = new AlertsStore();
    s.setUnread(2);
    c.markSeen.mockRejectedValue({ code: "store_unavailable", message: "gone" });
    await expect(s.markSeen(1)).resolves.toBeUndefined();
    expect(s.unread).toBe(2);
  });
});

describe("titleWithUnread", () => {
  it("prefixes the count, and replaces rather than stacks an earlier prefix", () => {
    expect(titleWithUnread("Wallet Desk", 0)).toBe("Wallet Desk");
    expect(titleWithUnread("Wallet Desk", 3)).toBe("(3) Wallet Desk");
    expect(titleWithUnread("(3) Wallet Desk", 12)).toBe("(12) Wallet Desk");
    expect(titleWithUnread("(12) Wallet Desk", 0)).toBe("Wallet Desk");
  });
});
