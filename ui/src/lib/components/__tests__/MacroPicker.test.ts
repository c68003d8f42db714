// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Language } from "$lib/bindings/Language";
import type { Macro } from "$lib/bindings/Macro";
import type { TicketEdit } from "$lib/bindings/TicketEdit";

// The Tauri boundary, mocked: the macro commands the composer and the editor call.
const c = vi.hoisted(() => ({
  listMacros: vi.fn<() => Promise<Macro[]>>(),
  renderMacro: vi.fn<(id: string, ticketId: number, lang: Language) => Promise<string>>(),
  saveMacro: vi.fn<(m: Macro) => Promise<Macro>>(),
  deleteMacro: vi.fn<(id: string) => Promise<null>>(),
}));
vi.mock("$lib/bindings/commands", () => ({ CONSOLE_EVENT: "console-event", commands: c }));

const { default: Composer } = await import("../Composer.svelte");
const { drafts } = await import("$lib/state/drafts.svelte");
const { locale } = await import("$lib/state/locale.svelte");
const { macros } = await import("$lib/state/macros.svelte");

const TICKET = 4242;

function macro(id: string, en: string, zh: string, over: Partial<Macro> = {}): Macro {
  return {
    id,
    title: { en, zh },
    body: { en: `{{greeting}}\n\n${en} text.`, zh: `{{greeting}}\n\n${zh}内容。` },
    built_in: id.startsWith("builtin."),
    updated_at: 0,
    ...over,
  };
}

const LIST: Macro[] = [
  macro("builtin.password_reset", "Password reset steps", "重置登录密码步骤"),
  macro("builtin.withdrawal_times", "Withdrawal processing times", "提现到账时间说明"),
  macro("builtin.phishing", "How to recognise phishing", "如何识别钓鱼诈骗"),
  macro("m-1", "Refund sent", "退款已发出"),
];

const box = () => screen.getByTestId("composer-input") as HTMLTextAreaElement;
const items = () => screen.queryAllByTestId("macro-item");
const ids = () => items().map((el) => el.dataset.macroId);
const item = (id: string) => items().find((el) => el.dataset.macroId === id)!;

async function openPicker() {
  await fireEvent.click(screen.getByTestId("macro-picker"));
  await waitFor(() => expect(items().length).toBeGreaterThan(0));
}

function setup() {
  const onsend = vi.fn<(e: TicketEdit) => Promise<boolean>>(() => Promise.resolve(true));
  render(Composer, { ticketId: TICKET, onsend });
  return { onsend };
}

