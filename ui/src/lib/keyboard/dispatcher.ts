import { chordOf, isComposing, isModifierOnly, isTypingTarget, type KeyLike } from "./keys";
import type { ActionId, Binding } from "./keymap";

/** How long the second key of a sequence (`g` then `u`) may take. */
export const SEQUENCE_TIMEOUT_MS = 1000;

/** An action to run, "pending" (first key of a sequence: swallow it), or null (not ours). */
export type Outcome = ActionId | "pending" | null;

export type Dispatcher = {
  handle(e: KeyLike): Outcome;
  /** Forget a half-typed sequence (focus moved, an overlay opened). */
  reset(): void;
};

const inList = (target: EventTarget | null | undefined): boolean => {
  const el = target as Element | null | undefined;
  return !!el && typeof el.closest === "function" && el.closest('[role="listbox"]') !== null;
};

/**
 * Matches keydowns against bindings. Stateless apart from the pending first key of a sequence,
 * which expires on a timer so a stray `g` does not hijack a key pressed much later.
 */
export function createDispatcher(bindings: readonly Binding[], timeoutMs = SEQUENCE_TIMEOUT_MS): Dispatcher {
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function reset() {
    pending = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function handle(e: KeyLike): Outcome {
    // The input method owns this key; a half-typed sequence would be stale once it is done.
    if (isComposing(e)) {
      reset();
      return null;
    }
    if (isModifierOnly(e)) return null;
    const chord = chordOf(e);
    const prefix = pending;
    reset();
    if (chord === null) return null;

    const typing = isTypingTarget(e.target);
    const listFocused = inList(e.target);
    const usable = bindings.filter((x) => (!typing || x.whileTyping) && (!x.inList || listFocused));

    if (prefix !== null) {
      const hit = usable.find((x) => x.keys === `${prefix} ${chord}`);
      if (hit) return hit.action;
      // Not a sequence after all: the key counts on its own (g then j still moves down).
    }
    const hit = usable.find((x) => x.keys === chord);
    if (hit) return hit.action;
    if (usable.some((x) => x.keys.startsWith(`${chord} `))) {
      pending = chord;
      timer = setTimeout(reset, timeoutMs);
      return "pending";
    }
    return null;
  }

  return { handle, reset };
}
