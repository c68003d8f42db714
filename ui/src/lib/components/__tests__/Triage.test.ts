// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CategorySuggestion } from "$lib/bindings/CategorySuggestion";
import type { TicketEdit } from "$lib/bindings/TicketEdit";
import type { TriageNote } from "$lib/bindings/TriageNote";
import { ticketDetail } from "./fixtures";

// The Tauri boundary, mocked: the command the suggestion uses, and the customer panel's
// history read, which the ticket view makes on every render.
const c = vi.hoisted(() => ({
  suggestCategory: vi.fn<(id: number) => Promise<CategorySuggestion>>(),
  customerTickets: vi.fn(() => Promise.resolve([])),
}));
vi.mock("$lib/bindings/commands", () => ({ CONSOLE_EVENT: "console-event", commands: c }));

const { default: TicketView } = await import("../TicketView.svelte");
const { locale } = await import("$lib/state/locale.svelte");
const { errors } = await import("$lib/state/errors.svelte");
const { workspace } = await import("$lib/state/workspace.svelte");

type OnEdit = (edit: TicketEdit) => Promise<boolean>;

function note(over: Partial<TriageNote> = {}): TriageNote {
  return { source: "rule", rule: null, score_permille: null, category: "withdrawal", urgent: false, group_id: null, ...over };
}

const suggestion = (category: CategorySuggestion["category"], confidence_permille = 870): CategorySuggestion => ({
  category,
  urgent: false,
  confidence_permille,
});

