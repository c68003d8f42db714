import type { Localized } from "$lib/bindings/Localized";
import type { Macro } from "$lib/bindings/Macro";
import type { Locale } from "$lib/i18n";

/** The placeholders the core fills (desk_domain::macros::PLACEHOLDERS), for the editor's legend. */
export const PLACEHOLDERS = ["greeting", "customer_name", "ticket_id", "agent_name"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A macro's text in `locale`, falling back to the other language when empty (as the core does). */
export function pick(l: Localized, locale: Locale): string {
  const [first, second] = locale === "zh-CN" ? [l.zh, l.en] : [l.en, l.zh];
  return first.trim() !== "" ? first : second;
}

export const macroTitle = (m: Macro, locale: Locale): string => pick(m.title, locale);

/**
 * Whether every word of `query` is in the macro's title or text, in either language, ignoring
 * case: an agent working in English can still find a macro by its Chinese title.
 */
export function matchesMacro(m: Macro, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = [m.title.en, m.title.zh, m.body.en, m.body.zh].join("\n").toLowerCase();
  return words.every((w) => hay.includes(w));
}

/**
 * The macros matching `query`, title matches first (in the UI's language, then the other),
 * each group keeping the core's order (built-ins first).
 */
export function filterMacros(list: readonly Macro[], query: string, locale: Locale): Macro[] {
  const hits = list.filter((m) => matchesMacro(m, query));
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return hits;
  const inTitle = (m: Macro) => {
    const t = `${macroTitle(m, locale)}\n${m.title.en}\n${m.title.zh}`.toLowerCase();
    return words.every((w) => t.includes(w));
  };
  return [...hits.filter(inTitle), ...hits.filter((m) => !inTitle(m))];
}

/** A one-line glimpse of the macro's text after its greeting, for the picker. */
export function macroPreview(m: Macro, locale: Locale, max = 90): string {
  const lines = pick(m.body, locale)
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && l !== "{{greeting}}");
  const line = lines[0] ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * `text` put into `body` over the selection `start..end` (the cursor when they are equal); an
 * empty or blank draft is replaced. Returns the new body and where the cursor goes (after the
 * insert).
 */
export function insertText(body: string, text: string, start: number, end: number): { body: string; cursor: number } {
  if (body.trim() === "") return { body: text, cursor: text.length };
  const from = clamp(Math.min(start, end), body.length);
  const to = clamp(Math.max(start, end), body.length);
  return { body: body.slice(0, from) + text + body.slice(to), cursor: from + text.length };
}

const clamp = (n: number, max: number) => (Number.isFinite(n) ? Math.max(0, Math.min(n, max)) : max);

/** A fresh, empty macro for the editor (the core assigns the id on save). */
export function blankMacro(): Macro {
  return { id: "", title: { en: "", zh: "" }, body: { en: "", zh: "" }, built_in: false, updated_at: 0 };
}
