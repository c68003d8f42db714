// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ConsoleEvent } from "$lib/bindings/ConsoleEvent";
import type { InboxQuery } from "$lib/bindings/InboxQuery";
import type { TicketEdit } from "$lib/bindings/TicketEdit";
import { attentionItem, summary, syncStatus, ticketDetail } from "$lib/components/__tests__/fixtures";

// The Tauri boundary, mocked: typed commands and the event channel. WebDriver covers the real IPC.
const h = vi.hoisted(() => ({
  listeners: [] as ((e: { payload: unknown }) => void)[],
  inboxPage: vi.fn(),
  viewCounts: vi.fn(),
  ticketDetail: vi.fn(),
  searchTickets: vi.fn(),
  editTicket: vi.fn(),
  syncStatus: vi.fn(),
  attentionItems: vi.fn(),
  resolveAttention: vi.fn(),
  setWorkOffline: vi.fn(),
  unreadUrgent: vi.fn(),
  markSeen: vi.fn(),
  alertSettings: vi.fn(),
  setAlertSettings: vi.fn(),
}));
vi.mock("@tauri-apps/api/event", () => ({
  listen: async (_name: string, fn: (e: { payload: unknown }) => void) => {
    h.listeners.push(fn);
    return () => {};
  },
}));
vi.mock("$lib/bindings/commands", () => ({
  CONSOLE_EVENT: "console-event",
  commands: {
    workspaceInfo: async () => ({ agent: { id: "a1", name: "Li Wei", group_id: null }, ticket_count: 300, demo: true, agents: [{ id: "a1", name: "Li Wei", group_id: null }], groups: [] }),
    taxonomy: async () => ({
      categories: [{ id: "fraud", name: { zh: "欺诈", en: "Fraud" }, urgent: true }],
      channels: [{ id: "email", name: { zh: "电子邮件", en: "Email" }, first_response_promise: "" }],
    }),
    viewCounts: () => h.viewCounts(),
    inboxPage: (q: InboxQuery) => h.inboxPage(q),
    ticketDetail: (id: number) => h.ticketDetail(id),
    // The customer panel asks for the customer's earlier tickets; these tests are about the app.
    customerTickets: async () => [],
    searchTickets: (t: string, l: number) => h.searchTickets(t, l),
    editTicket: (id: number, edit: TicketEdit) => h.editTicket(id, edit),
    syncStatus: () => h.syncStatus(),
    attentionItems: () => h.attentionItems(),
    resolveAttention: (editId: string, r: string) => h.resolveAttention(editId, r),
    setWorkOffline: (offline: boolean) => h.setWorkOffline(offline),
    unreadUrgent: () => h.unreadUrgent(),
    markSeen: (id: number) => h.markSeen(id),
    alertSettings: () => h.alertSettings(),
    setAlertSettings: (s: unknown) => h.setAlertSettings(s),
  },
}));

const { default: App } = await import("./App.svelte");
const { locale } = await import("$lib/state/locale.svelte");
const { drafts } = await import("$lib/state/drafts.svelte");
const { errors } = await import("$lib/state/errors.svelte");
const { workspace } = await import("$lib/state/workspace.svelte");
const emit = (ev: ConsoleEvent) => h.listeners.forEach((fn) => fn({ payload: ev }));

