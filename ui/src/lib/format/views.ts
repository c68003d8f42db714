import type { InboxView } from "$lib/bindings/InboxView";
import type { ViewCount } from "$lib/bindings/ViewCount";

export type FixedKind = Exclude<InboxView["kind"], "channel" | "category">;

/** Sidebar order of the views that do not depend on the taxonomy. */
export const FIXED_VIEWS: readonly FixedKind[] = [
  "active",
  "mine",
  "unassigned",
  "urgent",
  "sla_at_risk",
  "waiting_on_customer",
  "done",
];

/**
 * One string per view: the sidebar's test id suffix (`view-<key>`), the count lookup key and
 * part of the page-cache key. "channel-email", "category-fraud", or the kind itself.
 */
export function viewKey(view: InboxView): string {
  return view.kind === "channel" || view.kind === "category"
    ? `${view.kind}-${view.value}`
    : view.kind;
}

export function countsByKey(counts: readonly ViewCount[]): Map<string, number> {
  return new Map(counts.map((c) => [viewKey(c.view), c.count]));
}

/**
 * Taxonomy names sometimes carry an explanation in parentheses ("In-app feedback (may carry
 * screenshots, …)"). That is documentation, not a label: a sidebar or a row shows the part
 * before it, and the full name goes in a tooltip.
 */
export function shortLabel(name: string): string {
  const cut = name.replace(/\s*[(（][^()（）]*[)）]\s*$/u, "").trim();
  return cut === "" ? name : cut;
}
