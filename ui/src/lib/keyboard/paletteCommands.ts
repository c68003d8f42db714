import type { InboxView } from "$lib/bindings/InboxView";
import type { Localized } from "$lib/bindings/Localized";
import type { TaxonomyInfo } from "$lib/bindings/TaxonomyInfo";
import { FIXED_VIEWS, shortLabel, viewKey } from "$lib/format/views";
import { translator, type Locale, type Translate } from "$lib/i18n";
import type { ThemePref } from "$lib/state/theme.svelte";
import { THEME_PREFS } from "$lib/state/theme.svelte";
import { bindingsFor, keyCaps, type ActionId } from "./keymap";
import { parseTicketRef, rankCommands, type PaletteCommand } from "./palette";

/** What the palette can do; App.svelte supplies it (tests pass spies). */
export type PaletteDeps = {
  locale: Locale;
  mac: boolean;
  taxonomy: TaxonomyInfo;
  /** A ticket is showing and can be edited: offer reply, note, assign, solve. */
  ticketOpen: boolean;
  themePref: ThemePref;
  run: (action: ActionId) => void;
  goView: (view: InboxView) => void;
  goAttention: () => void;
  /** Optional so older callers (and tests) that have no dashboard still type-check. */
  goDashboard?: () => void;
  /** Optional like goDashboard: callers without a settings screen still type-check. */
  openSettings?: () => void;
  /** Offered only while signed in to a hub (the demo has no sign-out). */
  signOut?: (() => void) | null;
  toggleLanguage: () => void;
  setTheme: (pref: ThemePref) => void;
  openTicket: (id: number) => void;
  search: (text: string) => void;
};

type Lang = "en" | "zh";
const TRANSLATE: Record<Lang, Translate> = { en: translator("en"), zh: translator("zh-CN") };
const LANGS: readonly Lang[] = ["en", "zh"];

/** Views with a g-shortcut show it in the palette too, so the palette teaches the keys. */
const VIEW_ACTION: Partial<Record<string, ActionId>> = { active: "go.inbox", mine: "go.mine", urgent: "go.urgent" };

const TICKET_ACTIONS: readonly [ActionId, Parameters<Translate>[0]][] = [
  ["composer.reply", "action.reply"],
  ["composer.note", "action.note"],
  ["ticket.assignMe", "action.assignMe"],
  ["ticket.solve", "action.solve"],
  ["ticket.solveNext", "action.solveNext"],
];

export function paletteCommands(d: PaletteDeps): PaletteCommand[] {
  const lang: Lang = d.locale === "en" ? "en" : "zh";
  const hintOf = (action: ActionId | undefined) => {
    const first = action ? bindingsFor(action)[0] : undefined;
    return first ? keyCaps(first.keys, d.mac).join(" ") : undefined;
  };
  /** One command, labelled in the current language and findable by its label in every language. */
  const cmd = (
    id: string,
    text: (t: Translate, l: Lang) => string,
    run: () => void,
    opts: { action?: ActionId; keywords?: readonly string[] } = {},
  ): PaletteCommand => ({
    id,
    label: text(TRANSLATE[lang], lang),
    terms: [...LANGS.map((l) => text(TRANSLATE[l], l)), ...(opts.keywords ?? [])],
    hint: hintOf(opts.action),
    run,
  });
  const name = (n: Localized, l: Lang) => shortLabel(l === "en" ? n.en : n.zh);

  const out: PaletteCommand[] = [];
  if (d.ticketOpen) {
    for (const [action, key] of TICKET_ACTIONS) out.push(cmd(action, (t) => t(key), () => d.run(action), { action }));
  }
  for (const kind of FIXED_VIEWS) {
    const view = { kind } as InboxView;
    out.push(
      cmd(`view.${kind}`, (t) => t("palette.goto", { view: t(`view.${kind}`) }), () => d.goView(view), {
        action: VIEW_ACTION[kind],
      }),
    );
  }
  out.push(cmd("view.attention", (t) => t("palette.goto", { view: t("attention.heading") }), d.goAttention));
  if (d.goDashboard) {
    out.push(
      cmd("view.dashboard", (t) => t("palette.goto", { view: t("dashboard.title") }), d.goDashboard, {
        action: "go.dashboard",
        keywords: ["dashboard", "charts", "仪表盘", "图表"],
      }),
    );
  }
  for (const c of d.taxonomy.channels) {
    const view: InboxView = { kind: "channel", value: c.id };
    out.push(cmd(`view.${viewKey(view)}`, (t, l) => t("palette.gotoChannel", { name: name(c.name, l) }), () => d.goView(view)));
  }
  for (const c of d.taxonomy.categories) {
    const view: InboxView = { kind: "category", value: c.id };
    out.push(cmd(`view.${viewKey(view)}`, (t, l) => t("palette.gotoCategory", { name: name(c.name, l) }), () => d.goView(view)));
  }
  out.push(cmd("search.focus", (t) => t("action.search"), () => d.run("search.focus"), { action: "search.focus" }));
  out.push(
    cmd("lang.toggle", (t) => t("lang.toggleTitle"), d.toggleLanguage, {
      keywords: ["language", "语言", "English", "中文"],
    }),
  );
  for (const pref of THEME_PREFS) {
    if (pref === d.themePref) continue;
    out.push(cmd(`theme.${pref}`, (t) => t("palette.theme", { theme: t(`theme.${pref}`) }), () => d.setTheme(pref), {
      keywords: ["theme", "主题", "appearance", "外观"],
    }));
  }
  if (d.openSettings) {
    out.push(cmd("settings.open", (t) => t("settings.title"), d.openSettings, {
      keywords: ["settings", "preferences", "设置", "偏好"],
    }));
  }
  if (d.signOut) {
    out.push(cmd("session.signOut", (t) => t("settings.signOut"), d.signOut, {
      keywords: ["sign out", "log out", "logout", "退出登录", "注销"],
    }));
  }
  out.push(cmd("help.show", (t) => t("action.help"), () => d.run("help.toggle"), { action: "help.toggle" }));
  return out;
}

/**
 * What the palette lists for `query`: "#123" first offers to open that ticket, then the
 * matching commands, then a full-text search for whatever was typed.
 */
export function paletteResults(commands: readonly PaletteCommand[], query: string, d: PaletteDeps): PaletteCommand[] {
  const t = translator(d.locale);
  const q = query.trim();
  const ref = parseTicketRef(q);
  const out: PaletteCommand[] = [];
  if (ref !== null) {
    out.push({ id: "ticket.open", label: t("palette.openTicket", { id: ref }), terms: [], run: () => d.openTicket(ref) });
  }
  out.push(...rankCommands(commands, q));
  if (q !== "" && ref === null) {
    out.push({ id: "search.query", label: t("palette.searchFor", { q }), terms: [], run: () => d.search(q) });
  }
  return out;
}