/** A promise the test settles by hand, to order answers. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const reason = () => screen.getByTestId("triage-reason");

beforeEach(() => {
  locale.set("en");
  errors.dismiss();
  c.suggestCategory.mockReset();
  // By default the model agrees with the fixture's category.
  c.suggestCategory.mockResolvedValue(suggestion("withdrawal"));
  workspace.info = {
    agent: { id: "a1", name: "Li Wei", group_id: null },
    ticket_count: 1,
    demo: true,
    agents: [{ id: "a1", name: "Li Wei", group_id: null }],
    groups: [{ id: "g-sec", name: "Security team" }],
  };
  workspace.taxonomy = {
    categories: [
      { id: "withdrawal", name: { zh: "提现", en: "Withdrawal" }, urgent: false },
      { id: "fraud", name: { zh: "欺诈与未授权交易", en: "Fraud and unauthorized transactions" }, urgent: true },
    ],
    channels: [],
  };
});
afterEach(() => {
  workspace.info = null;
  workspace.taxonomy = { categories: [], channels: [] };
});

describe("triage reason", () => {
  it("names the rule and the group it filed to", () => {
    render(TicketView, {
      ticket: ticketDetail({ triage: note({ source: "rule", rule: "Unauthorized payment", group_id: "g-sec" }) }),
    });
    expect(reason().dataset.source).toBe("rule");
    expect(reason().textContent!.replace(/\s+/g, " ").trim()).toBe("Filed by rule “Unauthorized payment” → Security team");
    expect(screen.queryByTestId("triage-changed")).toBeNull();
  });

  it("shows the rule name literally, never as markup", async () => {
    const rule = `<b onmouseover="window.__pwned=1">Stolen</b> {pct}`;
    const { container } = render(TicketView, { ticket: ticketDetail({ triage: note({ source: "rule", rule }) }) });
    await tick();
    expect(reason().textContent).toContain(`Filed by rule “${rule}”`);
    expect(container.querySelector("b")).toBeNull();
    expect(container.querySelector("[onmouseover]")).toBeNull();
  });

  it("gives the model's confidence when the model decided", () => {
    render(TicketView, { ticket: ticketDetail({ triage: note({ source: "model", score_permille: 934, rule: "ignored" }) }) });
    expect(reason().dataset.source).toBe("model");
    expect(reason().textContent!.trim()).toBe("Filed by the model (93% sure)");
  });

  it("names both when the model and a rule agreed", () => {
    render(TicketView, {
      ticket: ticketDetail({
        triage: note({ source: "model_and_rule", score_permille: 810, rule: "Stolen account", group_id: "g-sec" }),
      }),
    });
    expect(reason().dataset.source).toBe("model_and_rule");
    expect(reason().textContent!.replace(/\s+/g, " ").trim()).toBe("Model (81%) + rule “Stolen account” → Security team");
  });

  it("reads in Chinese too", () => {
    locale.set("zh-CN");
    const { unmount } = render(TicketView, {
      ticket: ticketDetail({ triage: note({ source: "rule", rule: "盗刷", group_id: "g-sec" }) }),
    });
    expect(reason().textContent!.replace(/\s+/g, " ").trim()).toBe("规则“盗刷”判定 → Security team");
    unmount();
    render(TicketView, { ticket: ticketDetail({ triage: note({ source: "model", score_permille: 930 }) }) });
    expect(reason().textContent!.trim()).toBe("模型判定（置信度 93%）");
  });

  it("says so when an agent changed the category since", () => {
    render(TicketView, {
      ticket: ticketDetail({ category: "withdrawal", triage: note({ source: "model", score_permille: 700, category: "fraud" }) }),
    });
    const changed = screen.getByTestId("triage-changed");
    expect(changed.textContent!.trim()).toBe("(filed as Fraud and unauthorized transactions; changed by an agent since)");
  });

  it("shows nothing for a ticket triage did not file", () => {
    render(TicketView, { ticket: ticketDetail({ triage: null }) });
    expect(screen.queryByTestId("triage-reason")).toBeNull();
  });
});

describe("category suggestion", () => {
  it("offers the model's category when it differs, and applying sends the category edit", async () => {
    c.suggestCategory.mockResolvedValue(suggestion("fraud", 874));
    const onedit = vi.fn<OnEdit>(async () => true);
    render(TicketView, { ticket: ticketDetail({ id: 7, category: "withdrawal" }), onedit });
    const box = await screen.findByTestId("category-suggestion");
    expect(c.suggestCategory).toHaveBeenCalledWith(7);
    expect(box.dataset.category).toBe("fraud");
    expect(box.textContent).toContain("Suggested: Fraud and unauthorized transactions · 87%");
    await fireEvent.click(screen.getByTestId("suggestion-apply"));
    expect(onedit).toHaveBeenCalledTimes(1);
    expect(onedit).toHaveBeenCalledWith({ kind: "set_category", category: "fraud" });
  });

  it("goes away once the ticket has the suggested category", async () => {
    c.suggestCategory.mockResolvedValue(suggestion("fraud"));
    const onedit = vi.fn<OnEdit>(async () => true);
    const { rerender } = render(TicketView, { ticket: ticketDetail({ id: 7, category: "withdrawal" }), onedit });
    await screen.findByTestId("category-suggestion");
    // The edit's answer replaces the shown ticket; the same ticket is not asked about again.
    await rerender({ ticket: ticketDetail({ id: 7, category: "fraud" }), onedit });
    expect(screen.queryByTestId("category-suggestion")).toBeNull();
    expect(c.suggestCategory).toHaveBeenCalledTimes(1);
  });

  it("shows nothing when the model agrees with the ticket", async () => {
    c.suggestCategory.mockResolvedValue(suggestion("withdrawal", 990));
    render(TicketView, { ticket: ticketDetail({ category: "withdrawal" }), onedit: async () => true });
    await waitFor(() => expect(c.suggestCategory).toHaveBeenCalled());
    await tick();
    expect(screen.queryByTestId("category-suggestion")).toBeNull();
  });

  it("shows nothing, and reports nothing, when the model fails", async () => {
    c.suggestCategory.mockRejectedValue({ code: "internal", message: "no model" });
    render(TicketView, { ticket: ticketDetail(), onedit: async () => true });
    await waitFor(() => expect(c.suggestCategory).toHaveBeenCalled());
    await tick();
    expect(screen.queryByTestId("category-suggestion")).toBeNull();
    expect(errors.current).toBeNull();
  });

  it("drops a late answer for the ticket the agent switched away from", async () => {
    const first = deferred<CategorySuggestion>();
    const second = deferred<CategorySuggestion>();
    c.suggestCategory.mockImplementation((id) => (id === 1 ? first.promise : second.promise));
    const onedit = vi.fn<OnEdit>(async () => true);
    const { rerender } = render(TicketView, { ticket: ticketDetail({ id: 1, category: "withdrawal" }), onedit });
    await rerender({ ticket: ticketDetail({ id: 2, category: "withdrawal" }), onedit });
    expect(c.suggestCategory.mock.calls.map(([id]) => id)).toEqual([1, 2]);

    // Ticket 2's answer agrees; ticket 1's (different) answer lands afterwards and must not show.
    second.resolve(suggestion("withdrawal"));
    await tick();
    first.resolve(suggestion("fraud"));
    await tick();
    expect(screen.queryByTestId("category-suggestion")).toBeNull();
  });

  it("keeps the new ticket's suggestion when the old answer arrives last", async () => {
    const first = deferred<CategorySuggestion>();
    const second = deferred<CategorySuggestion>();
    c.suggestCategory.mockImplementation((id) => (id === 1 ? first.promise : second.promise));
    const onedit = vi.fn<OnEdit>(async () => true);
    const { rerender } = render(TicketView, { ticket: ticketDetail({ id: 1, category: "withdrawal" }), onedit });
    await rerender({ ticket: ticketDetail({ id: 2, category: "fraud" }), onedit });
    second.resolve(suggestion("withdrawal", 640));
    const box = await screen.findByTestId("category-suggestion");
    first.resolve(suggestion("fraud", 990));
    await tick();
    expect(screen.getByTestId("category-suggestion")).toBe(box);
    expect(box.dataset.category).toBe("withdrawal");
    expect(box.textContent).toContain("Suggested: Withdrawal · 64%");
    await fireEvent.click(screen.getByTestId("suggestion-apply"));
    expect(onedit).toHaveBeenLastCalledWith({ kind: "set_category", category: "withdrawal" });
  });
});
