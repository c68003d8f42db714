// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { rankCommands, type PaletteCommand } from "$lib/keyboard/palette";
import { locale } from "$lib/state/locale.svelte";
import CommandPalette from "../CommandPalette.svelte";

const cmd = (id: string, label: string, ...more: string[]): PaletteCommand => ({
  id,
  label,
  terms: [label, ...more],
  run: vi.fn(),
});

const COMMANDS = [
  cmd("view.urgent", "Go to Urgent", "前往：紧急"),
  cmd("view.mine", "Go to Mine", "前往：我的工单"),
  { ...cmd("ticket.solve", "Mark the ticket solved"), hint: "s" },
];

function setup() {
  const onrun = vi.fn();
  const onclose = vi.fn();
  render(CommandPalette, { results: (q: string) => rankCommands(COMMANDS, q), onrun, onclose });
  const input = screen.getByTestId("command-palette-input") as HTMLInputElement;
  const items = () => screen.queryAllByTestId("command-palette-item");
  const active = () => items().find((i) => i.getAttribute("aria-selected") === "true")?.dataset.command;
  return { onrun, onclose, input, items, active };
}

describe("CommandPalette", () => {
  beforeEach(() => locale.set("en"));

  it("opens focused on its input with every command, the first highlighted", () => {
    const { input, items, active } = setup();
    expect(document.activeElement).toBe(input);
    expect(items().map((i) => i.dataset.command)).toEqual(["view.urgent", "view.mine", "ticket.solve"]);
    expect(active()).toBe("view.urgent");
    expect(input.getAttribute("aria-activedescendant")).toBe(items()[0].id);
    expect(items()[2].querySelector("kbd")!.textContent).toBe("s");
  });

  it("filters as the agent types, in either language", async () => {
    const { input, items } = setup();
    await fireEvent.input(input, { target: { value: "紧急" } });
    expect(items().map((i) => i.dataset.command)).toEqual(["view.urgent"]);
    await fireEvent.input(input, { target: { value: "zzz" } });
    expect(items()).toHaveLength(0);
    expect(screen.getByTestId("command-palette-empty").textContent).toBe("No matching commands.");
  });

  it("moves with the arrows (wrapping) and runs the highlighted command on Enter", async () => {
    const { input, active, onrun } = setup();
    await fireEvent.keyDown(input, { key: "ArrowDown" });
    await fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(active()).toBe("ticket.solve");
    await fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(active()).toBe("view.urgent");
    await fireEvent.keyDown(input, { key: "ArrowUp" });
    expect(active()).toBe("ticket.solve");
    await fireEvent.keyDown(input, { key: "Enter" });
    expect(onrun).toHaveBeenCalledWith(COMMANDS[2]);
  });

  it("does not run a command on the Enter that confirms a pinyin candidate", async () => {
    const { input, onrun } = setup();
    await fireEvent.keyDown(input, { key: "Enter", isComposing: true });
    await fireEvent.keyDown(input, { key: "Enter", keyCode: 229 });
    expect(onrun).not.toHaveBeenCalled();
  });

  it("resets the highlight to the best match when the query changes", async () => {
    const { input, active } = setup();
    await fireEvent.keyDown(input, { key: "ArrowDown" });
    await fireEvent.input(input, { target: { value: "go" } });
    expect(active()).toBe("view.urgent");
  });

  it("runs a clicked command, and closes on Escape or a click outside", async () => {
    const { input, items, onrun, onclose } = setup();
    await fireEvent.click(items()[1]);
    expect(onrun).toHaveBeenCalledWith(COMMANDS[1]);
    const escape = new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true });
    const reachedWindow = vi.fn();
    window.addEventListener("keydown", reachedWindow);
    input.dispatchEvent(escape);
    window.removeEventListener("keydown", reachedWindow);
    expect(onclose).toHaveBeenCalledTimes(1);
    // Escape closes the palette only, not the ticket behind it.
    expect(reachedWindow).not.toHaveBeenCalled();
    await fireEvent.mouseDown(screen.getByTestId("command-palette").parentElement!);
    expect(onclose).toHaveBeenCalledTimes(2);
  });

  it("speaks the interface language", () => {
    locale.set("zh-CN");
    setup();
    expect((screen.getByTestId("command-palette-input") as HTMLInputElement).placeholder).toBe("输入命令、视图或 #工单号…");
    expect(screen.getByTestId("command-palette").getAttribute("aria-label")).toBe("命令面板");
  });
});
