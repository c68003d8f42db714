import type { Locale, Translate } from "$lib/i18n";
import { dateTimeFormat } from "./intl";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Below this an SLA is amber: the same one-hour window the Rust side calls "at risk". */
export const SLA_SOON_MS = HOUR;

/**
 * A compact, always-positive duration: "<1m", "42m", "1h 20m" (under 10h, where minutes
 * still matter to an agent), "13h", "3d". Units truncate, so a label never overstates time left.
 */
export function compactDuration(ms: number, t: Translate): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return t("dur.underMinute");
  if (abs < HOUR) return t("dur.m", { m: Math.floor(abs / MINUTE) });
  if (abs < 10 * HOUR) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return m === 0 ? t("dur.h", { h }) : t("dur.hm", { h, m });
  }
  if (abs < 2 * DAY) return t("dur.h", { h: Math.floor(abs / HOUR) });
  return t("dur.d", { d: Math.floor(abs / DAY) });
}

export type SlaTone = "overdue" | "soon" | "ok";
export type Countdown = { text: string; tone: SlaTone };

/**
 * "due in 12m" / "overdue 3h". Due exactly now counts as overdue: the breach has happened
 * by the time anyone reads it.
 */
export function slaCountdown(dueAt: number, now: number, t: Translate): Countdown {
  const left = dueAt - now;
  if (left <= 0) return { text: t("sla.overdue", { d: compactDuration(left, t) }), tone: "overdue" };
  const tone: SlaTone = left < SLA_SOON_MS ? "soon" : "ok";
  return { text: t("sla.dueIn", { d: compactDuration(left, t) }), tone };
}

/**
 * "just now", "5m ago", "3h ago", "2d ago", then a calendar date once the age stops being
 * the useful part. Times slightly in the future (clock skew) read as "just now".
 */
export function relativeTime(at: number, now: number, t: Translate, locale: Locale): string {
  const age = now - at;
  if (age < MINUTE) return t("time.justNow");
  if (age < HOUR) return t("time.minutesAgo", { n: Math.floor(age / MINUTE) });
  if (age < DAY) return t("time.hoursAgo", { n: Math.floor(age / HOUR) });
  if (age < 7 * DAY) return t("time.daysAgo", { n: Math.floor(age / DAY) });
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return dateTimeFormat(locale, {
    month: "short",
    day: "numeric",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(at);
}

/**
 * Local date and time, for tooltips and the thread where exact order matters. The year is
 * left out when it is the current one (pass `now`), which is nearly always.
 */
export function absoluteTime(at: number, locale: Locale, now?: number): string {
  const sameYear = now !== undefined && new Date(at).getFullYear() === new Date(now).getFullYear();
  return dateTimeFormat(locale, {
    ...(sameYear ? {} : { year: "numeric" }),
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
}
