// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AlertSettings } from "$lib/bindings/AlertSettings";
import type { CategoryInfo } from "$lib/bindings/CategoryInfo";

// The Tauri boundary, mocked: only the two settings commands the panel calls.
const c = vi.hoisted(() => ({
  alertSettings: vi.fn<() => Promise<AlertSettings>>(),
  setAlertSettings: vi.fn<(s: AlertSettings) => Promise<AlertSettings>>(),
}));
vi.mock("$lib/bindings/commands", () => ({ CONSOLE_EVENT: "console-event", commands: c }));

const { default: AlertSettingsPanel } = await import("../AlertSettingsPanel.svelte");
const { locale } = await import("$lib/state/locale.svelte");
const { workspace } = await import("$lib/state/workspace.svelte");

const cat = (id: CategoryInfo["id"], en: string, zh: string, urgent = false): CategoryInfo => ({ id, name: { en, zh }, urgent });
// Deliberately not urgent-first, to see the panel order them.
const TAXONOMY: CategoryInfo[] = [
  cat("top_up", "Top-up", "充值"),
  cat("account_security", "Account security", "账户安全", true),
  cat("transfer", "Transfer", "转账"),
  cat("fraud", "Fraud", "欺诈", true),
];

const settings = (over: Partial<AlertSettings> = {}): AlertSettings => ({
  categories: { account_security: true, fraud: true, top_up: false },
  sla_soon: true,
  needs_attention: true,
  quiet_hours: null,
  urgent_overrides_quiet: true,
  sla_lead_minutes: 15,
  burst: { threshold: 3, window_seconds: 10 },
  ...over,
});

const byId = <T extends HTMLElement = HTMLInputElement>(id: string) => screen.getByTestId(id) as unknown as T;
const categoryBox = (id: string) =>
  screen.getAllByTestId("alert-category").find((el) => el.dataset.category === id) as HTMLInputElement;

async function setup(initial = settings()) {
  c.alertSettings.mockResolvedValue(initial);
  const onclose = vi.fn();
  const onsaved = vi.fn();
  render(AlertSettingsPanel, { onclose, onsaved });
  await screen.findAllByTestId("alert-category");
  return { onclose, onsaved };
}

