import type { AlertSettings } from "$lib/bindings/AlertSettings";
import type { Category } from "$lib/bindings/Category";
import type { CategoryInfo } from "$lib/bindings/CategoryInfo";

const MINUTES_PER_DAY = 24 * 60;

/** What the quiet-hours inputs show while quiet hours are off, so enabling them starts sensibly. */
export const DEFAULT_QUIET = { start_minute: 22 * 60, end_minute: 7 * 60 } as const;

/** Minutes after local midnight → the `HH:MM` an `<input type="time">` takes. */
export function minutesToTime(minutes: number): string {
  const m = ((Math.trunc(minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/**
 * An `<input type="time">` value → minutes after midnight, or `null` when it is not a time
 * (an empty, half-typed input). Seconds, which some engines add, are ignored.
 */
export function timeToMinutes(value: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

/**
 * The categories to offer, the urgent ones (security, fraud) first, each with whether it is on.
 * A category the saved settings do not mention follows its urgency, as the core does; one the
 * settings mention but the taxonomy does not (yet) list is still offered, so saving keeps it.
 */
export function categoryChoices(
  taxonomy: readonly CategoryInfo[],
  saved: AlertSettings["categories"],
): { id: Category; urgent: boolean; enabled: boolean }[] {
  const known = new Set(taxonomy.map((c) => c.id));
  const all = [
    ...taxonomy.map((c) => ({ id: c.id, urgent: c.urgent })),
    ...(Object.keys(saved) as Category[]).filter((id) => !known.has(id)).map((id) => ({ id, urgent: false })),
  ];
  // Stable sort: within each group the taxonomy's own order stays.
  return all
    .sort((a, b) => Number(b.urgent) - Number(a.urgent))
    .map((c) => ({ ...c, enabled: saved[c.id] ?? c.urgent }));
}
