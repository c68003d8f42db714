// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/svelte";
import { flushSync } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Dashboard as Figures } from "$lib/bindings/Dashboard";
import { DashboardStore } from "$lib/state/dashboard.svelte";
import { locale } from "$lib/state/locale.svelte";
import { theme } from "$lib/state/theme.svelte";
import { workspace } from "$lib/state/workspace.svelte";
import Dashboard from "../Dashboard.svelte";

vi.mock("$lib/bindings/commands", () => ({ commands: { dashboard: vi.fn() } }));

// jsdom has no canvas, so Chart.js would only log; a stand-in records what the component asks of it.
const charts = vi.hoisted(() => [] as { canvas: HTMLCanvasElement; data: any; options: any; updates: number; destroyed: boolean }[]);
vi.mock("chart.js", () => {
  class Chart {
    static register = () => {};
    updates = 0;
    destroyed = false;
    data: unknown;
    options: unknown;
    constructor(public canvas: HTMLCanvasElement, config: { data: unknown; options: unknown }) {
      this.data = config.data;
      this.options = config.options;
      charts.push(this as never);
    }
    update() {
      this.updates++;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return { Chart, BarController: {}, BarElement: {}, CategoryScale: {}, LinearScale: {}, Tooltip: {} };
});

const DAY = 86_400_000;
const figures: Figures = {
  open_by_category: [
    { category: "fraud", count: 12 },
    { category: "top_up", count: 48 },
  ],
  breaches_today: 5,
  breaches_by_category: [{ category: "fraud", count: 5 }],
  urgent_by_day: [
    { day_start: 1_795_276_800_000 - DAY, count: 2 },
    { day_start: 1_795_276_800_000, count: 7 },
  ],
};

async function setup(data: Figures = figures) {
  let next = data;
  const store = new DashboardStore(() => {}, async () => next);
  await store.load(0);
  const view = render(Dashboard, { store });
  // Chart.js arrives by dynamic import; let it land before looking at the charts.
  await vi.dynamicImportSettled();
  flushSync();
  const reload = async (d: Figures) => {
    next = d;
    await store.load(0);
    flushSync();
  };
  return { ...view, reload };
}

describe("Dashboard", () => {
  afterEach(() => theme.set("system"));

  beforeEach(() => {
    charts.length = 0;
    locale.set("en");
    workspace.taxonomy = {
      categories: [
        { id: "fraud", name: { zh: "欺诈", en: "Fraud" }, urgent: true },
        { id: "top_up", name: { zh: "充值", en: "Top-up" }, urgent: false },
      ],
      channels: [],
    };
  });

  it("lists the same numbers as the chart in a table for screen readers", async () => {
    await setup();
    const rows = within(screen.getByTestId("dash-open-table")).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(["Fraud12", "Top-up48"]);
    const urgent = within(screen.getByTestId("dash-urgent-table")).getAllByRole("row").slice(1);
    expect(urgent.map((r) => r.dataset.count)).toEqual(["2", "7"]);
    expect(screen.getByTestId("dash-breaches").dataset.count).toBe("5");
  });

  it("draws one labelled canvas per chart from the same figures", async () => {
    await setup();
    const canvases = [...document.querySelectorAll("canvas")];
    expect(canvases.map((c) => c.getAttribute("aria-label"))).toEqual(["Open tickets per category", "Urgent cases, last 14 days"]);
    expect(charts.map((c) => c.canvas)).toEqual(canvases);
    expect(charts[0].data.datasets[0].data).toEqual([12, 48]);
    expect(charts[1].data.datasets[0].data).toEqual([2, 7]);
  });

  it("updates the charts in place when the figures change, and destroys them on unmount", async () => {
    const { reload, unmount } = await setup();
    await reload({ ...figures, open_by_category: [{ category: "fraud", count: 13 }, { category: "top_up", count: 48 }] });
    expect(charts).toHaveLength(2);
    expect(charts[0].updates).toBeGreaterThan(0);
    expect(charts[0].data.datasets[0].data).toEqual([13, 48]);
    const row = within(screen.getByTestId("dash-open-table")).getAllByRole("row")[1];
    expect(row.dataset.count).toBe("13");
    unmount();
    expect(charts.every((c) => c.destroyed)).toBe(true);
  });

  it("repaints with the theme's colours when the theme changes", async () => {
    await setup();
    document.documentElement.style.setProperty("--danger", "rgb(1, 2, 3)");
    theme.set("dark");
    flushSync();
    expect(charts).toHaveLength(2);
    expect(charts[1].data.datasets[0].backgroundColor).toBe("rgb(1, 2, 3)");
    document.documentElement.style.removeProperty("--danger");
  });

  it("says so when nothing breached today", async () => {
    await setup({ ...figures, breaches_today: 0, breaches_by_category: [] });
    expect(screen.getByText("No breaches today.")).toBeTruthy();
  });

  it("renders category names in Chinese", async () => {
    locale.set("zh-CN");
    await setup();
    expect(screen.getByRole("heading", { name: "各分类未结工单" })).toBeTruthy();
    expect(within(screen.getByTestId("dash-open-table")).getByText("欺诈")).toBeTruthy();
  });
});