beforeEach(() => {
  h.listeners.length = 0;
  delete document.body.dataset.ready;
  locale.set("en");
  h.viewCounts.mockResolvedValue([
    { view: { kind: "active" }, count: 300 },
    { view: { kind: "urgent" }, count: 12 },
  ]);
  h.inboxPage.mockImplementation(async (q: InboxQuery) => ({
    total: 300,
    offset: q.offset,
    rows: Array.from({ length: Math.min(q.limit, 300 - q.offset) }, (_, i) =>
      summary(q.offset + i + 1, { subject: `${q.view.kind} ticket ${q.offset + i + 1}` }),
    ),
  }));
  h.ticketDetail.mockImplementation(async (id: number) => ticketDetail({ id, subject: `Detail ${id}` }));
  h.searchTickets.mockResolvedValue({ terms: ["refund"], total: 1234, rows: [summary(77, { subject: "Refund please" })] });
  h.editTicket.mockReset();
  h.syncStatus.mockResolvedValue(syncStatus());
  h.attentionItems.mockResolvedValue([]);
  h.resolveAttention.mockResolvedValue(null);
  h.setWorkOffline.mockReset();
  h.unreadUrgent.mockResolvedValue(0);
  h.markSeen.mockReset().mockResolvedValue(0);
  h.alertSettings.mockResolvedValue({
    categories: { account_security: true, fraud: true },
    sla_soon: true,
    needs_attention: true,
    quiet_hours: null,
    urgent_overrides_quiet: true,
    sla_lead_minutes: 15,
    burst: { threshold: 3, window_seconds: 10 },
  });
  h.setAlertSettings.mockReset().mockImplementation(async (s: unknown) => s);
  document.title = "Wallet Desk";
  drafts.reset();
  errors.dismiss();
  workspace.setProgress({ done: 0, total: 0 });
});

