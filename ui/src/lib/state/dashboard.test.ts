import { describe, expect, it, vi } from "vitest";
import type { Dashboard } from "$lib/bindings/Dashboard";
import { DashboardStore, dayLabel, localUtcOffset } from "./dashboard.svelte";

vi.mock("$lib/bindings/commands", () => ({ commands: { dashboard: vi.fn() } }));

const figures = (breaches: number): Dashboard => ({
  open_by_category: [{ category: "fraud", count: 4 }],
  breaches_today: breaches,
  breaches_by_category: [],
  urgent_by_day: [],
});

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("dashboard state", () => {
  it("passes the zone offset as minutes east of UTC", async () => {
    const fetch = vi.fn(async () => figures(1));
    const store = new DashboardStore(() => {}, fetch);
    await store.load(480);
    expect(fetch).toHaveBeenCalledWith(480);
    expect(store.data?.breaches_today).toBe(1);
    expect(store.loading).toBe(false);
    // getTimezoneOffset is minutes *west*; the Rust side takes east.
    expect(localUtcOffset({ getTimezoneOffset: () => -480 } as Date)).toBe(480);
  });

  it("drops an older answer that lands after a newer one", async () => {
    const slow = deferred<Dashboard>();
    const fetch = vi.fn().mockReturnValueOnce(slow.promise).mockResolvedValueOnce(figures(2));
    const store = new DashboardStore(() => {}, fetch);
    const first = store.load(0);
    await store.load(0);
    slow.resolve(figures(9));
    await first;
    expect(store.data?.breaches_today).toBe(2);
  });

  it("reports a failed load and keeps the last figures", async () => {
    const onError = vi.fn();
    const fetch = vi.fn().mockResolvedValueOnce(figures(3)).mockRejectedValueOnce({ code: "internal", message: "x" });
    const store = new DashboardStore(onError, fetch);
    await store.load(0);
    await store.load(0);
    expect(onError).toHaveBeenCalledWith({ code: "internal", message: "x" });
    expect(store.data?.breaches_today).toBe(3);
  });

  it("labels days month/day in the agent's locale", () => {
    const day = new Date(2026, 10, 22).getTime();
    expect(dayLabel(day, "en")).toBe("11/22");
    expect(dayLabel(day, "zh-CN")).toBe("11/22");
  });
});
