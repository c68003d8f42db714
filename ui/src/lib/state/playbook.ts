import type { Group } from "$lib/bindings/Group";
import type { TicketDetail } from "$lib/bindings/TicketDetail";
import type { TicketEdit } from "$lib/bindings/TicketEdit";
import { translator, type Locale, type Translate } from "$lib/i18n";

/**
 * The security playbook for urgent tickets (stolen accounts, phishing, unauthorised payments),
 * as support tells customers to expect it: we confirm who they are from the registered email
 * and the most recent transaction, freeze the account, hand the case to the security team and
 * tell the customer what happens next, never asking for a password or a one-time code.
 *
 * Every step is made of ordinary ticket edits (an internal note and a tag, a group change, a
 * reply), so each is queued offline like any other edit and shows on the ticket for everyone.
 * What is done is read back from the ticket's tags, so the playbook survives restarts, a
 * repeated click changes nothing the hub does not already have, and a colleague's steps show.
 */
export type StepId = "verify_email" | "verify_transaction" | "request_freeze" | "escalate" | "notify_customer";

export const STEPS: readonly StepId[] = [
  "verify_email",
  "verify_transaction",
  "request_freeze",
  "escalate",
  "notify_customer",
];

/** The tag that records a step on the ticket. Short and ASCII, so both languages share it. */
export const STEP_TAG: Record<StepId, string> = {
  verify_email: "playbook:email-verified",
  verify_transaction: "playbook:last-txn-verified",
  request_freeze: "playbook:freeze-requested",
  escalate: "playbook:escalated",
  notify_customer: "playbook:customer-notified",
};

/** The demo team's and the hub's security group; a workspace without it is matched by name. */
export const SECURITY_GROUP_ID = "security";

/** Only security and fraud cases: the taxonomy's urgent categories (the ticket's `urgent`). */
export function playbookApplies(ticket: Pick<TicketDetail, "urgent">): boolean {
  return ticket.urgent;
}

export type PlaybookState = {
  done: Record<StepId, boolean>;
  /** Both identity checks are ticked: only then may the account be frozen on the customer's word. */
  identityVerified: boolean;
  /** The next step not yet done, or null when the playbook is complete. */
  next: StepId | null;
};

export function playbookState(tags: readonly string[]): PlaybookState {
  const have = new Set(tags);
  const done = Object.fromEntries(STEPS.map((s) => [s, have.has(STEP_TAG[s])])) as Record<StepId, boolean>;
  return {
    done,
    identityVerified: done.verify_email && done.verify_transaction,
    next: STEPS.find((s) => !done[s]) ?? null,
  };
}

/**
 * Why a step cannot be taken now, as an i18n key, or null when it can. A freeze on an
 * unverified request would let anyone lock a stranger's wallet, so it waits for both checks.
 */
export function blockedReason(step: StepId, state: PlaybookState): "playbook.needsIdentity" | null {
  return step === "request_freeze" && !state.identityVerified ? "playbook.needsIdentity" : null;
}

/** The group to escalate to: the security group by id, else one whose name says security. */
export function securityGroup(groups: readonly Group[]): Group | null {
  return (
    groups.find((g) => g.id === SECURITY_GROUP_ID) ??
    groups.find((g) => /security|安全/i.test(g.name)) ??
    null
  );
}

/** The language to answer the customer in: Chinese when they wrote Chinese. */
export function customerLocale(ticket: Pick<TicketDetail, "subject" | "messages">): Locale {
  const first = ticket.messages.find((m) => m.kind === "customer");
  return /[\u4e00-\u9fff]/.test(`${ticket.subject}\n${first?.body ?? ""}`) ? "zh-CN" : "en";
}

/**
 * The customer note, in the customer's language: what we did, what they should do, and that
 * we will never ask for their password or codes (phishing victims need to hear it).
 */
export function customerNote(ticket: Pick<TicketDetail, "subject" | "messages" | "customer" | "id" | "tags">): string {
  const t = translator(customerLocale(ticket));
  const frozen = playbookState(ticket.tags).done.request_freeze;
  return [
    t("playbook.customer.greeting", { name: ticket.customer.name }),
    t(frozen ? "playbook.customer.frozen" : "playbook.customer.reviewing", { id: ticket.id }),
    t("playbook.customer.steps"),
    t("playbook.customer.never"),
    t("playbook.customer.closing"),
  ].join("\n\n");
}

export type StepInput = {
  /** The translator for the agent's UI language: internal notes are written in it. */
  t: Translate;
  /** The group to escalate to (from `securityGroup`). */
  group?: Group | null;
  /** The text of the customer note (prefilled by `customerNote`, edited by the agent). */
  body?: string;
};

/**
 * The edits that carry out a step, in the order they are queued: the record (note or reply)
 * first, the tag last, so a step shows as done only once its record is queued too.
 */
export function stepEdits(step: StepId, input: StepInput): TicketEdit[] {
  const tag: TicketEdit = { kind: "add_tags", tags: [STEP_TAG[step]] };
  const note = (body: string): TicketEdit => ({ kind: "note", body });
  switch (step) {
    case "verify_email":
      return [note(input.t("playbook.note.verifyEmail")), tag];
    case "verify_transaction":
      return [note(input.t("playbook.note.verifyTransaction")), tag];
    case "request_freeze":
      return [note(input.t("playbook.note.requestFreeze")), tag];
    case "escalate": {
      if (!input.group) throw new Error("no security group to escalate to");
      return [
        note(input.t("playbook.note.escalate", { group: input.group.name })),
        { kind: "set_group", group_id: input.group.id },
        tag,
      ];
    }
    case "notify_customer": {
      const body = input.body?.trim() ?? "";
      if (!body) throw new Error("the customer note is empty");
      return [{ kind: "reply", body }, tag];
    }
  }
}

/**
 * The step's record is still in the outbox: its note or reply carries a local (negative) id
 * until the hub acknowledges it. Notes are matched in both languages, because a colleague or
 * an earlier session may have written in the other one.
 */
export function stepQueued(step: StepId, ticket: Pick<TicketDetail, "messages">, group?: Group | null): boolean {
  const pending = ticket.messages.filter((m) => m.id < 0);
  if (step === "notify_customer") return pending.some((m) => m.kind === "reply");
  const texts = (["en", "zh-CN"] as const).flatMap((l) => {
    const t = translator(l);
    try {
      return stepEdits(step, { t, group }).flatMap((e) => (e.kind === "note" ? [e.body] : []));
    } catch {
      return [];
    }
  });
  return pending.some((m) => m.kind === "note" && texts.includes(m.body));
}
