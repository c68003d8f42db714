// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Macro } from "$lib/bindings/Macro";

// The Tauri boundary, mocked: the three commands the editor calls.
const c = vi.hoisted(() => ({
  listMacros: vi.fn<() => Promise<Macro[]>>(),
  saveMacro: vi.fn<(m: Macro) => Promise<Macro>>(),
  deleteMacro: vi.fn<(id: string) => Promise<null>>(),
}));
vi.mock("$lib/bindings/commands", () => ({ CONSOLE_EVENT: "console-event", commands: c }));

const { default: MacroEditor } = await import("../MacroEditor.svelte");
const { locale } = await import("$lib/state/locale.svelte");
const { macros } = await import("$lib/state/macros.svelte");

const BUILT_IN: Macro = {
  id: "builtin.phishing",
  title: { en: "How to recognise phishing", zh: "如何识别钓鱼诈骗" },
  body: { en: "{{greeting}}\n\nNever share your OTP.", zh: "{{greeting}}\n\n请勿透露验证码。" },
  built_in: true,
  updated_at: 0,
};
const MINE: Macro = {
  id: "m-1",
  title: { en: "Refund sent", zh: "" },
  body: { en: "{{greeting}}\n\nYour refund is on its way.", zh: "" },
  built_in: false,
  updated_at: 5,
};

const field = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const entries = () => screen.getAllByTestId("macro-editor-item");
const entry = (id: string) => entries().find((el) => el.dataset.macroId === id)!;

async function setup() {
  const onclose = vi.fn();
  render(MacroEditor, { onclose });
  await waitFor(() => expect(entries()).toHaveLength(2));
  return { onclose };
}

async function type(id: string, value: string) {
  await fireEvent.input(field(id), { target: { value } });
}

