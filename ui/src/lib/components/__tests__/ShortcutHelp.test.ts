// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { BINDINGS } from "$lib/keyboard/keymap";
import { locale } from "$lib/state/locale.svelte";
import ShortcutHelp from "../ShortcutHelp.svelte";

const row = (action: string) =>
  screen.getAllByTestId("shortcut-help-item").find((r) => r.dataset.action === action)!;
const caps = (action: string) => [...row(action).querySelectorAll("kbd")].map((k) => k.textContent);

describe("ShortcutHelp", () => {
  beforeEach(() => locale.set("en"));

  it("lists every action of the keymap, plus the composer's send key", () => {
    render(ShortcutHelp, { onclose: vi.fn() });
    const listed = screen.getAllByTestId("shortcut-help-item").map((r) => r.dataset.action);
    for (const b of BINDINGS) expect(listed).toContain(b.action);
    expect(listed).toContain("action.send");
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("shows each action's keys together, sequences with 'then'", () => {
    render(ShortcutHelp, { onclose: vi.fn() });
    expect(caps("list.next")).toEqual(["j", "↓"]);
    expect(row("list.next").textContent).toContain("in the list");
    expect(caps("ticket.next")).toEqual(["Shift+J", "]"]);
    expect(caps("go.urgent")).toEqual(["g", "u"]);
    expect(row("go.urgent").textContent).toContain("then");
    expect(caps("palette.toggle")).toEqual(["Ctrl+K"]);
    expect(row("ticket.solveNext").querySelector("dd")!.textContent).toBe("Solve, then open the next ticket");
  });

  it("is localized", () => {
    locale.set("zh-CN");
    render(ShortcutHelp, { onclose: vi.fn() });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("键盘快捷键");
    expect(row("go.urgent").textContent).toContain("然后");
    expect(row("ticket.solve").querySelector("dd")!.textContent).toBe("将工单标记为已解决");
  });

  it("takes focus and closes on Escape, the close button or a click outside", async () => {
    const onclose = vi.fn();
    render(ShortcutHelp, { onclose });
    const dialog = screen.getByTestId("shortcut-help");
    expect(document.activeElement).toBe(dialog);
    await fireEvent.keyDown(dialog, { key: "Escape" });
    await fireEvent.click(screen.getByTestId("shortcut-help-close"));
    await fireEvent.mouseDown(dialog.parentElement!);
    expect(onclose).toHaveBeenCalledTimes(3);
  });
});
