// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { TicketDetail } from "$lib/bindings/TicketDetail";
import type { TicketEdit } from "$lib/bindings/TicketEdit";
import SecurityPlaybook from "../SecurityPlaybook.svelte";
import TicketView from "../TicketView.svelte";
import { translator } from "$lib/i18n";
import { locale } from "$lib/state/locale.svelte";
import { STEP_TAG } from "$lib/state/playbook";
import { workspace } from "$lib/state/workspace.svelte";
import { ticketDetail } from "./fixtures";

const IMG = `<img src=x onerror="window.__pwned=1">`;
const en = translator("en");

declare global {
  interface Window {
    __pwned?: number;
  }
}

function urgent(over: Partial<TicketDetail> = {}): TicketDetail {
  return ticketDetail({
    urgent: true,
    category: "account_security",
    subject: "Account hacked",
    transaction_refs: ["TX-9001"],
    messages: [{ id: 1, ticket_id: 4242, kind: "customer", author: "Emily", body: "Someone took my money", channel: "email", created_at: 1 }],
    ...over,
  });
}

const control = (step: string) => screen.getByTestId(`playbook-${step}`) as HTMLInputElement & HTMLButtonElement;
const stepEl = (step: string) => document.querySelector<HTMLElement>(`[data-testid="playbook-step"][data-step="${step}"]`)!;

/** Renders the playbook over a ticket whose edits are applied the way the core would: tags merge. */
function setup(initial: TicketDetail = urgent(), answer: (e: TicketEdit) => boolean = () => true) {
  let ticket = initial;
  const edits: TicketEdit[] = [];
  const view = render(SecurityPlaybook, { ticket, onedit: vi.fn() });
  const onedit = vi.fn(async (e: TicketEdit) => {
    edits.push(e);
    if (!answer(e)) return false;
    if (e.kind === "add_tags") ticket = { ...ticket, tags: [...new Set([...ticket.tags, ...e.tags])].sort() };
    if (e.kind === "note" || e.kind === "reply") {
      const m = { id: -(ticket.messages.length + 1), ticket_id: ticket.id, kind: e.kind, author: "me", body: e.body, channel: ticket.channel, created_at: 5 };
      ticket = { ...ticket, messages: [...ticket.messages, m] };
    }
    if (e.kind === "set_group") ticket = { ...ticket, group_id: e.group_id };
    await view.rerender({ ticket, onedit });
    return true;
  });
  void view.rerender({ ticket, onedit });
  return { edits, onedit, view, current: () => ticket };
}

