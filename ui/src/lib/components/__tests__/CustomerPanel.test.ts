// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { TicketSummary } from "$lib/bindings/TicketSummary";
import { summary, ticketDetail } from "./fixtures";

// The Tauri boundary, mocked: only the command the panel calls.
const c = vi.hoisted(() => ({
  customerTickets: vi.fn<(customerId: string, except: number) => Promise<TicketSummary[]>>(),
}));
vi.mock("$lib/bindings/commands", () => ({ CONSOLE_EVENT: "console-event", commands: c }));

const { default: CustomerPanel } = await import("../CustomerPanel.svelte");
const { locale } = await import("$lib/state/locale.svelte");

const IMG = "<img src=x onerror=alert(1)>";
const detail = ticketDetail();

function props(onopen?: (id: number) => void) {
  return { customer: detail.customer, transactionRefs: [], ticketId: detail.id, onopen };
}

describe("CustomerPanel earlier tickets", () => {
  beforeEach(() => {
    locale.set("en");
    c.customerTickets.mockReset();
  });

  it("lists the customer's other tickets, asking for all but the one on screen", async () => {
    c.customerTickets.mockResolvedValue([
      summary(7, { subject: "Withdrawal stuck", status: "solved" }),
      summary(3, { subject: "Card declined", status: "pending" }),
    ]);
    render(CustomerPanel, props());

    const rows = await screen.findAllByTestId("customer-earlier-row");
    expect(c.customerTickets).toHaveBeenCalledWith(detail.customer.id, detail.id);
    expect(screen.getByText("Earlier tickets (2)")).toBeTruthy();
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/#7\s*Withdrawal stuck\s*Solved/),
      expect.stringMatching(/#3\s*Card declined\s*Pending/),
    ]);
  });

  it("shows a hostile subject as text and creates no element from it", async () => {
    c.customerTickets.mockResolvedValue([summary(9, { subject: `${IMG} refund` })]);
    const { container } = render(CustomerPanel, props());

    const [row] = await screen.findAllByTestId("customer-earlier-row");
    expect(row.textContent).toContain(`${IMG} refund`);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("[onerror]")).toBeNull();
  });

  it("says so when the customer has no earlier tickets", async () => {
    c.customerTickets.mockResolvedValue([]);
    render(CustomerPanel, props());

    expect(await screen.findByText("No earlier tickets")).toBeTruthy();
    expect(screen.queryByTestId("customer-earlier")).toBeNull();
  });

  it("opens the clicked ticket", async () => {
    c.customerTickets.mockResolvedValue([summary(7), summary(3)]);
    const onopen = vi.fn();
    render(CustomerPanel, props(onopen));

    const rows = await screen.findAllByTestId("customer-earlier-row");
    await fireEvent.click(rows[1]);
    await waitFor(() => expect(onopen).toHaveBeenCalledWith(3));
    expect(onopen).toHaveBeenCalledTimes(1);
  });
});
