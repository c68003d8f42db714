/**
 * The command palette's matching, kept pure for tests. Matching is "fuzzy-ish": every word of
 * the query must appear in one of a command's terms (its label in every language plus
 * keywords), as a prefix, a word start, a substring or, weakest, a subsequence ("gtu" → "Go to
 * Urgent"). Chinese has no spaces, so substring and subsequence carry it ("紧急", "前紧").
 */

export type PaletteCommand = {
  /** Stable id, rendered as data-command (e2e and tests select by it). */
  readonly id: string;
  /** Shown in the current language. */
  readonly label: string;
  /** Matched against: labels in every language and keywords. */
  readonly terms: readonly string[];
  /** Shortcut shown beside the label, if the command has one. */
  readonly hint?: string;
  readonly run: () => void;
};

/** Full-width digits and signs from a Chinese IME become ASCII; case is ignored. */
export const normalize = (s: string): string => s.normalize("NFKC").toLowerCase().trim();

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const ch of hay) if (ch === needle[i] && ++i === needle.length) return true;
  return needle.length === 0;
}

/** How well one query word matches one term; 0 = not at all. */
function wordScore(word: string, term: string): number {
  if (term.startsWith(word)) return 4;
  const at = term.indexOf(word);
  if (at > 0) return /[\s:：/(（-]/.test(term[at - 1]) ? 3 : 2;
  return isSubsequence(word, term) ? 1 : 0;
}

/** Score of a command for a query (higher is better), or 0 when some word matches nothing. */
export function matchScore(query: string, terms: readonly string[]): number {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  const norm = terms.map(normalize);
  let total = 0;
  for (const w of words) {
    const best = Math.max(0, ...norm.map((t) => wordScore(w, t)));
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/** Commands matching `query`, best first; ties keep the list's own order. */
export function rankCommands<T extends Pick<PaletteCommand, "terms">>(commands: readonly T[], query: string): T[] {
  if (normalize(query) === "") return [...commands];
  return commands
    .map((c, i) => ({ c, i, s: matchScore(query, c.terms) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.c);
}

/** "#123", "123" or "＃１２３" (a Chinese IME's full-width form) → 123; anything else → null. */
export function parseTicketRef(query: string): number | null {
  const m = /^#?\s*(\d{1,12})$/.exec(normalize(query));
  if (!m) return null;
  const id = Number(m[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