describe("MacroEditor", () => {
  beforeEach(() => {
    for (const f of Object.values(c)) f.mockReset();
    c.listMacros.mockResolvedValue([BUILT_IN, MINE]);
    c.saveMacro.mockImplementation((m) => Promise.resolve({ ...m, id: m.id || "m-new", updated_at: 10 }));
    c.deleteMacro.mockResolvedValue(null);
    macros.reset();
    locale.set("en");
  });

  it("lists built-ins and the agent's macros, and opens on an empty new macro", async () => {
    await setup();
    expect(entries().map((e) => e.dataset.macroId)).toEqual(["builtin.phishing", "m-1"]);
    expect(entry("builtin.phishing").textContent).toContain("Built-in");
    expect(field("macro-title-en").value).toBe("");
    expect(screen.getByTestId("macro-save")).toBeTruthy();
    expect(screen.queryByTestId("macro-delete")).toBeNull();
  });

  it("creates a macro in both languages and sends the core exactly what was typed", async () => {
    await setup();
    await fireEvent.click(screen.getByTestId("macro-new"));
    await type("macro-title-en", "Card delivery");
    await type("macro-title-zh", "卡片寄送");
    await type("macro-body-en", "{{greeting}}\n\nYour card ships in 5 days.");
    await type("macro-body-zh", "{{greeting}}\n\n您的卡片将在5天内寄出。");
    await fireEvent.click(screen.getByTestId("macro-save"));
    await waitFor(() => expect(c.saveMacro).toHaveBeenCalledTimes(1));
    expect(c.saveMacro).toHaveBeenCalledWith({
      id: "",
      title: { en: "Card delivery", zh: "卡片寄送" },
      body: { en: "{{greeting}}\n\nYour card ships in 5 days.", zh: "{{greeting}}\n\n您的卡片将在5天内寄出。" },
      built_in: false,
      updated_at: 0,
    });
    expect((await screen.findByTestId("macro-status")).textContent).toBe("Saved.");
    // The new macro is in the shared list (so in the picker too), after the built-ins.
    expect(macros.list!.map((m) => m.id)).toEqual(["builtin.phishing", "m-new", "m-1"]);
    expect(entry("m-new").getAttribute("aria-current")).toBe("true");
    expect(screen.getByTestId("macro-delete")).toBeTruthy();
  });

  it("edits the agent's own macro in place", async () => {
    await setup();
    await fireEvent.click(entry("m-1"));
    expect(field("macro-title-en").value).toBe("Refund sent");
    await type("macro-title-zh", "退款已发出");
    await fireEvent.click(screen.getByTestId("macro-save"));
    await waitFor(() => expect(c.saveMacro).toHaveBeenCalledTimes(1));
    expect(c.saveMacro.mock.calls[0][0]).toMatchObject({ id: "m-1", title: { en: "Refund sent", zh: "退款已发出" } });
    await waitFor(() => expect(macros.list!.filter((m) => m.id === "m-1")).toHaveLength(1));
  });

  it("says in the UI's language what is missing, without calling the core", async () => {
    locale.set("zh-CN");
    await setup();
    await type("macro-body-zh", "内容");
    await fireEvent.click(screen.getByTestId("macro-save"));
    expect(screen.getByTestId("macro-error").textContent).toBe("请填写英文或中文标题。");
    await type("macro-body-zh", "   ");
    await type("macro-title-zh", "标题");
    await fireEvent.click(screen.getByTestId("macro-save"));
    expect(screen.getByTestId("macro-error").textContent).toBe("请填写英文或中文内容。");
    expect(c.saveMacro).not.toHaveBeenCalled();
  });

  it("shows the core's reason when it refuses, and keeps the text as typed", async () => {
    c.saveMacro.mockRejectedValue({
      code: "invalid_input",
      message: "unknown placeholder {{name}} in the English text; use {{greeting}}, …",
    });
    await setup();
    await type("macro-title-en", "Typo");
    await type("macro-body-en", "Hi {{name}}");
    await fireEvent.click(screen.getByTestId("macro-save"));
    await waitFor(() => expect(screen.getByTestId("macro-error").textContent).toContain("unknown placeholder {{name}}"));
    expect(field("macro-body-en").value).toBe("Hi {{name}}");
    expect(macros.list!.map((m) => m.id)).toEqual(["builtin.phishing", "m-1"]);
  });

  it("shows a built-in read-only, without delete, and duplicates it into a new macro", async () => {
    await setup();
    await fireEvent.click(entry("builtin.phishing"));
    expect(field("macro-title-en").readOnly).toBe(true);
    expect(field("macro-body-zh").readOnly).toBe(true);
    expect(screen.queryByTestId("macro-delete")).toBeNull();
    expect(screen.queryByTestId("macro-save")).toBeNull();
    await fireEvent.click(screen.getByTestId("macro-duplicate"));
    expect(field("macro-title-en").readOnly).toBe(false);
    expect(field("macro-title-en").value).toBe("How to recognise phishing (copy)");
    expect(field("macro-title-zh").value).toBe("如何识别钓鱼诈骗（副本）");
    expect(field("macro-body-en").value).toBe(BUILT_IN.body.en);
    await fireEvent.click(screen.getByTestId("macro-save"));
    await waitFor(() => expect(c.saveMacro).toHaveBeenCalledTimes(1));
    expect(c.saveMacro.mock.calls[0][0]).toMatchObject({ id: "", built_in: false });
  });

  it("deletes the agent's macro after a confirmation", async () => {
    await setup();
    await fireEvent.click(entry("m-1"));
    await fireEvent.click(screen.getByTestId("macro-delete"));
    expect(c.deleteMacro).not.toHaveBeenCalled();
    expect(screen.getByTestId("macro-form").textContent).toContain("Delete “Refund sent”?");
    await fireEvent.click(screen.getByTestId("macro-delete-confirm"));
    await waitFor(() => expect(c.deleteMacro).toHaveBeenCalledWith("m-1"));
    await waitFor(() => expect(entries().map((e) => e.dataset.macroId)).toEqual(["builtin.phishing"]));
    expect(screen.getByTestId("macro-status").textContent).toBe("Deleted.");
  });

  it("shows a refused delete and keeps the macro", async () => {
    c.deleteMacro.mockRejectedValue({ code: "not_found", message: "there is no macro 'm-1'" });
    await setup();
    await fireEvent.click(entry("m-1"));
    await fireEvent.click(screen.getByTestId("macro-delete"));
    await fireEvent.click(screen.getByTestId("macro-delete-confirm"));
    await waitFor(() => expect(screen.getByTestId("macro-error").textContent).toBe("there is no macro 'm-1'"));
    expect(entries()).toHaveLength(2);
  });

  it("renders hostile macro titles as text", async () => {
    const IMG = `<img src=x onerror="window.__pwned=1">`;
    c.listMacros.mockResolvedValue([BUILT_IN, { ...MINE, title: { en: IMG, zh: "" } }]);
    await setup();
    expect(entry("m-1").textContent).toContain(IMG);
    expect(document.querySelector("[data-testid=macro-editor] img")).toBeNull();
  });

  it("is modal for the keyboard: Escape closes it, and no key reaches the app's shortcuts", async () => {
    const { onclose } = await setup();
    const outer = vi.fn();
    window.addEventListener("keydown", outer);
    await fireEvent.keyDown(screen.getByTestId("macro-new"), { key: "j" });
    await fireEvent.keyDown(screen.getByTestId("macro-editor"), { key: "Escape" });
    window.removeEventListener("keydown", outer);
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(outer).not.toHaveBeenCalled();
  });
});
