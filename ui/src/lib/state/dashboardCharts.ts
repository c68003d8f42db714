import type { ChartConfiguration } from "chart.js";
import type { Category } from "$lib/bindings/Category";
import type { Dashboard } from "$lib/bindings/Dashboard";

/** Theme colours the charts paint with; read from app.css's custom properties, not hard-coded. */
export type Palette = { accent: string; danger: string; muted: string; grid: string; font: string };

/** Reads the palette from the resolved theme's CSS variables (a canvas cannot use var() itself). */
export function readPalette(style: Pick<CSSStyleDeclaration, "getPropertyValue">): Palette {
  const v = (name: string) => style.getPropertyValue(name).trim();
  return { accent: v("--accent"), danger: v("--danger"), muted: v("--text-muted"), grid: v("--border"), font: v("--font-ui") };
}

/** What the charts need from i18n and the taxonomy, so building them stays a pure function. */
export type ChartText = {
  locale: string;
  tickets: string;
  categoryName: (id: Category) => string;
  categoryFullName: (id: Category) => string;
  isUrgent: (id: Category) => boolean;
  dayLabel: (dayStart: number) => string;
  number: (n: number) => string;
};

type Bar = ChartConfiguration<"bar">;

const TICK_CHARS = 18;
export const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

function options(p: Palette, locale: string, horizontal: boolean, tick?: (i: number) => string): Bar["options"] {
  const font = { family: p.font || undefined, size: 11 };
  const value = { beginAtZero: true, ticks: { precision: 0, color: p.muted, font }, grid: { color: p.grid } };
  const ticks = { color: p.muted, font, autoSkip: !horizontal, maxRotation: 0, ...(tick && { callback: (_v: unknown, i: number) => tick(i) }) };
  const label = { ticks, grid: { display: false } };
  return {
    // Agents read numbers, not motion; a still chart also keeps WebDriver screenshots stable.
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    locale,
    indexAxis: horizontal ? "y" : "x",
    scales: horizontal ? { x: value, y: label } : { x: label, y: value },
    plugins: { tooltip: { displayColors: false, titleFont: font, bodyFont: font } },
  };
}

/** Open tickets per category as horizontal bars; urgent categories in the danger colour. */
export function openByCategoryChart(d: Dashboard, t: ChartText, p: Palette): Bar {
  const rows = d.open_by_category;
  // The count sits beside each name, as the hand-drawn list had it: a bar alone is not a number.
  // Chart.js crops a long tick at the canvas edge, so it is shortened here; the tooltip has it whole.
  const tick = (i: number) => `${clip(t.categoryName(rows[i].category), TICK_CHARS)}  ${t.number(rows[i].count)}`;
  return {
    type: "bar",
    data: {
      labels: rows.map((r) => t.categoryFullName(r.category)),
      datasets: [
        {
          label: t.tickets,
          data: rows.map((r) => r.count),
          backgroundColor: rows.map((r) => (t.isUrgent(r.category) ? p.danger : p.accent)),
          borderRadius: 3,
          maxBarThickness: 12,
        },
      ],
    },
    options: options(p, t.locale, true, tick),
  };
}

/** Urgent cases created per local day, oldest first. */
export function urgentByDayChart(d: Dashboard, t: ChartText, p: Palette): Bar {
  const days = d.urgent_by_day;
  return {
    type: "bar",
    data: {
      labels: days.map((x) => t.dayLabel(x.day_start)),
      datasets: [{ label: t.tickets, data: days.map((x) => x.count), backgroundColor: p.danger, borderRadius: 2 }],
    },
    options: options(p, t.locale, false),
  };
}

/** Canvas height for the category chart: one row per category, plus the value axis. */
export const openChartHeight = (categories: number): number => 20 * Math.max(1, categories) + 28;
