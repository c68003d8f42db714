import type { TicketDetail } from "$lib/bindings/TicketDetail";
import type { TicketSummary } from "$lib/bindings/TicketSummary";

export function ticketDetail(over: Partial<TicketDetail> = {}): TicketDetail {
  return {
    id: 4242,
    subject: "Withdrawal not received",
    status: "open",
    priority: "high",
    category: "withdrawal",
    channel: "email",
    urgent: false,
    sla_due_at: null,
    assignee_id: null,
    group_id: null,
    tags: ["vip"],
    transaction_refs: ["WD-1"],
    created_at: Date.UTC(2025, 0, 1),
    updated_at: Date.UTC(2025, 0, 2),
    customer: {
      id: "c1",
      wallet_account_id: "WLT-0001",
      name: "Emily Carter",
      email: "emily@example.com",
      phone: null,
      country: "GB",
      verification: "verified",
    },
    messages: [],
    ...over,
  };
}

export function summary(id: number, over: Partial<TicketSummary> = {}): TicketSummary {
  return {
    id,
    subject: `Subject ${id}`,
    status: "open",
    priority: "normal",
    category: "general",
    channel: "email",
    urgent: false,
    customer_name: "Customer",
    assignee_id: null,
    group_id: null,
    preview: "preview",
    updated_at: Date.UTC(2025, 0, 1),
    sla_due_at: null,
    ...over,
  };
}
