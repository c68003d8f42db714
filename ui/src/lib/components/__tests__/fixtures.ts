import type { AttentionItem } from "$lib/bindings/AttentionItem";
import type { SyncStatus } from "$lib/bindings/SyncStatus";
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
    version: 7,
    queued: 0,
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
    triage: null,
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

export function syncStatus(over: Partial<SyncStatus> = {}): SyncStatus {
  return {
    connectivity: "online",
    queued: 0,
    needs_attention: 0,
    bootstrap: null,
    last_error: null,
    last_synced_at: Date.UTC(2025, 0, 2),
    retry_at: null,
    ...over,
  };
}

export function attentionItem(over: Partial<AttentionItem> = {}): AttentionItem {
  return {
    edit_id: "e-1",
    ticket_id: 4242,
    subject: "Withdrawal not received",
    edit: { kind: "reply", body: "We have refunded the fee." },
    kind: "held",
    reason: "The customer wrote again after you started this reply.",
    created_at: Date.UTC(2025, 0, 2),
    ...over,
  };
}
