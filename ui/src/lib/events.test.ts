import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { consoleEventRouter } from "./events";

describe("consoleEventRouter", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("refreshes at once on the first change, then batches a burst into one more refresh", () => {
    // A burst of tickets_changed must not each refetch counts and pages.
    const ticketsChanged = vi.fn();
    const r = consoleEventRouter({ ticketsChanged, fillProgress: vi.fn() }, 400);
    r.handle({ kind: "tickets_changed", value: { ids: [1] } });
    expect(ticketsChanged).toHaveBeenCalledTimes(1);
    expect(ticketsChanged).toHaveBeenLastCalledWith([1]);

    for (let i = 2; i <= 30; i++) r.handle({ kind: "tickets_changed", value: { ids: [i, 1] } });
    expect(ticketsChanged).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(400);
    expect(ticketsChanged).toHaveBeenCalledTimes(2);
    const ids = ticketsChanged.mock.calls[1][0] as number[];
    expect(ids.length).toBe(30); // every id once, so the open ticket is never missed
    expect(new Set(ids).size).toBe(30);

    vi.advanceTimersByTime(2000);
    expect(ticketsChanged).toHaveBeenCalledTimes(2); // quiet again: nothing more
    r.dispose();
  });

  it("treats an empty id list as 'unknown which', which wins over known ids in a batch", () => {
    // The core sends ids: [] after a bulk fill; the open ticket must be refreshed too.
    const ticketsChanged = vi.fn();
    const r = consoleEventRouter({ ticketsChanged, fillProgress: vi.fn() }, 400);
    r.handle({ kind: "tickets_changed", value: { ids: [] } });
    expect(ticketsChanged).toHaveBeenLastCalledWith(null);
    r.handle({ kind: "tickets_changed", value: { ids: [5] } });
    r.handle({ kind: "tickets_changed", value: { ids: [] } });
    r.handle({ kind: "tickets_changed", value: { ids: [6] } });
    vi.advanceTimersByTime(400);
    expect(ticketsChanged).toHaveBeenLastCalledWith(null);
    r.dispose();
  });

  it("shows fill progress and refreshes the data it reports, throttled", () => {
    // The fill only says "tickets_changed" at the end; the list should fill in meanwhile.
    const fillProgress = vi.fn();
    const ticketsChanged = vi.fn();
    const r = consoleEventRouter({ ticketsChanged, fillProgress }, 400);
    for (let done = 500; done <= 5000; done += 500) {
      r.handle({ kind: "fill_progress", value: { done, total: 5000 } });
    }
    expect(fillProgress).toHaveBeenCalledTimes(10);
    expect(fillProgress).toHaveBeenLastCalledWith(5000, 5000);
    expect(ticketsChanged).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(400);
    expect(ticketsChanged).toHaveBeenCalledTimes(2);
    // New tickets only: lists and counts refresh, no open ticket needs reloading.
    expect(ticketsChanged).toHaveBeenLastCalledWith([]);
    r.dispose();
  });

  it("passes sync statuses straight through without refreshing lists", () => {
    // A status is a whole snapshot: the banner must follow at once, and nothing is refetched.
    const sync = vi.fn();
    const ticketsChanged = vi.fn();
    const r = consoleEventRouter({ ticketsChanged, fillProgress: vi.fn(), sync }, 400);
    const status = {
      connectivity: "offline" as const,
      queued: 3,
      needs_attention: 0,
      bootstrap: null,
      last_error: null,
      last_synced_at: null,
      retry_at: null,
    };
    r.handle({ kind: "sync", value: { status } });
    r.handle({ kind: "sync", value: { status: { ...status, connectivity: "online", queued: 0 } } });
    expect(sync).toHaveBeenCalledTimes(2);
    expect(sync.mock.calls[0][0]).toEqual(status);
    expect(sync.mock.calls[1][0]).toMatchObject({ connectivity: "online", queued: 0 });
    vi.advanceTimersByTime(2000);
    expect(ticketsChanged).not.toHaveBeenCalled();
    r.dispose();
  });

  it("ignores sync events when no sync handler is given", () => {
    const r = consoleEventRouter({ ticketsChanged: vi.fn(), fillProgress: vi.fn() }, 400);
    expect(() =>
      r.handle({
        kind: "sync",
        value: {
          status: {
            connectivity: "online",
            queued: 0,
            needs_attention: 0,
            bootstrap: null,
            last_error: null,
            last_synced_at: null,
            retry_at: null,
          },
        },
      }),
    ).not.toThrow();
    r.dispose();
  });

  it("passes notification clicks, in-window alerts and the unread count straight through", () => {
    // A click is an action and a count is a snapshot: neither may wait behind the list batching.
    const openTicket = vi.fn();
    const alert = vi.fn();
    const unreadUrgent = vi.fn();
    const ticketsChanged = vi.fn();
    const r = consoleEventRouter({ ticketsChanged, fillProgress: vi.fn(), openTicket, alert, unreadUrgent }, 400);
    r.handle({ kind: "open_ticket", value: { id: 42 } });
    r.handle({ kind: "open_ticket", value: { id: null } });
    expect(openTicket.mock.calls).toEqual([[42], [null]]);

    const a = { summary: "Fraud · #7", body: "Email", ticket_id: 7, urgent: true };
    r.handle({ kind: "alert", value: { alert: a } });
    r.handle({ kind: "alert", value: { alert: { ...a, ticket_id: null, urgent: false } } });
    expect(alert).toHaveBeenCalledTimes(2);
    expect(alert.mock.calls[0][0]).toEqual(a);
    expect(alert.mock.calls[1][0]).toMatchObject({ ticket_id: null, urgent: false });

    r.handle({ kind: "unread_urgent", value: { count: 3 } });
    r.handle({ kind: "unread_urgent", value: { count: 0 } });
    expect(unreadUrgent.mock.calls).toEqual([[3], [0]]);

    vi.advanceTimersByTime(2000);
    expect(ticketsChanged).not.toHaveBeenCalled();
    r.dispose();
  });

  it("ignores the alert events when their handlers are not given", () => {
    // An older UI shell (or a test) wiring only the list handlers must not break on them.
    const r = consoleEventRouter({ ticketsChanged: vi.fn(), fillProgress: vi.fn() }, 400);
    expect(() => {
      r.handle({ kind: "open_ticket", value: { id: 1 } });
      r.handle({ kind: "alert", value: { alert: { summary: "s", body: "b", ticket_id: 1, urgent: true } } });
      r.handle({ kind: "unread_urgent", value: { count: 2 } });
    }).not.toThrow();
    r.dispose();
  });
});
