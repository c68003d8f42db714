// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDispatcher, SEQUENCE_TIMEOUT_MS } from "./dispatcher";
import { chordOf, isTypingTarget, type KeyLike } from "./keys";
import { BINDINGS, keyCaps } from "./keymap";

const key = (k: string, over: Partial<KeyLike> = {}): KeyLike => ({ key: k, target: document.body, ...over });

function el(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body.querySelector("[data-t]") as HTMLElement;
}

describe("chordOf", () => {
  it("names printable keys by their character and letters by Shift, not case", () => {
    expect(chordOf(key("j"))).toBe("j");
    expect(chordOf(key("J", { shiftKey: true }))).toBe("J");
    // Caps Lock on: "J" without Shift is still plain j, not "next ticket".
    expect(chordOf(key("J"))).toBe("j");
    expect(chordOf(key("?", { shiftKey: true }))).toBe("?");
    expect(chordOf(key("]"))).toBe("]");
  });

  it("folds Ctrl and Cmd into Mod and leaves Alt (Option, AltGr) alone", () => {
    expect(chordOf(key("k", { ctrlKey: true }))).toBe("Mod+k");
    expect(chordOf(key("K", { metaKey: true, shiftKey: true }))).toBe("Mod+k");
    expect(chordOf(key("k", { altKey: true }))).toBeNull();
    expect(chordOf(key("Process"))).toBeNull();
  });

  it("falls back to the physical key for letters on non-Latin layouts", () => {
    expect(chordOf(key("о", { code: "KeyJ" }))).toBe("j");
  });
});

describe("isTypingTarget", () => {
  it("treats text fields and editable content as typing, buttons and checkboxes not", () => {
    expect(isTypingTarget(el('<input data-t type="text">'))).toBe(true);
    expect(isTypingTarget(el('<input data-t type="search">'))).toBe(true);
    expect(isTypingTarget(el("<textarea data-t></textarea>"))).toBe(true);
    expect(isTypingTarget(el("<select data-t></select>"))).toBe(true);
    expect(isTypingTarget(el('<div contenteditable="true"><span data-t>x</span></div>'))).toBe(true);
    expect(isTypingTarget(el('<input data-t type="checkbox">'))).toBe(false);
    expect(isTypingTarget(el("<button data-t>x</button>"))).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe("dispatcher", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = "";
  });
  afterEach(() => vi.useRealTimers());

  it("maps single keys to actions", () => {
    const d = createDispatcher(BINDINGS);
    expect(d.handle(key("j"))).toBe("list.next");
    expect(d.handle(key("S", { shiftKey: true }))).toBe("ticket.solveNext");
    expect(d.handle(key("s"))).toBe("ticket.solve");
    expect(d.handle(key("]"))).toBe("ticket.next");
    expect(d.handle(key("?", { shiftKey: true }))).toBe("help.toggle");
    expect(d.handle(key("k", { metaKey: true }))).toBe("palette.toggle");
    expect(d.handle(key("x"))).toBe("list.toggleSelect");
    expect(d.handle(key("X", { shiftKey: true }))).toBe("list.selectVisible");
    expect(d.handle(key("q"))).toBeNull();
  });

  it("never fires plain shortcuts while typing, but lets Escape and Mod+K through", () => {
    const d = createDispatcher(BINDINGS);
    const box = el("<textarea data-t></textarea>");
    expect(d.handle(key("j", { target: box }))).toBeNull();
    expect(d.handle(key("s", { target: box }))).toBeNull();
    expect(d.handle(key("/", { target: box }))).toBeNull();
    expect(d.handle(key("g", { target: box }))).toBeNull();
    expect(d.handle(key("Enter", { target: box, ctrlKey: true }))).toBeNull(); // the composer's own
    expect(d.handle(key("Escape", { target: box }))).toBe("escape");
    expect(d.handle(key("k", { target: box, ctrlKey: true }))).toBe("palette.toggle");
  });

  it("ignores every key while an input method is composing (pinyin)", () => {
    const d = createDispatcher(BINDINGS);
    expect(d.handle(key("j", { isComposing: true }))).toBeNull();
    // WebKit: the keydown that confirms a candidate has isComposing false but keyCode 229.
    expect(d.handle(key("Enter", { keyCode: 229 }))).toBeNull();
    expect(d.handle(key("Escape", { isComposing: true }))).toBeNull();
  });

  it("moves with the arrow keys only when the list has focus", () => {
    const d = createDispatcher(BINDINGS);
    const row = el('<div role="listbox"><div data-t tabindex="-1"></div></div>');
    expect(d.handle(key("ArrowDown"))).toBeNull();
    expect(d.handle(key("ArrowDown", { target: row }))).toBe("list.next");
    expect(d.handle(key("ArrowUp", { target: row }))).toBe("list.prev");
  });

  it("runs two-key sequences within the timeout", () => {
    const d = createDispatcher(BINDINGS);
    expect(d.handle(key("g"))).toBe("pending");
    vi.advanceTimersByTime(SEQUENCE_TIMEOUT_MS - 50);
    expect(d.handle(key("u"))).toBe("go.urgent");
    expect(d.handle(key("g"))).toBe("pending");
    expect(d.handle(key("Shift"))).toBeNull(); // a bare modifier does not break the sequence
    expect(d.handle(key("m"))).toBe("go.mine");
    expect(d.handle(key("g"))).toBe("pending");
    expect(d.handle(key("i"))).toBe("go.inbox");
  });

  it("forgets the first key after the timeout", () => {
    const d = createDispatcher(BINDINGS);
    expect(d.handle(key("g"))).toBe("pending");
    vi.advanceTimersByTime(SEQUENCE_TIMEOUT_MS + 1);
    // "u" alone is nothing; "m" alone is nothing either.
    expect(d.handle(key("u"))).toBeNull();
  });

  it("treats a key that does not complete a sequence as a key of its own", () => {
    const d = createDispatcher(BINDINGS);
    expect(d.handle(key("g"))).toBe("pending");
    expect(d.handle(key("j"))).toBe("list.next");
    expect(d.handle(key("u"))).toBeNull();
  });

  it("drops a half-typed sequence when composition starts or on reset", () => {
    const d = createDispatcher(BINDINGS);
    d.handle(key("g"));
    d.handle(key("u", { isComposing: true }));
    expect(d.handle(key("u"))).toBeNull();
    d.handle(key("g"));
    d.reset();
    expect(d.handle(key("m"))).toBeNull();
  });
});

describe("keyCaps", () => {
  it("prints chords for people", () => {
    expect(keyCaps("J", false)).toEqual(["Shift+J"]);
    expect(keyCaps("Mod+k", false)).toEqual(["Ctrl+K"]);
    expect(keyCaps("Mod+k", true)).toEqual(["⌘K"]);
    expect(keyCaps("g u", false)).toEqual(["g", "u"]);
    expect(keyCaps("ArrowDown", false)).toEqual(["↓"]);
  });

  it("has no two bindings on the same keys", () => {
    const seen = BINDINGS.map((b) => b.keys);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
