import type { Localized } from "$lib/bindings/Localized";
import {
  dictionaries,
  interpolate,
  localeFromLanguage,
  type Locale,
  type MessageKey,
  type Params,
} from "$lib/i18n";
import { numberFormat } from "$lib/format/intl";

const STORAGE_KEY = "wallet-desk.locale";

function storedLocale(): Locale | null {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === "en" || v === "zh-CN" ? v : null;
  } catch {
    // Storage can throw when disabled; the language still works for this session.
    return null;
  }
}

/**
 * The interface language. Every piece of chrome reads `t()` here, so reading `current` inside
 * it makes each label re-render on toggle without components subscribing by hand.
 */
class LocaleState {
  current = $state<Locale>(storedLocale() ?? localeFromLanguage(globalThis.navigator?.language));

  constructor() {
    this.#applyLang();
  }

  t = (key: MessageKey, params?: Params): string =>
    interpolate(dictionaries[this.current][key], params);

  /** Picks the `.one` variant for a count of one; Chinese has no plural so both read the same. */
  count = (key: "inbox.count" | "search.total" | "ticket.messages" | "sync.queuedEdits", n: number): string =>
    n === 1 ? this.t(`${key}.one`) : this.t(key, { n: this.number(n) });

  /** Taxonomy names arrive from Rust in both languages. */
  name = (l: Localized | undefined, fallback: string): string =>
    l ? (this.current === "zh-CN" ? l.zh : l.en) : fallback;

  number = (n: number): string => numberFormat(this.current).format(n);

  set(locale: Locale) {
    this.current = locale;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch {
      /* see storedLocale */
    }
    this.#applyLang();
  }

  toggle() {
    this.set(this.current === "en" ? "zh-CN" : "en");
  }

  // Screen readers and CJK font selection (lang-specific glyphs) both key off <html lang>.
  #applyLang() {
    if (typeof document !== "undefined") document.documentElement.lang = this.current;
  }
}

export const locale = new LocaleState();
