import type { AttentionItem } from "$lib/bindings/AttentionItem";
import type { Message } from "$lib/bindings/Message";
import type { TicketDetail } from "$lib/bindings/TicketDetail";
import type { TicketEdit } from "$lib/bindings/TicketEdit";

/** At most this many of the newest messages are shown beside a held reply. */
export const MAX_NEW_MESSAGES = 5;

/**
 * What the hub has now, beside the agent's held or rejected edit. After the hub holds or
 * refuses an edit the replica fetches the ticket again and no longer re-applies that edit,
 * so the replica's copy is the hub's state (or the last one known, while offline).
 */
export type ServerSide =
  /** A reply or note: what the customer and colleagues wrote that the agent has not answered. */
  | { kind: "thread"; messages: Message[]; omitted: number }
  /** A field change: the edit that would set the field to its current value (for wording). */
  | { kind: "field"; current: TicketEdit }
  /** A tag change: the ticket's current tags. */
  | { kind: "tags"; tags: string[] };

/**
 * Messages from others that the agent had not answered when they drafted the edit: those after
 * their latest own message written before the draft. The replica's thread carries no per-message
 * hub version, so this is read from authors and times. Own messages written after the draft (a
 * note sent from the same offline session) do not count: the hub may have put a colleague's
 * answer before them, and that answer is exactly what the agent needs to see.
 */
export function unansweredMessages(messages: readonly Message[], myName: string | null, draftedAt: number): Message[] {
  // Negative ids are this console's queued replies and notes: the agent's own.
  const mine = (m: Message) => m.id < 0 || (m.kind !== "customer" && myName !== null && m.author === myName);
  let last = -1;
  messages.forEach((m, i) => {
    if (mine(m) && m.created_at <= draftedAt) last = i;
  });
  return messages.slice(last + 1).filter((m) => !mine(m));
}

export function serverSide(item: AttentionItem, ticket: TicketDetail, myName: string | null): ServerSide {
  const e = item.edit;
  switch (e.kind) {
    case "reply":
    case "note": {
      const all = unansweredMessages(ticket.messages, myName, item.created_at);
      const shown = all.slice(-MAX_NEW_MESSAGES);
      return { kind: "thread", messages: shown, omitted: all.length - shown.length };
    }
    case "set_status":
      return { kind: "field", current: { kind: e.kind, status: ticket.status } };
    case "set_priority":
      return { kind: "field", current: { kind: e.kind, priority: ticket.priority } };
    case "set_category":
      return { kind: "field", current: { kind: e.kind, category: ticket.category } };
    case "set_assignee":
      return { kind: "field", current: { kind: e.kind, assignee_id: ticket.assignee_id } };
    case "set_group":
      return { kind: "field", current: { kind: e.kind, group_id: ticket.group_id } };
    case "add_tags":
    case "remove_tags":
      return { kind: "tags", tags: [...ticket.tags] };
  }
}
