// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/svelte";
import { flushSync } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { InWindowAlert } from "$lib/bindings/InWindowAlert";

// The store only calls commands for the unread count, which these tests do not touch.
vi.mock("$lib/bindings/commands", () => ({ CONSOLE_EVENT: "console-event", commands: {} }));

const { default: InWindowAlerts } = await import("../InWindowAlerts.svelte");
const { AlertsStore, AUTO_DISMISS_MS, MAX_VISIBLE } = await import("$lib/state/alerts.svelte");
const { locale } = await import("$lib/state/locale.svelte");

const IMG = "<img src=x onerror=alert(1)>";

declare global {
  interface Window {
    __pwned?: number;
  }
}

const alert = (over: Partial<InWindowAlert> = {}): InWindowAlert => ({
  summary: "Urgent: Fraud",
  body: "#7 · Email",
  ticket_id: 7,
  urgent: true,
  ...over,
});

function setup() {
  const alerts = new AlertsStore();
  const onopen = vi.fn();
  const view = render(InWindowAlerts, { alerts, onopen });
  /** Push and re-render at once (the store is plain $state, so no promise to await). */
  const push = (a: InWindowAlert) => flushSync(() => alerts.push(a));
  return { alerts, onopen, push, ...view };
}

const within = (el: HTMLElement, id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;

describe("InWindowAlerts", () => {
  beforeEach(() => locale.set("en"));
  afterEach(() => vi.useRealTimers());

  it("renders hostile summary and body text as literal text", () => {
    const { container, push } = setup();
    push(alert({ summary: `${IMG} Fraud`, body: `<script>window.__pwned=1</script> #7` }));
    const toast = screen.getByTestId("in-window-alert");
    expect(within(toast, "in-window-alert-summary").textContent).toBe(`${IMG} Fraud`);
    expect(within(toast, "in-window-alert-body").textContent).toBe("<script>window.__pwned=1</script> #7");
    expect(container.querySelector("img, script")).toBeNull();
    expect(container.querySelector("[onerror]")).toBeNull();
    expect(window.__pwned).toBeUndefined();
  });

  it("marks each toast with its ticket and urgency, urgent ones as alerts", () => {
    const { push } = setup();
    push(alert({ ticket_id: 7, urgent: true }));
    push(alert({ ticket_id: null, urgent: false, summary: "3 urgent tickets" }));
    const [summary, urgent] = screen.getAllByTestId("in-window-alert");
    expect(summary.dataset.ticketId).toBeUndefined();
    expect(summary.dataset.urgent).toBe("false");
    expect(summary.getAttribute("role")).toBe("status");
    expect(urgent.dataset.ticketId).toBe("7");
    expect(urgent.dataset.urgent).toBe("true");
    expect(urgent.getAttribute("role")).toBe("alert");
  });

  it("opens the ticket (or the urgent view) on click and removes that toast", async () => {
    const { onopen, push } = setup();
    push(alert({ ticket_id: 7 }));
    push(alert({ ticket_id: null, summary: "3 urgent tickets" }));
    await fireEvent.click(within(screen.getAllByTestId("in-window-alert")[1], "in-window-alert-open"));
    expect(onopen).toHaveBeenLastCalledWith(7);
    expect(screen.getAllByTestId("in-window-alert").map((t) => t.dataset.ticketId)).toEqual([undefined]);
    await fireEvent.click(within(screen.getByTestId("in-window-alert"), "in-window-alert-open"));
    expect(onopen).toHaveBeenLastCalledWith(null);
    expect(screen.queryByTestId("in-window-alert")).toBeNull();
  });

  it("dismisses without opening", async () => {
    const { onopen, push } = setup();
    push(alert({ ticket_id: 7 }));
    push(alert({ ticket_id: 8 }));
    await fireEvent.click(within(screen.getAllByTestId("in-window-alert")[0], "in-window-alert-dismiss"));
    expect(onopen).not.toHaveBeenCalled();
    expect(screen.getAllByTestId("in-window-alert").map((t) => t.dataset.ticketId)).toEqual(["7"]);
    expect(within(screen.getByTestId("in-window-alert"), "in-window-alert-dismiss").getAttribute("aria-label")).toBe(
      "Dismiss notification",
    );
  });

  it("keeps urgent toasts and lets the others go by themselves", () => {
    vi.useFakeTimers();
    const { push } = setup();
    push(alert({ ticket_id: 1, urgent: true }));
    push(alert({ ticket_id: 2, urgent: false }));
    expect(screen.getAllByTestId("in-window-alert")).toHaveLength(2);
    flushSync(() => vi.advanceTimersByTime(AUTO_DISMISS_MS));
    expect(screen.getAllByTestId("in-window-alert").map((t) => t.dataset.ticketId)).toEqual(["1"]);
    flushSync(() => vi.advanceTimersByTime(60 * 60_000));
    expect(screen.getAllByTestId("in-window-alert").map((t) => t.dataset.ticketId)).toEqual(["1"]);
  });

  it("shows the newest few and says how many more wait", async () => {
    const { push } = setup();
    expect(screen.getByTestId("in-window-alerts").children).toHaveLength(0);
    for (let i = 1; i <= MAX_VISIBLE + 2; i++) push(alert({ ticket_id: i }));
    const shown = screen.getAllByTestId("in-window-alert");
    expect(shown.map((t) => t.dataset.ticketId)).toEqual(["7", "6", "5", "4", "3"]);
    expect(screen.getByTestId("in-window-alerts-more").textContent!.trim()).toBe("+2 more");
    await fireEvent.click(within(shown[0], "in-window-alert-dismiss"));
    expect(screen.getAllByTestId("in-window-alert").map((t) => t.dataset.ticketId)).toEqual(["6", "5", "4", "3", "2"]);
    expect(screen.getByTestId("in-window-alerts-more").textContent!.trim()).toBe("+1 more");
  });
});