describe("macro picker in the composer", () => {
  beforeEach(() => {
    for (const f of Object.values(c)) f.mockReset();
    c.listMacros.mockResolvedValue(LIST);
    c.renderMacro.mockImplementation((id, ticketId, lang) => Promise.resolve(`[${id} for #${ticketId} in ${lang}]`));
    macros.reset();
    drafts.reset();
    locale.set("en");
  });

  it("lists every macro with its title in the UI's language and marks built-ins", async () => {
    setup();
    expect(screen.queryByTestId("macro-list")).toBeNull();
    const button = screen.getByTestId("macro-picker");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    await openPicker();
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(ids()).toEqual(LIST.map((m) => m.id));
    expect(item("builtin.phishing").textContent).toContain("How to recognise phishing");
    expect(item("builtin.phishing").textContent).toContain("Built-in");
    expect(item("m-1").textContent).not.toContain("Built-in");
    expect(document.activeElement).toBe(screen.getByTestId("macro-search"));
    expect(c.listMacros).toHaveBeenCalledTimes(1);
  });

  it("shows Chinese titles in the Chinese UI", async () => {
    locale.set("zh-CN");
    setup();
    await openPicker();
    expect(item("builtin.withdrawal_times").textContent).toContain("提现到账时间说明");
    expect(screen.getByTestId("macro-picker").textContent).toContain("快捷回复");
  });

  it("filters by words in either language, and says when nothing matches", async () => {
    setup();
    await openPicker();
    const search = screen.getByTestId("macro-search");
    await fireEvent.input(search, { target: { value: "PHISH" } });
    expect(ids()).toEqual(["builtin.phishing"]);
    await fireEvent.input(search, { target: { value: "提现" } });
    expect(ids()).toEqual(["builtin.withdrawal_times"]);
    await fireEvent.input(search, { target: { value: "refund sent" } });
    expect(ids()).toEqual(["m-1"]);
    await fireEvent.input(search, { target: { value: "<img src=x onerror=alert(1)>" } });
    expect(ids()).toEqual([]);
    expect(screen.getByTestId("macro-none").textContent).toBe("No macros match.");
  });

  it("replaces an empty draft with the macro rendered for this ticket in the UI's language", async () => {
    setup();
    await openPicker();
    await fireEvent.click(item("builtin.withdrawal_times"));
    expect(c.renderMacro).toHaveBeenCalledWith("builtin.withdrawal_times", TICKET, "en");
    await waitFor(() => expect(box().value).toBe(`[builtin.withdrawal_times for #${TICKET} in en]`));
    expect(drafts.get(TICKET).body).toBe(box().value);
    expect(screen.queryByTestId("macro-list")).toBeNull();
    expect(document.activeElement).toBe(box());
    expect(box().selectionStart).toBe(box().value.length);
  });

  it("renders in Chinese when the UI is in Chinese", async () => {
    locale.set("zh-CN");
    setup();
    await openPicker();
    await fireEvent.click(item("builtin.password_reset"));
    expect(c.renderMacro).toHaveBeenCalledWith("builtin.password_reset", TICKET, "zh-CN");
  });

  it("inserts at the cursor in a draft that has text, replacing a selection", async () => {
    drafts.setBody(TICKET, "Line one\nLine two");
    setup();
    box().setSelectionRange(9, 9);
    await openPicker();
    c.renderMacro.mockResolvedValueOnce("INSERTED ");
    await fireEvent.click(item("m-1"));
    await waitFor(() => expect(box().value).toBe("Line one\nINSERTED Line two"));
    expect(box().selectionStart).toBe(9 + "INSERTED ".length);

    box().setSelectionRange(0, 4);
    await openPicker();
    c.renderMacro.mockResolvedValueOnce("Row");
    await fireEvent.click(item("m-1"));
    await waitFor(() => expect(drafts.get(TICKET).body).toBe("Row one\nINSERTED Line two"));
  });

  it("keeps the draft's mode: a macro chosen while writing a note goes into the note", async () => {
    drafts.setMode(TICKET, "note");
    setup();
    await openPicker();
    await fireEvent.click(item("m-1"));
    await waitFor(() => expect(drafts.get(TICKET).body).not.toBe(""));
    expect(drafts.get(TICKET).mode).toBe("note");
  });

  it("is keyboard-driven: arrows move, Enter inserts, Escape closes without leaking", async () => {
    setup();
    await openPicker();
    const search = screen.getByTestId("macro-search");
    expect(item("builtin.password_reset").getAttribute("aria-selected")).toBe("true");
    await fireEvent.keyDown(search, { key: "ArrowDown" });
    await fireEvent.keyDown(search, { key: "ArrowDown" });
    expect(item("builtin.phishing").getAttribute("aria-selected")).toBe("true");
    expect(search.getAttribute("aria-activedescendant")).toBe(item("builtin.phishing").id);
    await fireEvent.keyDown(search, { key: "ArrowUp" });
    await fireEvent.keyDown(search, { key: "Enter" });
    expect(c.renderMacro).toHaveBeenCalledWith("builtin.withdrawal_times", TICKET, "en");
    await waitFor(() => expect(screen.queryByTestId("macro-list")).toBeNull());

    await openPicker();
    const outer = vi.fn();
    window.addEventListener("keydown", outer);
    await fireEvent.keyDown(screen.getByTestId("macro-search"), { key: "Escape" });
    window.removeEventListener("keydown", outer);
    expect(screen.queryByTestId("macro-list")).toBeNull();
    expect(outer).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(box());
  });

  it("inserts hostile rendered text as plain text, never as markup", async () => {
    const hostile = `Hello <img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>,`;
    c.renderMacro.mockResolvedValue(hostile);
    const { container } = render(Composer, { ticketId: TICKET, onsend: () => Promise.resolve(true) });
    await openPicker();
    await fireEvent.click(item("m-1"));
    await waitFor(() => expect(box().value).toBe(hostile));
    expect(container.querySelector("img, script")).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("shows why a macro could not be inserted and leaves the draft alone", async () => {
    drafts.setBody(TICKET, "keep me");
    c.renderMacro.mockRejectedValue({ code: "not_found", message: "ticket 4242 is not in the local replica" });
    setup();
    await openPicker();
    await fireEvent.click(item("m-1"));
    expect((await screen.findByTestId("macro-picker-error")).textContent).toContain("not in the local replica");
    expect(drafts.get(TICKET).body).toBe("keep me");
    expect(screen.getByTestId("macro-list")).toBeTruthy();
  });

  it("shows a load failure instead of an empty list", async () => {
    c.listMacros.mockRejectedValue({ code: "store_unavailable", message: "the local database is unavailable: busy" });
    setup();
    await fireEvent.click(screen.getByTestId("macro-picker"));
    await waitFor(() => expect(screen.getByTestId("macro-loading").textContent).toContain("busy"));
  });

  it("opens the macro editor from Manage macros, which lists the same macros", async () => {
    setup();
    await openPicker();
    await fireEvent.click(screen.getByTestId("macro-manage"));
    expect(screen.queryByTestId("macro-list")).toBeNull();
    const editor = await screen.findByTestId("macro-editor");
    expect(editor).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId("macro-editor-item")).toHaveLength(LIST.length));
    await fireEvent.click(screen.getByTestId("macro-editor-close"));
    expect(screen.queryByTestId("macro-editor")).toBeNull();
  });

  it("is off when the composer cannot send", () => {
    render(Composer, { ticketId: TICKET });
    expect((screen.getByTestId("macro-picker") as HTMLButtonElement).disabled).toBe(true);
  });
});
