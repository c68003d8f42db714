/**
 * Intl formatters, built once per locale and options and then shared.
 *
 * Why not `new Intl.DateTimeFormat(...)` at each call: in WebKit each formatter holds ICU
 * objects outside the JavaScript heap, which the garbage collector does not count, so it
 * does not hurry to free them. The inbox built one or two per row it painted, and scrolling
 * back and forth over 4,000 cached rows grew the web process by about 300 MB; with shared
 * formatters, by about 35 MB (BENCHMARKS.md, figure 5). Building a formatter is also the
 * slow part of formatting, so every row paints faster too.
 *
 * The cache holds one entry per distinct (kind, locale, options): a few dozen at most, since
 * options come from literals in this codebase and the UI has two languages.
 */

const cache = new Map<string, unknown>();

function shared<T>(kind: string, locale: string, options: object | undefined, make: () => T): T {
  // Key order in the options is that of the literal each caller writes, so equal options
  // from one call site always give one key.
  const key = `${kind}|${locale}|${options ? JSON.stringify(options) : ""}`;
  let f = cache.get(key) as T | undefined;
  if (f === undefined) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

export function dateTimeFormat(locale: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return shared("date", locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  return shared("number", locale, options, () => new Intl.NumberFormat(locale, options));
}

/** Throws as `new Intl.DisplayNames` does for a locale the engine does not know. */
export function displayNames(locale: string, options: Intl.DisplayNamesOptions): Intl.DisplayNames {
  return shared("names", locale, options, () => new Intl.DisplayNames([locale], options));
}

/** How many formatters are shared, for tests that check repeated calls build none. */
export function sharedFormatterCount(): number {
  return cache.size;
}
