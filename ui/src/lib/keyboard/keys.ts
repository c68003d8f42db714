/**
 * Turning a KeyboardEvent into a chord string ("j", "J", "?", "Mod+k", "Escape") and deciding
 * whether the agent is typing. Pure apart from reading the event, so it is unit-tested in node.
 */

/** The parts of a KeyboardEvent the keyboard layer reads (tests pass plain objects). */
export type KeyLike = {
  key: string;
  code?: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  isComposing?: boolean;
  keyCode?: number;
  target?: EventTarget | null;
};

const MODIFIERS = new Set(["Shift", "Control", "Meta", "Alt", "AltGraph", "CapsLock", "OS", "Hyper", "Super"]);

/** Bare modifier presses: neither a shortcut nor a reason to forget a half-typed `g` sequence. */
export const isModifierOnly = (e: KeyLike): boolean => MODIFIERS.has(e.key);

/**
 * An input method (pinyin, zhuyin, kana…) owns the keystroke. Browsers set isComposing during
 * composition; WebKit and older Chromium instead report keyCode 229 on the keydown that starts
 * or confirms a candidate, with isComposing still false.
 */
export const isComposing = (e: KeyLike): boolean => e.isComposing === true || e.keyCode === 229;

/** Inputs that take no text: keys pressed while they have focus are still shortcuts. */
const NON_TEXT_INPUTS = new Set(["button", "checkbox", "radio", "submit", "reset", "range", "color", "file", "image"]);

/** Whether keys typed at `target` are text for a field rather than commands for the app. */
export function isTypingTarget(target: EventTarget | null | undefined): boolean {
  const el = target as HTMLElement | null | undefined;
  if (!el || typeof el.tagName !== "string") return false;
  if (el.tagName === "TEXTAREA" || el.tagName === "SELECT") return true;
  if (el.tagName === "INPUT") return !NON_TEXT_INPUTS.has((el as HTMLInputElement).type);
  if (el.isContentEditable) return true;
  // jsdom does not implement isContentEditable; the attribute check covers it (and old engines).
  return typeof el.closest === "function" && el.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * The chord for a keydown, or null when it cannot be a shortcut.
 *
 * Printable keys are matched by the character they produce, so `?` and `]` work on any layout
 * that has them and Shift+J is simply "J". Letters use Shift, not the character's case, so Caps
 * Lock does not turn j into "next ticket". A non-Latin layout (Russian, Greek) falls back to the
 * physical key for letters. Alt is left alone: on macOS Option types characters, and AltGr on
 * Windows arrives as Ctrl+Alt.
 */
export function chordOf(e: KeyLike): string | null {
  if (e.altKey || isModifierOnly(e)) return null;
  let key = e.key;
  if (!key || key === "Unidentified" || key === "Process" || key === "Dead") return null;
  if (key.length === 1 && !/[\x20-\x7e]/.test(key) && /^Key[A-Z]$/.test(e.code ?? "")) key = e.code!.slice(3);
  if (/^[a-z]$/i.test(key)) key = e.shiftKey ? key.toUpperCase() : key.toLowerCase();
  if (e.ctrlKey || e.metaKey) return `Mod+${key.length === 1 ? key.toLowerCase() : key}`;
  return key;
}
