// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { InboxQuery } from "$lib/bindings/InboxQuery";
import type { TicketEdit } from "$lib/bindings/TicketEdit";
import { summary, syncStatus, ticketDetail } from "$lib/components/__tests__/fixtures";

// The keyboard layer end to end: App wiring, the dispatcher, the palette and the help overlay,
// over the same mocked Tauri boundary as App.test.ts.
const h = vi.hoisted(() => ({
  inboxPage: vi.fn(),
  ticketDetail: vi.fn(),
  editTicket: vi.fn(),
  searchTickets: vi.fn(),
  markSeen: vi.fn(),
  /** Tickets gone from every view (solved out of "active"). */
  hidden: new Set<number>(),
}));
vi.mock("@tauri-apps/api/event", () => ({ listen: async () => () => {} }));
vi.mock("$lib/bindings/commands", () => ({
  CONSOLE_EVENT: "console-event",
  commands: {
    workspaceInfo: async () => ({
      agent: { id: "a1", name: "Li Wei", group_id: null },
      ticket_count: 50,
      demo: true,
      agents: [{ id: "a1", name: "Li Wei", group_id: null }],
      groups: [],
    }),
    taxonomy: async () => ({
      categories: [{ id: "fraud", name: { zh: "欺诈", en: "Fraud" }, urgent: true }],
      channels: [{ id: "email", name: { zh: "电子邮件", en: "Email" }, first_response_promise: "" }],
    }),
    viewCounts: async () => [],
    inboxPage: (q: InboxQuery) => h.inboxPage(q),
    ticketDetail: (id: number) => h.ticketDetail(id),
    // The customer panel asks for the customer's earlier tickets; these tests are about the app.
    customerTickets: async () => [],
    searchTickets: (t: string, l: number) => h.searchTickets(t, l),
    editTicket: (id: number, edit: TicketEdit) => h.editTicket(id, edit),
    syncStatus: async () => syncStatus(),
    attentionItems: async () => [],
    unreadUrgent: async () => 0,
    markSeen: (id: number) => h.markSeen(id),
  },
}));

const { default: App } = await import("./App.svelte");
const { locale } = await import("$lib/state/locale.svelte");
const { drafts } = await import("$lib/state/drafts.svelte");
const { theme } = await import("$lib/state/theme.svelte");

beforeEach(() => {
  locale.set("en");
  theme.set("system");
  drafts.reset();
  h.hidden.clear();
  h.inboxPage.mockImplementation(async (q: InboxQuery) => {
    const ids = Array.from({ length: 50 }, (_, i) => i + 1).filter((id) => !h.hidden.has(id));
    const rows = ids.slice(q.offset, q.offset + q.limit).map((id) => summary(id, { subject: `${q.view.kind} ticket ${id}` }));
    return { total: ids.length, offset: q.offset, rows };
  });
  h.ticketDetail.mockImplementation(async (id: number) => ticketDetail({ id, subject: `Detail ${id}` }));
  h.editTicket.mockReset();
  h.searchTickets.mockResolvedValue({ terms: [], total: 0, rows: [] });
  h.markSeen.mockReset().mockResolvedValue(0);
});

const press = (key: string, init: KeyboardEventInit = {}, target: Element | Window = document.activeElement ?? window) =>
  fireEvent.keyDown(target, { key, ...init });
const openId = () => screen.queryByTestId("ticket-view")?.dataset.ticketId;
const cursor = () =>
  screen.getAllByTestId("inbox-row").filter((r) => r.getAttribute("aria-selected") === "true").map((r) => r.dataset.ticketId);

async function ready() {
  render(App);
  await waitFor(() => expect(screen.getAllByTestId("inbox-row").length).toBeGreaterThan(3));
}

async function openFirst() {
  await ready();
  screen.getAllByTestId("inbox-row")[0].click();
  await waitFor(() => expect(openId()).toBe("1"));
}

