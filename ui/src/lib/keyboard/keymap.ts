import type { MessageKey } from "$lib/i18n";

/** Everything the keyboard can ask the app to do. App.svelte maps each to its behaviour. */
export type ActionId =
  | "list.next"
  | "list.prev"
  | "list.open"
  | "list.toggleSelect"
  | "list.selectVisible"
  | "ticket.next"
  | "ticket.prev"
  | "composer.reply"
  | "composer.note"
  | "ticket.assignMe"
  | "ticket.solve"
  | "ticket.solveNext"
  | "search.focus"
  | "go.urgent"
  | "go.mine"
  | "go.inbox"
  | "go.dashboard"
  | "palette.toggle"
  | "help.toggle"
  | "escape";

export type Group = "navigate" | "ticket" | "app";

export type Binding = {
  readonly action: ActionId;
  /** A chord from `chordOf`, or two separated by a space for a sequence ("g u"). */
  readonly keys: string;
  readonly group: Group;
  readonly label: MessageKey;
  /** Also fires while a text field has focus (otherwise typing always wins). */
  readonly whileTyping?: boolean;
  /** Only while focus is inside the ticket list (arrows scroll other panes normally). */
  readonly inList?: boolean;
};

const b = (action: ActionId, keys: string, group: Group, label: MessageKey, extra: Partial<Binding> = {}): Binding => ({
  action,
  keys,
  group,
  label,
  ...extra,
});

/**
 * The one list of shortcuts: the dispatcher matches against it and the help overlay lists it,
 * so the two cannot drift apart. Letters follow Zendesk/Front/Gmail habits (j/k, r, n, g-prefixed
 * views, ? for help, Mod+K for the palette).
 */
export const BINDINGS: readonly Binding[] = [
  b("list.next", "j", "navigate", "action.next"),
  b("list.next", "ArrowDown", "navigate", "action.next", { inList: true }),
  b("list.prev", "k", "navigate", "action.prev"),
  b("list.prev", "ArrowUp", "navigate", "action.prev", { inList: true }),
  b("list.open", "Enter", "navigate", "action.open"),
  b("list.toggleSelect", "x", "navigate", "action.toggleSelect"),
  b("list.selectVisible", "X", "navigate", "action.selectVisible"),
  b("ticket.next", "J", "navigate", "action.nextTicket"),
  b("ticket.next", "]", "navigate", "action.nextTicket"),
  b("ticket.prev", "K", "navigate", "action.prevTicket"),
  b("ticket.prev", "[", "navigate", "action.prevTicket"),
  b("go.inbox", "g i", "navigate", "action.goInbox"),
  b("go.mine", "g m", "navigate", "action.goMine"),
  b("go.urgent", "g u", "navigate", "action.goUrgent"),
  b("go.dashboard", "g d", "navigate", "action.goDashboard"),
  b("search.focus", "/", "navigate", "action.search"),
  b("composer.reply", "r", "ticket", "action.reply"),
  b("composer.note", "n", "ticket", "action.note"),
  b("ticket.assignMe", "a", "ticket", "action.assignMe"),
  b("ticket.solve", "s", "ticket", "action.solve"),
  b("ticket.solveNext", "S", "ticket", "action.solveNext"),
  b("palette.toggle", "Mod+k", "app", "action.palette", { whileTyping: true }),
  b("help.toggle", "?", "app", "action.help"),
  b("escape", "Escape", "app", "action.escape", { whileTyping: true }),
];

/**
 * Keys that belong to a component, listed in the help overlay but never dispatched here:
 * the composer handles its own Ctrl/Cmd+Enter inside the text field.
 */
export const COMPONENT_KEYS: readonly Omit<Binding, "action">[] = [
  { keys: "Mod+Enter", group: "ticket", label: "action.send" },
];

export const GROUPS: readonly Group[] = ["navigate", "ticket", "app"];

/** The bindings of one action, e.g. for a palette item's hint. */
export const bindingsFor = (action: ActionId): Binding[] => BINDINGS.filter((x) => x.action === action);

const NAMES: Record<string, string> = {
  ArrowDown: "↓",
  ArrowUp: "↑",
  Escape: "Esc",
  Enter: "Enter",
};

/**
 * How a chord is printed: "Shift+J", "Ctrl+K" / "⌘K", "↓". Sequences come back as their parts
 * so the caller can put a localized "then" between them.
 */
export function keyCaps(keys: string, mac: boolean): string[] {
  return keys.split(" ").map((chord) => {
    if (chord.startsWith("Mod+")) {
      const k = chord.slice(4);
      return mac ? `⌘${k.toUpperCase()}` : `Ctrl+${k.toUpperCase()}`;
    }
    if (/^[A-Z]$/.test(chord)) return `Shift+${chord}`;
    return NAMES[chord] ?? chord;
  });
}

export const isMac = (): boolean => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.userAgent);