describe("SecurityPlaybook", () => {
  beforeEach(() => {
    locale.set("en");
    workspace.info = {
      agent: { id: "agent-lin-yue", name: "Lin Yue", group_id: "first_line" },
      ticket_count: 1,
      demo: true,
      agents: [],
      groups: [
        { id: "first_line", name: "First line" },
        { id: "security", name: "Security" },
      ],
    };
  });

  it("shows what to compare against as text, never as markup", async () => {
    render(SecurityPlaybook, { ticket: urgent({ customer: { ...urgent().customer, email: IMG }, transaction_refs: [IMG] }) });
    await new Promise((r) => setTimeout(r, 30));
    expect(screen.getByTestId("playbook-compare-verify_email").textContent).toContain(`On file: ${IMG}`);
    expect(screen.getByTestId("playbook-compare-verify_transaction").textContent).toContain(IMG);
    expect(screen.getByTestId("playbook-compare-verify_transaction").textContent).toContain("do not read it out");
    expect(document.querySelector("img")).toBeNull();
    expect(window.__pwned).toBeUndefined();
    expect(screen.getByTestId("playbook-progress").textContent).toBe("0 of 5 done");
  });

  it("ticking a check queues a note, then the tag, and the box follows the ticket's tags", async () => {
    const { edits, current } = setup();
    await waitFor(() => expect(control("verify_email").disabled).toBe(false));
    await fireEvent.click(control("verify_email"));
    await waitFor(() => expect(edits).toHaveLength(2));
    expect(edits).toEqual([
      { kind: "note", body: en("playbook.note.verifyEmail") },
      { kind: "add_tags", tags: [STEP_TAG.verify_email] },
    ]);
    await waitFor(() => expect(control("verify_email").checked).toBe(true));
    expect(control("verify_email").disabled).toBe(true);
    // The note is still queued (local id), so the step says so.
    expect(stepEl("verify_email").dataset.state).toBe("queued");
    expect(current().tags).toContain(STEP_TAG.verify_email);
    expect(screen.getByTestId("playbook-progress").textContent).toBe("1 of 5 done");
  });

  it("asks for the latest transaction when the ticket names none", () => {
    render(SecurityPlaybook, { ticket: urgent({ transaction_refs: [] }) });
    expect(screen.getByTestId("playbook-compare-verify_transaction").textContent!.trim()).toBe(
      "No transaction reference on this ticket: ask the customer for the latest one",
    );
  });

  it("shows a step as done once its record is acknowledged, as a colleague's would", () => {
    const note = { id: 77, ticket_id: 4242, kind: "note" as const, author: "Wang Fang", body: en("playbook.note.verifyEmail"), channel: "email" as const, created_at: 3 };
    render(SecurityPlaybook, { ticket: urgent({ tags: [STEP_TAG.verify_email], messages: [note] }), onedit: vi.fn() });
    expect(stepEl("verify_email").dataset.state).toBe("done");
    expect(stepEl("verify_transaction").dataset.state).toBe("todo");
  });

  it("keeps the freeze locked until both identity checks are done", async () => {
    const { edits } = setup();
    await waitFor(() => expect(control("verify_email").disabled).toBe(false));
    expect(control("request_freeze").disabled).toBe(true);
    expect(stepEl("request_freeze").textContent).toContain("Verify the email and the latest transaction first.");
    await fireEvent.click(control("verify_email"));
    await waitFor(() => expect(control("verify_transaction").disabled).toBe(false));
    expect(control("request_freeze").disabled).toBe(true);
    await fireEvent.click(control("verify_transaction"));
    await waitFor(() => expect(control("request_freeze").disabled).toBe(false));
    await fireEvent.click(control("request_freeze"));
    await waitFor(() => expect(edits.at(-1)).toEqual({ kind: "add_tags", tags: [STEP_TAG.request_freeze] }));
    expect(edits.at(-2)).toEqual({ kind: "note", body: en("playbook.note.requestFreeze") });
  });

  it("escalates to the security group with a note", async () => {
    const { edits, current } = setup();
    await waitFor(() => expect(control("escalate").disabled).toBe(false));
    await fireEvent.click(control("escalate"));
    await waitFor(() => expect(edits).toHaveLength(3));
    expect(edits[1]).toEqual({ kind: "set_group", group_id: "security" });
    expect(current().group_id).toBe("security");
    expect(stepEl("escalate").dataset.state).not.toBe("todo");
  });

  it("cannot escalate in a workspace without a security group", () => {
    workspace.info = { ...workspace.info!, groups: [{ id: "first_line", name: "First line" }] };
    render(SecurityPlaybook, { ticket: urgent(), onedit: vi.fn() });
    expect(control("escalate").disabled).toBe(true);
    expect(stepEl("escalate").textContent).toContain("no security group");
  });

  it("prefills the customer note in the customer's language and sends what the agent edited", async () => {
    const zhTicket = urgent({ subject: "账户被盗", messages: [] });
    const { edits } = setup(zhTicket);
    const box = (await screen.findByTestId("playbook-note")) as HTMLTextAreaElement;
    expect(box.value).toContain("我们绝不会向您索要登录密码");
    await fireEvent.input(box, { target: { value: "您好，已处理。" } });
    await fireEvent.click(control("notify_customer"));
    await waitFor(() => expect(edits).toEqual([
      { kind: "reply", body: "您好，已处理。" },
      { kind: "add_tags", tags: [STEP_TAG.notify_customer] },
    ]));
  });

  it("does not record a step whose note was not queued", async () => {
    const { edits } = setup(urgent(), (e) => e.kind !== "note");
    await waitFor(() => expect(control("verify_email").disabled).toBe(false));
    await fireEvent.click(control("verify_email"));
    await waitFor(() => expect(edits).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(edits).toHaveLength(1);
    expect(control("verify_email").checked).toBe(false);
    expect(control("verify_email").disabled).toBe(false);
  });

  it("moves between the steps with the arrow keys", async () => {
    setup();
    await waitFor(() => expect(control("verify_email").disabled).toBe(false));
    control("verify_email").focus();
    await fireEvent.keyDown(control("verify_email"), { key: "ArrowDown" });
    expect(document.activeElement).toBe(control("verify_transaction"));
    await fireEvent.keyDown(control("verify_transaction"), { key: "ArrowUp" });
    expect(document.activeElement).toBe(control("verify_email"));
  });

  it("appears in the ticket view on urgent tickets only", () => {
    const a = render(TicketView, { ticket: urgent() });
    expect(screen.queryByTestId("security-playbook")).not.toBeNull();
    a.unmount();
    render(TicketView, { ticket: ticketDetail({ urgent: false }) });
    expect(screen.queryByTestId("security-playbook")).toBeNull();
  });
});