describe("App", () => {
  it("paints the inbox, counts and the ready marker", async () => {
    render(App);
    await waitFor(() => expect(document.body.dataset.ready).toBe("inbox"));
    expect(screen.getAllByTestId("inbox-row")[0].dataset.ticketId).toBe("1");
    const urgent = screen.getByTestId("view-urgent");
    expect(urgent.querySelector('[data-testid="view-count"]')!.textContent!.trim()).toBe("12");
    expect(screen.getByTestId("view-channel-email")).toBeTruthy();
    expect(screen.getByTestId("view-category-fraud")).toBeTruthy();
  });

  it("switches language: inbox title, <html lang> and the remembered choice", async () => {
    render(App);
    await waitFor(() => expect(screen.getByTestId("inbox-title").textContent).toBe("Active"));
    await fireEvent.click(screen.getByTestId("lang-toggle"));
    expect(screen.getByTestId("inbox-title").textContent).toBe("处理中");
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(localStorage.getItem("wallet-desk.locale")).toBe("zh-CN");
  });

  it("opens a ticket with j/k and Enter, and marks it ready", async () => {
    render(App);
    await waitFor(() => expect(screen.getAllByTestId("inbox-row").length).toBeGreaterThan(2));
    await fireEvent.keyDown(window, { key: "j" });
    await fireEvent.keyDown(window, { key: "j" });
    await fireEvent.keyDown(window, { key: "k" });
    await fireEvent.keyDown(window, { key: "j" });
    const selected = screen.getAllByTestId("inbox-row").filter((r) => r.getAttribute("aria-selected") === "true");
    expect(selected.map((r) => r.dataset.ticketId)).toEqual(["2"]);
    await fireEvent.keyDown(window, { key: "Enter" });
    await waitFor(() => expect(screen.getByTestId("ticket-view").dataset.ticketId).toBe("2"));
    expect(screen.getByTestId("ticket-subject").textContent).toBe("Detail 2");
    await waitFor(() => expect(document.body.dataset.ready).toBe("ticket"));
  });

  it("switching view queries the new view from offset 0", async () => {
    render(App);
    await waitFor(() => expect(document.body.dataset.ready).toBe("inbox"));
    await fireEvent.click(screen.getByTestId("view-urgent"));
    await waitFor(() => expect(screen.getAllByTestId("inbox-row")[0].textContent).toContain("urgent ticket 1"));
    expect(h.inboxPage.mock.calls.at(-1)![0]).toMatchObject({ view: { kind: "urgent" }, offset: 0 });
    expect(screen.getByTestId("inbox-title").textContent).toBe("Urgent");
    // Focus is on the sidebar button now; j must still move the cursor (Enter stays the button's).
    await fireEvent.keyDown(screen.getByTestId("view-urgent"), { key: "j" });
    const selected = screen.getAllByTestId("inbox-row").filter((r) => r.getAttribute("aria-selected") === "true");
    expect(selected.map((r) => r.dataset.ticketId)).toEqual(["1"]);
  });

  it("searches, shows the total with highlights, and Escape goes back to the inbox", async () => {
    render(App);
    await waitFor(() => expect(document.body.dataset.ready).toBe("inbox"));
    const input = screen.getByTestId("search-input") as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "refund" } });
    await waitFor(() => expect(screen.getByTestId("search-total").textContent).toContain("1,234 matches"));
    expect(h.searchTickets).toHaveBeenCalledWith("refund", 200);
    const rows = screen.getAllByTestId("inbox-row");
    expect(rows.map((r) => r.dataset.ticketId)).toEqual(["77"]);
    expect(rows[0].querySelector("mark")!.textContent).toBe("Refund");
    await fireEvent.keyDown(input, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("search-total")).toBeNull());
    expect(screen.getByTestId("inbox-title").textContent).toBe("Active");
  });

  it("on tickets_changed refreshes counts, the list and the open ticket", async () => {
    render(App);
    await waitFor(() => expect(screen.getAllByTestId("inbox-row").length).toBeGreaterThan(0));
    screen.getAllByTestId("inbox-row")[0].click();
    await waitFor(() => expect(screen.getByTestId("ticket-view").dataset.ticketId).toBe("1"));
    const counts = h.viewCounts.mock.calls.length;
    const pages = h.inboxPage.mock.calls.length;
    h.ticketDetail.mockImplementation(async (id: number) => ticketDetail({ id, subject: "Updated subject" }));
    emit({ kind: "tickets_changed", value: { ids: [1, 99] } });
    await waitFor(() => expect(screen.getByTestId("ticket-subject").textContent).toBe("Updated subject"));
    expect(h.viewCounts.mock.calls.length).toBe(counts + 1);
    expect(h.inboxPage.mock.calls.length).toBeGreaterThan(pages);
  });

  it("shows fill progress and error messages", async () => {
    h.ticketDetail.mockRejectedValue({ code: "not_found", message: "ticket 5 is gone" });
    render(App);
    await waitFor(() => expect(h.listeners.length).toBe(1));
    emit({ kind: "fill_progress", value: { done: 1200, total: 5000 } });
    await waitFor(() => expect(screen.getByTestId("fill-progress").textContent).toContain("1,200 / 5,000"));
    await waitFor(() => expect(screen.getAllByTestId("inbox-row").length).toBeGreaterThan(0));
    screen.getAllByTestId("inbox-row")[0].click();
    const banner = await screen.findByTestId("error-banner");
    expect(banner.textContent).toContain("ticket 5 is gone");
    expect(banner.dataset.code).toBe("not_found");
  });

  it("follows sync events: indicator, queued count and the offline banner", async () => {
    render(App);
    await waitFor(() => expect(screen.getByTestId("sync-indicator").dataset.connectivity).toBe("online"));
    expect(screen.queryByTestId("offline-banner")).toBeNull();
    expect(screen.queryByTestId("queued-count")).toBeNull();

    emit({ kind: "sync", value: { status: syncStatus({ connectivity: "offline", queued: 3 }) } });
    const banner = await screen.findByTestId("offline-banner");
    expect(banner.textContent).toContain("3 edits waiting to be sent");
    expect(screen.getByTestId("sync-indicator").dataset.connectivity).toBe("offline");
    expect(screen.getByTestId("queued-count").textContent).toBe("3");

    emit({ kind: "sync", value: { status: syncStatus({ connectivity: "paused", queued: 2 }) } });
    await waitFor(() => expect(screen.getByTestId("offline-banner").dataset.connectivity).toBe("paused"));
    expect(screen.getByTestId("offline-banner").textContent).toContain("2 edits waiting to be sent");
    h.setWorkOffline.mockResolvedValue(syncStatus({ connectivity: "connecting", queued: 2 }));
    await fireEvent.click(screen.getByTestId("go-online"));
    expect(h.setWorkOffline).toHaveBeenCalledWith(false);

    emit({ kind: "sync", value: { status: syncStatus({ connectivity: "online", queued: 0 }) } });
    await waitFor(() => expect(screen.queryByTestId("offline-banner")).toBeNull());
    expect(screen.getByTestId("sync-indicator").dataset.connectivity).toBe("online");
    expect(screen.queryByTestId("queued-count")).toBeNull();
  });

  it("shows the first copy's download progress while bootstrapping", async () => {
    h.syncStatus.mockResolvedValue(syncStatus({ connectivity: "connecting", bootstrap: { done: 400, total: 2000 } }));
    render(App);
    const bar = await screen.findByTestId("fill-progress");
    expect(bar.textContent).toContain("Downloading tickets from the hub… 400 / 2,000");
    emit({ kind: "sync", value: { status: syncStatus({ bootstrap: null }) } });
    await waitFor(() => expect(screen.queryByTestId("fill-progress")).toBeNull());
  });

  it("lists edits that need attention and opens their ticket in the ticket pane", async () => {
    h.syncStatus.mockResolvedValue(syncStatus({ needs_attention: 1 }));
    h.attentionItems.mockResolvedValue([attentionItem({ edit_id: "e-9", ticket_id: 9, subject: "Held one" })]);
    render(App);
    await waitFor(() => expect(screen.getByTestId("attention-count").textContent!.trim()).toBe("1"));
    await fireEvent.click(screen.getByTestId("view-attention"));
    const item = await screen.findByTestId("attention-item");
    expect(screen.getByTestId("attention-list").contains(item)).toBe(true);
    expect(screen.getByTestId("view-attention").getAttribute("aria-current")).toBe("page");
    expect(item.dataset.ticketId).toBe("9");

    // The inbox's j/k/Enter do not act on the hidden list meanwhile.
    const details = h.ticketDetail.mock.calls.length;
    await fireEvent.keyDown(window, { key: "j" });
    await fireEvent.keyDown(window, { key: "Enter" });
    expect(h.ticketDetail.mock.calls.length).toBe(details);

    await fireEvent.click(item.querySelector('[data-testid="attention-open"]')!);
    await waitFor(() => expect(screen.getByTestId("ticket-view").dataset.ticketId).toBe("9"));

    // Resolving refreshes the list and the status; the sidebar count follows.
    h.attentionItems.mockResolvedValue([]);
    h.syncStatus.mockResolvedValue(syncStatus({ needs_attention: 0 }));
    await fireEvent.click(item.querySelector('[data-testid="attention-resend"]')!);
    expect(h.resolveAttention).toHaveBeenCalledWith("e-9", "resend");
    await waitFor(() => expect(screen.queryByTestId("attention-item")).toBeNull());
    await waitFor(() => expect(screen.getByTestId("attention-count").textContent!.trim()).toBe("0"));

    // A view brings the inbox back.
    await fireEvent.click(screen.getByTestId("view-active"));
    await waitFor(() => expect(screen.queryByTestId("attention-list")).toBeNull());
    expect(screen.getAllByTestId("inbox-row").length).toBeGreaterThan(0);
  });

  it("edits the open ticket, shows the answer and refreshes lists and counts", async () => {
    render(App);
    await waitFor(() => expect(screen.getAllByTestId("inbox-row").length).toBeGreaterThan(0));
    screen.getAllByTestId("inbox-row")[0].click();
    await waitFor(() => expect(screen.getByTestId("ticket-view").dataset.ticketId).toBe("1"));
    const counts = h.viewCounts.mock.calls.length;
    const pages = h.inboxPage.mock.calls.length;
    const details = h.ticketDetail.mock.calls.length;
    h.editTicket.mockImplementation(async (id: number) => ticketDetail({ id, subject: "Detail 1", status: "pending", queued: 1 }));

    await fireEvent.change(screen.getByTestId("status-select"), { target: { value: "pending" } });
    expect(h.editTicket).toHaveBeenCalledWith(1, { kind: "set_status", status: "pending" });
    await waitFor(() => expect(screen.getByTestId("chip-status").textContent).toBe("Pending"));
    expect(screen.getByTestId("ticket-queued").textContent).toContain("1");
    expect(h.viewCounts.mock.calls.length).toBe(counts + 1);
    expect(h.inboxPage.mock.calls.length).toBeGreaterThan(pages);
    expect(h.ticketDetail.mock.calls.length).toBe(details); // the answer is the ticket: no refetch
  });

  it("keeps the draft and shows the error when a reply is refused", async () => {
    render(App);
    await waitFor(() => expect(screen.getAllByTestId("inbox-row").length).toBeGreaterThan(0));
    screen.getAllByTestId("inbox-row")[0].click();
    await waitFor(() => expect(screen.getByTestId("ticket-view").dataset.ticketId).toBe("1"));
    h.editTicket.mockRejectedValue({ code: "invalid_input", message: "reply is too long" });
    const box = screen.getByTestId("composer-input") as HTMLTextAreaElement;
    await fireEvent.input(box, { target: { value: "Hello there" } });
    // Typing j in the composer is text, not list navigation.
    await fireEvent.keyDown(box, { key: "j" });
    await fireEvent.keyDown(box, { key: "Enter", ctrlKey: true });
    expect(h.editTicket).toHaveBeenCalledWith(1, { kind: "reply", body: "Hello there" });
    const banner = await screen.findByTestId("error-banner");
    expect(banner.dataset.code).toBe("invalid_input");
    expect(banner.textContent).toContain("reply is too long");
    expect(box.value).toBe("Hello there");
    expect((screen.getByTestId("composer-send") as HTMLButtonElement).disabled).toBe(false);
    const selected = screen.getAllByTestId("inbox-row").filter((r) => r.getAttribute("aria-selected") === "true");
    expect(selected.map((r) => r.dataset.ticketId)).toEqual(["1"]);
  });
  it("opens the ticket a notification was clicked for, or the urgent view for a summary", async () => {
    render(App);
    await waitFor(() => expect(screen.getAllByTestId("inbox-row").length).toBeGreaterThan(0));
    emit({ kind: "open_ticket", value: { id: 5 } });
    await waitFor(() => expect(screen.getByTestId("ticket-view").dataset.ticketId).toBe("5"));
    expect(h.markSeen).toHaveBeenCalledWith(5);

    emit({ kind: "open_ticket", value: { id: null } });
    await waitFor(() => expect(screen.getByTestId("inbox-title").textContent).toBe("Urgent"));
    expect(h.inboxPage.mock.calls.at(-1)![0]).toMatchObject({ view: { kind: "urgent" }, offset: 0 });
    expect(screen.getByTestId("view-urgent").getAttribute("aria-current")).toBe("page");
  });

  it("counts unread urgent tickets in the sidebar and title, and marks opened tickets seen", async () => {
    h.unreadUrgent.mockResolvedValue(2);
    render(App);
    const badge = await screen.findByTestId("unread-urgent");
    expect(badge.textContent).toBe("2");
    expect(screen.getByTestId("view-urgent").contains(badge)).toBe(true);
    expect(document.title).toBe("(2) Wallet Desk");

    // Any way of opening a ticket marks it seen; the answer is the new count.
    await waitFor(() => expect(screen.getAllByTestId("inbox-row").length).toBeGreaterThan(0));
    h.markSeen.mockResolvedValue(1);
    screen.getAllByTestId("inbox-row")[0].click();
    expect(h.markSeen).toHaveBeenCalledWith(1);
    await waitFor(() => expect(screen.getByTestId("unread-urgent").textContent).toBe("1"));
    expect(document.title).toBe("(1) Wallet Desk");

    emit({ kind: "unread_urgent", value: { count: 7 } });
    await waitFor(() => expect(screen.getByTestId("unread-urgent").textContent).toBe("7"));
    expect(document.title).toBe("(7) Wallet Desk");
    emit({ kind: "unread_urgent", value: { count: 0 } });
    await waitFor(() => expect(screen.queryByTestId("unread-urgent")).toBeNull());
    expect(document.title).toBe("Wallet Desk");
  });

  it("shows alerts the OS could not, and opens their ticket from the toast", async () => {
    render(App);
    await waitFor(() => expect(h.listeners.length).toBe(1));
    emit({ kind: "alert", value: { alert: { summary: "Urgent: Fraud", body: "#9 · Email", ticket_id: 9, urgent: true } } });
    emit({ kind: "alert", value: { alert: { summary: "3 urgent tickets", body: "", ticket_id: null, urgent: true } } });
    const toasts = await screen.findAllByTestId("in-window-alert");
    expect(toasts.map((t) => t.dataset.ticketId)).toEqual([undefined, "9"]);
    expect(screen.getByTestId("in-window-alerts").contains(toasts[0])).toBe(true);

    await fireEvent.click(toasts[1].querySelector('[data-testid="in-window-alert-open"]')!);
    await waitFor(() => expect(screen.getByTestId("ticket-view").dataset.ticketId).toBe("9"));
    expect(h.markSeen).toHaveBeenCalledWith(9);
    expect(screen.getAllByTestId("in-window-alert")).toHaveLength(1);

    await fireEvent.click(screen.getByTestId("in-window-alert-open"));
    await waitFor(() => expect(screen.getByTestId("inbox-title").textContent).toBe("Urgent"));
    expect(screen.queryByTestId("in-window-alert")).toBeNull();
  });

  it("opening a ticket another way clears its toasts", async () => {
    render(App);
    await waitFor(() => expect(screen.getAllByTestId("inbox-row").length).toBeGreaterThan(0));
    emit({ kind: "alert", value: { alert: { summary: "Urgent: Fraud", body: "#1", ticket_id: 1, urgent: true } } });
    await screen.findByTestId("in-window-alert");
    screen.getAllByTestId("inbox-row")[0].click();
    await waitFor(() => expect(screen.queryByTestId("in-window-alert")).toBeNull());
  });

  it("opens the notification settings from the top bar; Escape closes only the dialog", async () => {
    render(App);
    await waitFor(() => expect(screen.getAllByTestId("inbox-row").length).toBeGreaterThan(0));
    screen.getAllByTestId("inbox-row")[0].click();
    await waitFor(() => expect(screen.getByTestId("ticket-view").dataset.ticketId).toBe("1"));
    await fireEvent.click(screen.getByTestId("alert-settings-open"));
    const panel = await screen.findByTestId("alert-settings");
    const fraud = await waitFor(() => {
      const box = screen.getAllByTestId("alert-category").find((b) => b.dataset.category === "fraud");
      expect(box).toBeTruthy();
      return box!;
    });
    expect(fraud.closest("label")!.textContent!.trim()).toBe("Fraud");
    await fireEvent.keyDown(panel, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("alert-settings")).toBeNull());
    expect(screen.getByTestId("ticket-view").dataset.ticketId).toBe("1");

    await fireEvent.click(screen.getByTestId("alert-settings-open"));
    await screen.findAllByTestId("alert-category");
    await fireEvent.click(screen.getByTestId("alert-sla-soon"));
    await fireEvent.click(screen.getByTestId("alert-settings-save"));
    expect(h.setAlertSettings.mock.calls[0][0]).toMatchObject({ sla_soon: false });
    await waitFor(() => expect(screen.queryByTestId("alert-settings")).toBeNull());
  });
});