describe("AlertSettingsPanel", () => {
  beforeEach(() => {
    c.alertSettings.mockReset();
    c.setAlertSettings.mockReset();
    locale.set("en");
    workspace.taxonomy = { categories: TAXONOMY, channels: [] };
  });

  it("shows one localized checkbox per category, urgent ones first, and the loaded values", async () => {
    await setup(settings({ quiet_hours: { start_minute: 22 * 60 + 30, end_minute: 6 * 60 + 5 }, sla_lead_minutes: 30 }));
    const boxes = screen.getAllByTestId("alert-category") as HTMLInputElement[];
    expect(boxes.map((b) => b.dataset.category)).toEqual(["account_security", "fraud", "top_up", "transfer"]);
    expect(boxes.map((b) => b.closest("label")!.textContent!.trim())).toEqual([
      "Account security",
      "Fraud",
      "Top-up",
      "Transfer",
    ]);
    // transfer is not in the saved map: it follows its urgency (off), as the core does.
    expect(boxes.map((b) => b.checked)).toEqual([true, true, false, false]);
    expect(byId("alert-sla-soon").checked).toBe(true);
    expect(byId("alert-needs-attention").checked).toBe(true);
    expect(byId("alert-quiet-enabled").checked).toBe(true);
    expect(byId("alert-quiet-start").value).toBe("22:30");
    expect(byId("alert-quiet-end").value).toBe("06:05");
    expect(byId("alert-urgent-overrides-quiet").checked).toBe(true);
    expect(byId("alert-sla-lead").value).toBe("30");
    expect(screen.getByTestId("alert-settings").textContent).toContain("Ends the next morning.");
    expect(byId("alert-settings-error").textContent).toBe("");

    locale.set("zh-CN");
    await waitFor(() => expect(categoryBox("fraud").closest("label")!.textContent!.trim()).toBe("欺诈"));
  });

  it("saves every field, keeps the burst rule, and closes with the saved settings", async () => {
    const { onclose, onsaved } = await setup();
    await fireEvent.click(categoryBox("fraud"));
    await fireEvent.click(categoryBox("transfer"));
    await fireEvent.click(byId("alert-sla-soon"));
    await fireEvent.click(byId("alert-needs-attention"));
    await fireEvent.click(byId("alert-quiet-enabled"));
    await fireEvent.input(byId("alert-quiet-start"), { target: { value: "21:15" } });
    await fireEvent.input(byId("alert-quiet-end"), { target: { value: "07:45" } });
    await fireEvent.click(byId("alert-urgent-overrides-quiet"));
    await fireEvent.input(byId("alert-sla-lead"), { target: { value: "45" } });
    const answer = settings({ sla_lead_minutes: 45 });
    c.setAlertSettings.mockResolvedValue(answer);
    await fireEvent.click(byId("alert-settings-save"));

    expect(c.setAlertSettings).toHaveBeenCalledTimes(1);
    expect(c.setAlertSettings.mock.calls[0][0]).toEqual({
      categories: { account_security: true, fraud: false, top_up: false, transfer: true },
      sla_soon: false,
      needs_attention: false,
      quiet_hours: { start_minute: 21 * 60 + 15, end_minute: 7 * 60 + 45 },
      urgent_overrides_quiet: false,
      sla_lead_minutes: 45,
      burst: { threshold: 3, window_seconds: 10 },
    });
    await waitFor(() => expect(onclose).toHaveBeenCalledTimes(1));
    expect(onsaved).toHaveBeenCalledWith(answer);
  });

  it("sends no quiet hours when they are off, whatever the times say", async () => {
    await setup(settings({ quiet_hours: { start_minute: 60, end_minute: 120 } }));
    await fireEvent.click(byId("alert-quiet-enabled"));
    c.setAlertSettings.mockImplementation(async (s) => s);
    await fireEvent.click(byId("alert-settings-save"));
    expect(c.setAlertSettings.mock.calls[0][0].quiet_hours).toBeNull();
  });

  it("shows the core's reason next to the form and keeps the values when it refuses", async () => {
    const { onclose } = await setup();
    await fireEvent.input(byId("alert-sla-lead"), { target: { value: "999" } });
    await fireEvent.click(categoryBox("top_up"));
    c.setAlertSettings.mockRejectedValue({
      code: "invalid_input",
      message: "the SLA warning must come 1 to 480 minutes before the deadline",
    });
    await fireEvent.click(byId("alert-settings-save"));
    await waitFor(() =>
      expect(byId("alert-settings-error").textContent).toBe("the SLA warning must come 1 to 480 minutes before the deadline"),
    );
    expect(onclose).not.toHaveBeenCalled();
    expect(screen.getByTestId("alert-settings")).toBeTruthy();
    expect(byId("alert-sla-lead").value).toBe("999");
    expect(categoryBox("top_up").checked).toBe(true);
    expect(byId<HTMLButtonElement>("alert-settings-save").disabled).toBe(false);
  });

  it("refuses an empty quiet-hours time or an empty lead itself", async () => {
    await setup();
    await fireEvent.click(byId("alert-quiet-enabled"));
    await fireEvent.input(byId("alert-quiet-end"), { target: { value: "" } });
    await fireEvent.click(byId("alert-settings-save"));
    expect(byId("alert-settings-error").textContent).toBe("Enter both quiet-hours times.");

    await fireEvent.input(byId("alert-quiet-end"), { target: { value: "08:00" } });
    await fireEvent.input(byId("alert-sla-lead"), { target: { value: "" } });
    await fireEvent.click(byId("alert-settings-save"));
    expect(byId("alert-settings-error").textContent).toBe("Enter the warning as a whole number of minutes.");
    expect(c.setAlertSettings).not.toHaveBeenCalled();
  });

  it("closes without saving on cancel and on Escape", async () => {
    const { onclose } = await setup();
    await fireEvent.click(byId("alert-settings-close"));
    expect(onclose).toHaveBeenCalledTimes(1);
    await fireEvent.keyDown(byId("alert-sla-soon"), { key: "Escape" });
    expect(onclose).toHaveBeenCalledTimes(2);
    expect(c.setAlertSettings).not.toHaveBeenCalled();
  });

  it("says why when the settings cannot be loaded, and cannot save", async () => {
    c.alertSettings.mockRejectedValue({ code: "store_unavailable", message: "alert log is locked" });
    render(AlertSettingsPanel, { onclose: vi.fn() });
    await waitFor(() => expect(byId("alert-settings-error").textContent).toBe("alert log is locked"));
    expect(byId<HTMLButtonElement>("alert-settings-save").disabled).toBe(true);
    expect(screen.queryAllByTestId("alert-category")).toHaveLength(0);
  });
});
