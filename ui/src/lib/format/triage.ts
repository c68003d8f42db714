import type { Locale, Translate } from "$lib/i18n";
import type { TriageNote } from "$lib/bindings/TriageNote";
import { numberFormat } from "./intl";

/**
 * A model probability in thousandths as a whole percent. Rounded down, so the UI never
 * claims more certainty than the model has (999‰ reads "99%", not "100%").
 */
export function percent(permille: number, locale: Locale): string {
  const clamped = Math.min(1000, Math.max(0, permille));
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(
    Math.floor(clamped / 10) / 100,
  );
}

/**
 * What decided a ticket's triage, in words: the rule (its admin-written name, inserted as
 * text), the model with its confidence, or both. A field the source should carry but does
 * not (an unnamed rule, an unscored model) is left out rather than shown empty.
 */
export function triageWhy(note: TriageNote, t: Translate, locale: Locale): string {
  const rule = note.source !== "model" && note.rule !== null && note.rule.trim() !== "" ? note.rule : null;
  const score = note.source !== "rule" ? note.score_permille : null;
  const pct = score === null ? null : percent(score, locale);
  if (rule !== null && pct !== null) return t("triage.both", { rule, pct });
  if (rule !== null) return t("triage.rule", { rule });
  if (pct !== null) return t("triage.model", { pct });
  return t(note.source === "rule" ? "triage.ruleUnnamed" : "triage.modelUnscored");
}
