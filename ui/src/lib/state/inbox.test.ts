import { beforeEach, describe, expect, it, vi } from "vitest";
import type { InboxPage } from "$lib/bindings/InboxPage";
import type { InboxQuery } from "$lib/bindings/InboxQuery";
import type { TicketSummary } from "$lib/bindings/TicketSummary";

// Mock at the module boundary: the store talks to Rust only through `commands`.
const inboxPage = vi.fn<(q: InboxQuery) => Promise<InboxPage>>();
vi.mock("$lib/bindings/commands", () => ({
  CONSOLE_EVENT: "console-event",
  commands: { inboxPage: (q: InboxQuery) => inboxPage(q) },
}));

const { InboxStore, PAGE_SIZE } = await import("./inbox.svelte");

const TOTAL = 1000;
function row(id: number, tag = ""): TicketSummary {
  return {
    id,
    subject: `Ticket ${id}${tag}`,
    status: "open",
    priority: "normal",
    category: "general",
    channel: "email",
    urgent: false,
    customer_name: "C",
    assignee_id: null,
    group_id: null,
    preview: "",
    updated_at: 0,
    sla_due_at: null,
  };
}
/** A fake core: rows are numbered by offset, tagged by view so mixups are visible. */
function answer(q: InboxQuery, tag = ""): InboxPage {
  const n = Math.max(0, Math.min(q.limit, TOTAL - q.offset));
  return {
    total: TOTAL,
    offset: q.offset,
    rows: Array.from({ length: n }, (_, i) => row(q.offset + i + 1, `${q.view.kind}${tag}`)),
  };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe("InboxStore", () => {
  beforeEach(() => {
    inboxPage.mockReset();
    inboxPage.mockImplementation(async (q) => answer(q));
  });

  it("fetches page 0 first and sizes the list from its total", async () => {
    const s = new InboxStore();
    s.ensure(0, 20);
    await flush();
    expect(inboxPage).toHaveBeenCalledTimes(1);
    expect(inboxPage.mock.calls[0][0]).toMatchObject({ offset: 0, limit: PAGE_SIZE, sort: "priority" });
    expect(s.total).toBe(TOTAL);
    expect(s.loaded).toBe(true);
    expect(s.rowAt(0)?.id).toBe(1);
  });

  it("asks for pages by offset as the window moves, once per page", async () => {
    const s = new InboxStore();
    s.ensure(0, 20);
    await flush();
    s.ensure(250, 310); // spans pages 2 and 3, moving down: page 4 is fetched ahead
    s.ensure(250, 310); // already in flight: no second request
    await flush();
    const offsets = inboxPage.mock.calls.map((c) => c[0].offset);
    expect(offsets).toEqual([0, 200, 300, 400]);
    expect(s.rowAt(250)?.id).toBe(251);
    expect(s.rowAt(150)).toBeUndefined(); // never requested: a skeleton
  });

  it("fetches one page ahead in the direction of the scroll, and none past either end", async () => {
    const s = new InboxStore();
    s.ensure(0, 20);
    await flush();
    // The first window has no direction yet: nothing beyond what it shows.
    expect(inboxPage.mock.calls.map((c) => c[0].offset)).toEqual([0]);

    s.ensure(480, 520); // down: pages 4 and 5, then 6 before the rows reach it
    await flush();
    s.ensure(430, 470); // up: page 4 is cached, page 3 comes ahead
    await flush();
    s.ensure(0, 30); // up to the top: there is no page before 0
    await flush();
    s.ensure(960, 1000); // down to the end: no page 10 of a 1,000-row list
    await flush();
    expect(inboxPage.mock.calls.map((c) => c[0].offset)).toEqual([0, 400, 500, 600, 300, 900]);
    // The row a steady scroll reaches next is already there, so it shows no skeleton.
    expect(s.rowAt(650)?.id).toBe(651);
    expect(s.rowAt(350)?.id).toBe(351);
  });

  it("never asks past the end once the total is known", async () => {
    const s = new InboxStore();
    s.ensure(0, 20);
    await flush();
    s.ensure(990, 1100);
    await flush();
    expect(inboxPage.mock.calls.map((c) => c[0].offset)).toEqual([0, 900]);
  });

  it("switching view resets offset, cache and total", async () => {
    const s = new InboxStore();
    s.ensure(0, 20);
    s.ensure(500, 520);
    await flush();
    const keyBefore = s.key;

    s.setView({ kind: "urgent" }, 42);
    // The sidebar count sizes the list at once; cached rows of the old view are gone.
    expect(s.key).not.toBe(keyBefore);
    expect(s.total).toBe(42);
    expect(s.loaded).toBe(false);
    expect(s.rowAt(0)).toBeUndefined();
    expect(s.rowAt(500)).toBeUndefined();

    await flush();
    const last = inboxPage.mock.calls.at(-1)![0];
    expect(last).toMatchObject({ view: { kind: "urgent" }, offset: 0 });
    expect(s.rowAt(0)?.subject).toBe("Ticket 1urgent");

    // Coming back refetches instead of reusing the dropped cache.
    inboxPage.mockClear();
    s.setView({ kind: "active" });
    await flush();
    expect(inboxPage).toHaveBeenCalledTimes(1);
    expect(inboxPage.mock.calls[0][0]).toMatchObject({ view: { kind: "active" }, offset: 0 });
  });

  it("selecting the view already shown is a no-op", async () => {
    const s = new InboxStore();
    s.ensure(0, 20);
    await flush();
    inboxPage.mockClear();
    s.setView({ kind: "active" });
    await flush();
    expect(inboxPage).not.toHaveBeenCalled();
    expect(s.rowAt(0)?.id).toBe(1);
  });

  it("changing sort starts over from offset 0", async () => {
    const s = new InboxStore();
    s.ensure(300, 320);
    await flush();
    inboxPage.mockClear();
    s.setSort("updated");
    await flush();
    expect(inboxPage.mock.calls.map((c) => [c[0].sort, c[0].offset])).toEqual([["updated", 0]]);
  });

  it("drops an answer for a view the agent already left", async () => {
    // Slow IPC: the old view's page lands after the switch and must not show up in the new one.
    let release!: () => void;
    inboxPage.mockImplementationOnce(
      (q) => new Promise((res) => (release = () => res(answer(q, "-late")))),
    );
    const s = new InboxStore();
    s.ensure(0, 20);
    s.setView({ kind: "done" });
    await flush();
    release();
    await flush();
    expect(s.rowAt(0)?.subject).toBe("Ticket 1done");
  });

  it("invalidate refetches the visible pages and keeps old rows until they arrive", async () => {
    const s = new InboxStore();
    s.ensure(0, 20);
    await flush();
    let release!: () => void;
    inboxPage.mockImplementationOnce(
      (q) => new Promise((res) => (release = () => res(answer(q, "-fresh")))),
    );
    s.invalidate();
    // No flash of skeletons during a live update.
    expect(s.rowAt(0)?.subject).toBe("Ticket 1active");
    release();
    await flush();
    expect(s.rowAt(0)?.subject).toBe("Ticket 1active-fresh");
    expect(inboxPage.mock.calls.at(-1)![0].offset).toBe(0);
  });

  it("invalidate looks again at a view that was empty (workspace still filling)", async () => {
    inboxPage.mockResolvedValueOnce({ total: 0, offset: 0, rows: [] });
    const s = new InboxStore();
    s.ensure(0, 0); // an empty list renders no rows
    await flush();
    expect(s.loaded).toBe(true);
    expect(s.total).toBe(0);
    s.invalidate();
    await flush();
    expect(s.total).toBe(TOTAL);
    expect(s.rowAt(0)?.id).toBe(1);
  });

  it("reports failures and retries the page on the next ensure", async () => {
    const onError = vi.fn();
    inboxPage.mockRejectedValueOnce({ code: "store_unavailable", message: "db locked" });
    const s = new InboxStore(onError);
    s.ensure(0, 20);
    await flush();
    expect(onError).toHaveBeenCalledWith({ code: "store_unavailable", message: "db locked" });
    s.ensure(0, 20);
    await flush();
    expect(s.rowAt(0)?.id).toBe(1);
  });

  it("sends plain objects over IPC, not reactive proxies", async () => {
    const s = new InboxStore();
    s.setView({ kind: "channel", value: "email" });
    await flush();
    const q = inboxPage.mock.calls.at(-1)![0];
    expect(JSON.parse(JSON.stringify(q))).toEqual(q);
    expect(structuredClone(q)).toEqual(q);
  });
});
