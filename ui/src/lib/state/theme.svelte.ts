/**
 * Light or dark chrome. The agent's choice ("system" by default, following the OS) is a view
 * preference, so it lives in localStorage like the language. The resolved theme is written to
 * <html data-theme>, which app.css keys its color tokens on.
 */
export type ThemePref = "system" | "light" | "dark";
export type Theme = "light" | "dark";

export const THEME_STORAGE_KEY = "wallet-desk.theme";
export const THEME_PREFS: readonly ThemePref[] = ["system", "light", "dark"];
const DARK_QUERY = "(prefers-color-scheme: dark)";

function storedPref(): ThemePref {
  try {
    const v = globalThis.localStorage?.getItem(THEME_STORAGE_KEY);
    return v === "light" || v === "dark" || v === "system" ? v : "system";
  } catch {
    // Storage can be disabled; the theme still works for this session.
    return "system";
  }
}

export class ThemeState {
  pref = $state<ThemePref>(storedPref());
  #systemDark = $state(false);
  #media: MediaQueryList | null = null;

  constructor() {
    // jsdom and node have no matchMedia: the system is taken to be light there.
    this.#media = typeof globalThis.matchMedia === "function" ? globalThis.matchMedia(DARK_QUERY) : null;
    this.#systemDark = this.#media?.matches ?? false;
    // Follows the OS switching at dusk while the console stays open.
    this.#media?.addEventListener?.("change", (e) => {
      this.#systemDark = e.matches;
      this.#apply();
    });
    this.#apply();
  }

  get resolved(): Theme {
    if (this.pref === "system") return this.#systemDark ? "dark" : "light";
    return this.pref;
  }

  set(pref: ThemePref): void {
    this.pref = pref;
    try {
      globalThis.localStorage?.setItem(THEME_STORAGE_KEY, pref);
    } catch {
      /* see storedPref */
    }
    this.#apply();
  }

  /** The top bar button: system → light → dark → system. */
  cycle(): void {
    this.set(this.next);
  }

  get next(): ThemePref {
    return THEME_PREFS[(THEME_PREFS.indexOf(this.pref) + 1) % THEME_PREFS.length];
  }

  #apply(): void {
    if (typeof document === "undefined") return;
    document.documentElement.dataset.theme = this.resolved;
    document.documentElement.dataset.themePref = this.pref;
  }
}

export const theme = new ThemeState();
