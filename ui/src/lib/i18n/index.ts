import { en, type Dict, type MessageKey } from "./en";
import { zh } from "./zh";

export type { Dict, MessageKey };
export type Locale = "zh-CN" | "en";
export type Params = Record<string, string | number>;

export const dictionaries: Record<Locale, Dict> = { en, "zh-CN": zh };

/** Fills `{name}` placeholders; an unknown placeholder stays visible so it gets noticed. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator bound to one dictionary; pure so format helpers can be tested per locale. */
export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(locale: Locale): Translate {
  const dict = dictionaries[locale];
  return (key, params) => interpolate(dict[key], params);
}

/** zh, zh-CN, zh-TW, zh-Hans… all get the Chinese UI; everything else English. */
export function localeFromLanguage(language: string | undefined | null): Locale {
  return language && language.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}