describe("keyboard", () => {
  it("j/k move the cursor and open the ticket under it once it rests", async () => {
    await ready();
    await press("j", {}, document.body);
    await press("j");
    await press("k");
    expect(cursor()).toEqual(["1"]);
    await waitFor(() => expect(openId()).toBe("1"));
    // Only the ticket the cursor rested on was opened (and marked seen).
    expect(h.markSeen.mock.calls).toEqual([[1]]);
    // j put focus in the list, where the arrow keys move too.
    expect(document.activeElement).toBe(screen.getByTestId("inbox-list"));
    await press("ArrowDown");
    await waitFor(() => expect(openId()).toBe("2"));
    // ] and Shift+J open the next one at once.
    await press("]");
    expect(cursor()).toEqual(["3"]);
    await press("J", { shiftKey: true });
    await waitFor(() => expect(openId()).toBe("4"));
  });

  it("arrow keys outside the list are left to the page", async () => {
    await ready();
    expect(await press("ArrowDown", {}, document.body)).toBe(true); // not prevented
    expect(cursor()).toEqual([]);
  });

  it("g then u / m / i switch views", async () => {
    await ready();
    await press("g", {}, document.body);
    await press("u", {}, document.body);
    await waitFor(() => expect(screen.getByTestId("inbox-title").textContent).toBe("Urgent"));
    await press("g", {}, document.body);
    await press("m", {}, document.body);
    await waitFor(() => expect(screen.getByTestId("inbox-title").textContent).toBe("Mine"));
    await press("g", {}, document.body);
    await press("i", {}, document.body);
    await waitFor(() => expect(screen.getByTestId("inbox-title").textContent).toBe("Active"));
  });

  it("/ focuses search; keys typed there are text, and IME keystrokes never act", async () => {
    await ready();
    await press("/", {}, document.body);
    const input = screen.getByTestId("search-input");
    expect(document.activeElement).toBe(input);
    await press("j", {}, input);
    await press("s", {}, input);
    expect(cursor()).toEqual([]);
    await press("Escape", {}, input);
    expect(document.activeElement).not.toBe(input);
    await press("j", { isComposing: true }, document.body);
    await press("j", { keyCode: 229 }, document.body);
    expect(cursor()).toEqual([]);
  });

  it("r and n put the caret in the composer as a reply or a note, without typing the letter", async () => {
    await openFirst();
    expect(await press("n", {}, document.body)).toBe(false); // prevented: no "n" in the note
    const box = screen.getByTestId("composer-input") as HTMLTextAreaElement;
    expect(document.activeElement).toBe(box);
    expect(screen.getByTestId("composer").dataset.mode).toBe("note");
    // Escape leaves the field first; the ticket stays open.
    await press("Escape", {}, box);
    expect(document.activeElement).not.toBe(box);
    expect(openId()).toBe("1");
    await press("r", {}, document.body);
    expect(document.activeElement).toBe(box);
    expect(screen.getByTestId("composer").dataset.mode).toBe("reply");
  });

  it("a assigns the open ticket to me and s solves it", async () => {
    await openFirst();
    h.editTicket.mockImplementation(async (id: number) => ticketDetail({ id, subject: `Detail ${id}`, assignee_id: "a1" }));
    await press("a", {}, document.body);
    expect(h.editTicket).toHaveBeenLastCalledWith(1, { kind: "set_assignee", assignee_id: "a1" });
    await waitFor(() => expect(screen.getByTestId("chip-assignee").textContent).toContain("Li Wei"));
    // Already mine: a second press sends nothing.
    await press("a", {}, document.body);
    expect(h.editTicket).toHaveBeenCalledTimes(1);
    await press("s", {}, document.body);
    expect(h.editTicket).toHaveBeenLastCalledWith(1, { kind: "set_status", status: "solved" });
  });

  it("Shift+S solves and opens the next ticket; the cursor stays on it when the list drops the solved one", async () => {
    await openFirst();
    h.editTicket.mockImplementation(async (id: number) => {
      h.hidden.add(id);
      return ticketDetail({ id, status: "solved" });
    });
    await press("S", { shiftKey: true }, document.body);
    expect(h.editTicket).toHaveBeenCalledWith(1, { kind: "set_status", status: "solved" });
    await waitFor(() => expect(openId()).toBe("2"));
    await waitFor(() => expect(screen.getAllByTestId("inbox-row")[0].dataset.ticketId).toBe("2"));
    await waitFor(() => expect(cursor()).toEqual(["2"]));
    await press("j", {}, document.body);
    await waitFor(() => expect(openId()).toBe("3"));
  });

  it("Ctrl+K opens the palette, even from a text field; #5 opens ticket 5", async () => {
    await ready();
    const search = screen.getByTestId("search-input");
    await press("k", { ctrlKey: true }, search);
    const input = await screen.findByTestId("command-palette-input");
    expect(document.activeElement).toBe(input);
    await fireEvent.input(input, { target: { value: "#5" } });
    expect(screen.getAllByTestId("command-palette-item")[0].dataset.command).toBe("ticket.open");
    await press("Enter", {}, input);
    await waitFor(() => expect(openId()).toBe("5"));
    expect(screen.queryByTestId("command-palette")).toBeNull();
  });

  it("the palette finds views in either language, and Escape closes only the palette", async () => {
    await openFirst();
    await press("k", { metaKey: true }, document.body);
    let input = await screen.findByTestId("command-palette-input");
    await fireEvent.input(input, { target: { value: "欺诈" } });
    await press("Enter", {}, input);
    await waitFor(() => expect(screen.getByTestId("inbox-title").textContent).toBe("Fraud"));

    await press("k", { ctrlKey: true }, document.body);
    input = await screen.findByTestId("command-palette-input");
    await press("Escape", {}, input);
    expect(screen.queryByTestId("command-palette")).toBeNull();
    expect(openId()).toBe("1");
  });

  it("? shows every shortcut; other keys wait until it is closed", async () => {
    await openFirst();
    await press("?", { shiftKey: true }, document.body);
    const help = screen.getByTestId("shortcut-help");
    expect(screen.getAllByTestId("shortcut-help-item").length).toBeGreaterThan(10);
    await press("s", {}, help);
    expect(h.editTicket).not.toHaveBeenCalled();
    await press("Escape", {}, help);
    expect(screen.queryByTestId("shortcut-help")).toBeNull();
    expect(openId()).toBe("1");
    // With nothing else to close, Escape closes the ticket.
    await press("Escape", {}, document.body);
    expect(openId()).toBeUndefined();
  });

  it("switches theme from the top bar and the palette, and remembers it", async () => {
    await ready();
    const toggle = screen.getByTestId("theme-toggle");
    expect(toggle.dataset.themePref).toBe("system");
    await fireEvent.click(toggle);
    expect(toggle.dataset.themePref).toBe("light");
    await fireEvent.click(toggle);
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(localStorage.getItem("wallet-desk.theme")).toBe("dark");

    await press("k", { ctrlKey: true }, document.body);
    const input = await screen.findByTestId("command-palette-input");
    await fireEvent.input(input, { target: { value: "浅色" } });
    await press("Enter", {}, input);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe("light"));
    expect(localStorage.getItem("wallet-desk.theme")).toBe("light");
  });
});
