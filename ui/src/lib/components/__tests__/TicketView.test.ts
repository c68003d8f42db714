// @vitest-environment jsdom
import { render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import TicketView from "../TicketView.svelte";
import { locale } from "$lib/state/locale.svelte";
import { ticketDetail } from "./fixtures";

const IMG = `<img src=x onerror="window.__pwned=1">`;
const SCRIPT = `<script>window.__pwned=1</script>`;

declare global {
  interface Window {
    __pwned?: number;
  }
}

function hostileTicket() {
  return ticketDetail({
    subject: `${IMG} refund`,
    tags: [IMG],
    transaction_refs: [SCRIPT],
    triage: { source: "rule", rule: `${IMG}<b>Rule</b>`, score_permille: null, category: "withdrawal", urgent: false, group_id: IMG },
    customer: {
      ...ticketDetail().customer,
      name: `<b onmouseover="window.__pwned=1">Mallory</b>`,
      email: IMG,
    },
    messages: [
      { id: 1, ticket_id: 4242, kind: "customer", author: IMG, body: `${IMG}\n${SCRIPT}`, channel: "email", created_at: 1 },
      { id: 2, ticket_id: 4242, kind: "reply", author: "Agent", body: "We are on it.\nSecond line.", channel: "email", created_at: 2 },
      { id: 3, ticket_id: 4242, kind: "note", author: "Agent", body: "Checked the ledger.", channel: "email", created_at: 3 },
    ],
  });
}

describe("TicketView with attacker-controlled content", () => {
  afterEach(() => locale.set("en"));

  it("shows hostile text literally and creates no elements from it", async () => {
    locale.set("en");
    const { container } = render(TicketView, { ticket: hostileTicket() });
    // Give any would-be onerror handler (image load failure) a chance to fire.
    await new Promise((r) => setTimeout(r, 50));

    const body = screen.getAllByTestId("message-body")[0];
    expect(body.textContent).toBe(`${IMG}\n${SCRIPT}`);
    expect(screen.getByTestId("ticket-subject").textContent).toBe(`${IMG} refund`);
    expect(screen.getByTestId("customer-panel").textContent).toContain(`<b onmouseover="window.__pwned=1">Mallory</b>`);
    expect(screen.getByTestId("triage-reason").textContent).toContain(`Filed by rule “${IMG}<b>Rule</b>” → ${IMG}`);

    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(container.querySelector("[onerror], [onmouseover]")).toBeNull();
    expect(window.__pwned).toBeUndefined();
  });

  it("renders the thread in order with kinds the end-to-end tests can find", () => {
    render(TicketView, { ticket: hostileTicket() });
    const root = screen.getByTestId("ticket-view");
    expect(root.dataset.ticketId).toBe("4242");
    const kinds = screen.getAllByTestId("message").map((m) => m.dataset.kind);
    expect(kinds).toEqual(["customer", "reply", "note"]);
    // Line breaks survive as text; CSS pre-wrap shows them.
    expect(screen.getAllByTestId("message-body")[1].textContent).toBe("We are on it.\nSecond line.");
  });

  it("labels internal notes in the current language", () => {
    locale.set("en");
    const { unmount } = render(TicketView, { ticket: hostileTicket() });
    const note = screen.getAllByTestId("message").find((m) => m.dataset.kind === "note")!;
    expect(note.textContent).toContain("Internal note");
    unmount();

    locale.set("zh-CN");
    render(TicketView, { ticket: hostileTicket() });
    const zhNote = screen.getAllByTestId("message").find((m) => m.dataset.kind === "note")!;
    expect(zhNote.textContent).toContain("内部备注");
    expect(document.documentElement.lang).toBe("zh-CN");
  });

  it("marks the body ready for WebDriver once the thread has painted", async () => {
    delete document.body.dataset.ready;
    render(TicketView, { ticket: hostileTicket() });
    await new Promise((r) => setTimeout(r, 50));
    expect(document.body.dataset.ready).toBe("ticket");
  });
});
