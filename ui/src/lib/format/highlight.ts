export type Segment = { text: string; match: boolean };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Splits `text` into plain and matched runs so a component can wrap matches in <mark>
 * without ever treating the text as markup.
 *
 * Matching is case-insensitive through the regex `i` flag rather than lower-casing both
 * strings: lower-casing can change a string's length (e.g. "İ"), which would shift every
 * index after it. Each term marks its occurrences in a per-character mask, so overlapping
 * or nested terms ("pass" and "password", "abc" and "bcd") merge into one run instead of
 * one term hiding another. Terms are escaped, so `(*"` is searched for literally.
 */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  if (text === "") return [];
  const usable = terms.map((t) => t.trim()).filter((t) => t.length > 0);
  if (usable.length === 0) return [{ text, match: false }];

  const mask = new Uint8Array(text.length);
  for (const term of usable) {
    const re = new RegExp(escapeRegExp(term), "giu");
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      mask.fill(1, m.index, m.index + m[0].length);
      // A zero-width match cannot happen with a non-empty literal, but never spin if it does.
      if (m[0].length === 0) re.lastIndex++;
    }
  }

  const out: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || mask[i] !== mask[start]) {
      out.push({ text: text.slice(start, i), match: mask[start] === 1 });
      start = i;
    }
  }
  return out;
}
