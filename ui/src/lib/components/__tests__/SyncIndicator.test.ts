// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SyncStatus } from "$lib/bindings/SyncStatus";
import { syncStatus } from "./fixtures";

const c = vi.hoisted(() => ({
  syncStatus: vi.fn(),
  attentionItems: vi.fn(async () => []),
  resolveAttention: vi.fn(),
  setWorkOffline: vi.fn<(offline: boolean) => Promise<SyncStatus>>(),
}));
vi.mock("$lib/bindings/commands", () => ({ CONSOLE_EVENT: "console-event", commands: c }));

const { default: SyncIndicator } = await import("../SyncIndicator.svelte");
const { default: ConnectionBanner } = await import("../ConnectionBanner.svelte");
const { SyncStore } = await import("$lib/state/sync.svelte");
const { locale } = await import("$lib/state/locale.svelte");
const { clock } = await import("$lib/state/clock.svelte");

function both(status: SyncStatus) {
  const sync = new SyncStore();
  sync.apply(status);
  render(SyncIndicator, { sync });
  render(ConnectionBanner, { sync });
  return sync;
}

describe("connection status", () => {
  beforeEach(() => {
    locale.set("en");
    c.setWorkOffline.mockReset();
  });

  it("online: a quiet indicator, no banner, no queued count", () => {
    both(syncStatus({ connectivity: "online" }));
    const ind = screen.getByTestId("sync-indicator");
    expect(ind.dataset.connectivity).toBe("online");
    expect(ind.textContent).toContain("Online");
    expect(screen.queryByTestId("queued-count")).toBeNull();
    expect(screen.queryByTestId("offline-banner")).toBeNull();
    expect(screen.getByTestId("work-offline-toggle").getAttribute("aria-pressed")).toBe("false");
  });

  it("offline: a status banner with the queued count and the next retry", () => {
    clock.now = Date.UTC(2025, 0, 2, 12, 0);
    both(
      syncStatus({
        connectivity: "offline",
        queued: 3,
        retry_at: Date.UTC(2025, 0, 2, 12, 5),
        last_error: "The hub did not answer",
      }),
    );
    const banner = screen.getByTestId("offline-banner");
    expect(banner.getAttribute("role")).toBe("status");
    expect(banner.textContent).toContain("The console is offline.");
    expect(banner.textContent).toContain("saved on this computer and will be sent when the hub is reachable");
    expect(banner.textContent).toContain("3 edits waiting to be sent");
    expect(screen.getByTestId("banner-retry").textContent).toBe("Next attempt in 5m");
    expect(banner.textContent).toContain("The hub did not answer");
    expect(screen.queryByTestId("go-online")).toBeNull();
    expect(screen.getByTestId("queued-count").textContent).toBe("3");
    expect(screen.getByTestId("sync-indicator").textContent).toContain("3 queued");
  });

  it("paused: says it was the agent's choice and offers to go online", async () => {
    const sync = both(syncStatus({ connectivity: "paused", queued: 1 }));
    const banner = screen.getByTestId("offline-banner");
    expect(banner.dataset.connectivity).toBe("paused");
    expect(banner.textContent).toContain("You chose to work offline.");
    expect(banner.textContent).toContain("1 edit waiting to be sent");
    expect(screen.getByTestId("work-offline-toggle").getAttribute("aria-pressed")).toBe("true");
    c.setWorkOffline.mockResolvedValue(syncStatus({ connectivity: "connecting", queued: 1 }));
    await fireEvent.click(screen.getByTestId("go-online"));
    expect(c.setWorkOffline).toHaveBeenCalledWith(false);
    await vi.waitFor(() => expect(sync.status?.connectivity).toBe("connecting"));
    expect(screen.queryByTestId("offline-banner")).toBeNull();
  });

  it("the toggle asks the core to work offline", async () => {
    both(syncStatus({ connectivity: "online" }));
    c.setWorkOffline.mockResolvedValue(syncStatus({ connectivity: "paused" }));
    await fireEvent.click(screen.getByTestId("work-offline-toggle"));
    expect(c.setWorkOffline).toHaveBeenCalledWith(true);
    await vi.waitFor(() => expect(screen.getByTestId("sync-indicator").dataset.connectivity).toBe("paused"));
    expect(screen.getByTestId("offline-banner")).toBeTruthy();
  });

  it("local (no hub): nothing alarming and nothing to toggle", () => {
    both(syncStatus({ connectivity: "local", last_synced_at: null }));
    expect(screen.getByTestId("sync-indicator").dataset.connectivity).toBe("local");
    expect(screen.queryByTestId("offline-banner")).toBeNull();
    expect(screen.queryByTestId("work-offline-toggle")).toBeNull();
  });

  it("speaks Chinese too", () => {
    locale.set("zh-CN");
    both(syncStatus({ connectivity: "offline", queued: 2 }));
    expect(screen.getByTestId("offline-banner").textContent).toContain("2 项修改等待发送");
    expect(screen.getByTestId("sync-indicator").textContent).toContain("离线");
  });
});
