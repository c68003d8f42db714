import { describe, expect, it } from "vitest";
import type { Dashboard } from "$lib/bindings/Dashboard";
import { clip, openByCategoryChart, openChartHeight, readPalette, urgentByDayChart, type ChartText } from "./dashboardCharts";

const figures: Dashboard = {
  open_by_category: [
    { category: "fraud", count: 1200 },
    { category: "top_up", count: 48 },
  ],
  breaches_today: 0,
  breaches_by_category: [],
  urgent_by_day: [
    { day_start: 1, count: 2 },
    { day_start: 2, count: 0 },
  ],
};
const palette = { accent: "#00f", danger: "#f00", muted: "#777", grid: "#ddd", font: "sans-serif" };
const text = (lang: "en" | "zh-CN"): ChartText => ({
  locale: lang,
  tickets: lang === "en" ? "Tickets" : "工单数",
  categoryName: (id) => ({ fraud: lang === "en" ? "Fraud" : "欺诈", top_up: lang === "en" ? "Top-up" : "充值" })[id as string] ?? id,
  categoryFullName: (id) => (id === "fraud" && lang === "en" ? "Fraud and unauthorized transactions" : `${id} (full)`),
  isUrgent: (id) => id === "fraud",
  dayLabel: (ms) => `d${ms}`,
  number: (n) => new Intl.NumberFormat(lang).format(n),
});

describe("dashboard chart configs", () => {
  it("puts open tickets per category on horizontal bars, urgent categories in danger red", () => {
    const c = openByCategoryChart(figures, text("en"), palette);
    expect(c.type).toBe("bar");
    expect(c.options?.indexAxis).toBe("y");
    expect(c.data.labels).toEqual(["Fraud and unauthorized transactions", "top_up (full)"]);
    expect(c.data.datasets[0]).toMatchObject({ label: "Tickets", data: [1200, 48], backgroundColor: ["#f00", "#00f"] });
  });

  it("labels each category with its count in the agent's language", () => {
    const c = openByCategoryChart(figures, text("zh-CN"), palette);
    const y = c.options?.scales?.y as { ticks: { callback: (v: number, i: number) => string } };
    expect([0, 1].map((i) => y.ticks.callback(i, i))).toEqual(["欺诈  1,200", "充值  48"]);
    expect(c.options?.locale).toBe("zh-CN");
    expect(c.data.datasets[0].label).toBe("工单数");
  });

  it("draws urgent cases per day oldest first, without animation, in theme colours", () => {
    const c = urgentByDayChart(figures, text("en"), palette);
    expect(c.options?.indexAxis).toBe("x");
    expect(c.options?.animation).toBe(false);
    expect(c.data.labels).toEqual(["d1", "d2"]);
    expect(c.data.datasets[0]).toMatchObject({ data: [2, 0], backgroundColor: "#f00" });
    expect(c.options?.scales?.y).toMatchObject({ ticks: { precision: 0, color: "#777" }, grid: { color: "#ddd" } });
  });

  it("reads the palette from the theme's CSS variables", () => {
    const vars: Record<string, string> = { "--accent": " #2f6bd8", "--danger": "#c8321f ", "--text-muted": "#5f6b7c", "--border": "#e2e5ea", "--font-ui": "system-ui" };
    expect(readPalette({ getPropertyValue: (n) => vars[n] ?? "" })).toEqual({
      accent: "#2f6bd8",
      danger: "#c8321f",
      muted: "#5f6b7c",
      grid: "#e2e5ea",
      font: "system-ui",
    });
  });

  it("shortens long names on the axis only", () => {
    expect(clip("Fraud and unauthorized transactions", 18)).toBe("Fraud and unautho…");
    expect(clip("Top-up", 18)).toBe("Top-up");
  });

  it("gives every category a row", () => {
    expect(openChartHeight(10)).toBeGreaterThan(openChartHeight(2));
    expect(openChartHeight(0)).toBe(openChartHeight(1));
  });
});
