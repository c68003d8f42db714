import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AttentionItem } from "$lib/bindings/AttentionItem";
import type { Resolution } from "$lib/bindings/Resolution";
import type { SyncStatus } from "$lib/bindings/SyncStatus";
import { attentionItem, syncStatus } from "$lib/components/__tests__/fixtures";

// The store talks to Rust only through `commands`; mock exactly that.
const c = vi.hoisted(() => ({
  syncStatus: vi.fn<() => Promise<SyncStatus>>(),
  attentionItems: vi.fn<() => Promise<AttentionItem[]>>(),
  resolveAttention: vi.fn<(editId: string, r: Resolution) => Promise<null>>(),
  setWorkOffline: vi.fn<(offline: boolean) => Promise<SyncStatus>>(),
}));
vi.mock("$lib/bindings/commands", () => ({ CONSOLE_EVENT: "console-event", commands: c }));

const { SyncStore } = await import("./sync.svelte");

const flush = () => new Promise((r) => setTimeout(r, 0));
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("SyncStore", () => {
  beforeEach(() => {
    for (const f of Object.values(c)) f.mockReset();
    c.syncStatus.mockResolvedValue(syncStatus());
    c.attentionItems.mockResolvedValue([]);
    c.resolveAttention.mockResolvedValue(null);
  });

  it("loads the status, and the attention list only when something needs attention", async () => {
    const s = new SyncStore();
    await s.load();
    expect(s.status?.connectivity).toBe("online");
    expect(s.itemsLoaded).toBe(true);
    expect(c.attentionItems).not.toHaveBeenCalled();

    c.attentionItems.mockResolvedValue([attentionItem()]);
    s.apply(syncStatus({ needs_attention: 1 }));
    await flush();
    expect(c.attentionItems).toHaveBeenCalledTimes(1);
    expect(s.items.map((i) => i.edit_id)).toEqual(["e-1"]);

    // Queue progress alone does not refetch the list.
    s.apply(syncStatus({ needs_attention: 1, queued: 4 }));
    await flush();
    expect(c.attentionItems).toHaveBeenCalledTimes(1);
    expect(s.queued).toBe(4);
  });

  it("drops a status answer that a newer sync event overtook", async () => {
    const slow = deferred<SyncStatus>();
    c.syncStatus.mockReturnValue(slow.promise);
    const s = new SyncStore();
    const loading = s.load();
    s.apply(syncStatus({ connectivity: "offline", queued: 2 }));
    slow.resolve(syncStatus({ connectivity: "connecting" }));
    await loading;
    expect(s.status?.connectivity).toBe("offline");
  });

  it("resolves an item, then refreshes the list and the status", async () => {
    const onError = vi.fn();
    const s = new SyncStore(onError);
    c.attentionItems.mockResolvedValue([attentionItem(), attentionItem({ edit_id: "e-2" })]);
    s.apply(syncStatus({ needs_attention: 2 }));
    await flush();

    c.attentionItems.mockResolvedValue([attentionItem({ edit_id: "e-2" })]);
    c.syncStatus.mockResolvedValue(syncStatus({ needs_attention: 1 }));
    expect(await s.resolve("e-1", "resend")).toBe(true);
    expect(c.resolveAttention).toHaveBeenCalledWith("e-1", "resend");
    expect(s.items.map((i) => i.edit_id)).toEqual(["e-2"]);
    expect(s.needsAttention).toBe(1);
    expect(s.resolving).toEqual([]);

    c.resolveAttention.mockRejectedValue({ code: "not_found", message: "gone" });
    expect(await s.resolve("e-2", "discard")).toBe(false);
    expect(onError).toHaveBeenCalledWith({ code: "not_found", message: "gone" });
    expect(s.items.map((i) => i.edit_id)).toEqual(["e-2"]);
  });

  it("switches to working offline and back", async () => {
    const s = new SyncStore();
    c.setWorkOffline.mockResolvedValue(syncStatus({ connectivity: "paused" }));
    await s.setWorkOffline(true);
    expect(c.setWorkOffline).toHaveBeenCalledWith(true);
    expect(s.status?.connectivity).toBe("paused");
    c.setWorkOffline.mockResolvedValue(syncStatus({ connectivity: "connecting" }));
    await s.setWorkOffline(false);
    expect(c.setWorkOffline).toHaveBeenLastCalledWith(false);
    expect(s.status?.connectivity).toBe("connecting");
    expect(s.switching).toBe(false);
  });
});
