import { describe, expect, it } from "vitest";
import type { Message } from "$lib/bindings/Message";
import { translator } from "$lib/i18n";
import { ticketDetail } from "$lib/components/__tests__/fixtures";
import {
  blockedReason,
  customerLocale,
  customerNote,
  playbookApplies,
  playbookState,
  securityGroup,
  STEP_TAG,
  stepEdits,
  stepQueued,
  STEPS,
} from "./playbook";

const en = translator("en");
const zh = translator("zh-CN");
const SECURITY = { id: "security", name: "Security / 安全" };
const msg = (id: number, kind: Message["kind"], body: string): Message => ({
  id,
  ticket_id: 4242,
  kind,
  author: "x",
  body,
  channel: "email",
  created_at: Math.abs(id),
});

describe("playbook state", () => {
  it("applies only to urgent (security and fraud) tickets", () => {
    expect(playbookApplies(ticketDetail({ urgent: true, category: "fraud" }))).toBe(true);
    expect(playbookApplies(ticketDetail({ urgent: false }))).toBe(false);
  });

  it("is read from the ticket's tags, so it survives restarts and shows a colleague's steps", () => {
    const fresh = playbookState(["vip"]);
    expect(STEPS.every((s) => !fresh.done[s])).toBe(true);
    expect(fresh.next).toBe("verify_email");
    expect(fresh.identityVerified).toBe(false);

    const part = playbookState(["vip", STEP_TAG.verify_email, STEP_TAG.escalate]);
    expect(part.done.verify_email && part.done.escalate).toBe(true);
    expect(part.next).toBe("verify_transaction");

    const all = playbookState(Object.values(STEP_TAG));
    expect(all.next).toBeNull();
    expect(all.identityVerified).toBe(true);
  });

  it("blocks the freeze until both identity checks are done, and nothing else", () => {
    // Freezing on an unverified request would let anyone lock a stranger's wallet.
    const one = playbookState([STEP_TAG.verify_email]);
    expect(blockedReason("request_freeze", one)).toBe("playbook.needsIdentity");
    expect(blockedReason("escalate", one)).toBeNull();
    expect(blockedReason("notify_customer", one)).toBeNull();
    const both = playbookState([STEP_TAG.verify_email, STEP_TAG.verify_transaction]);
    expect(blockedReason("request_freeze", both)).toBeNull();
  });

  it("every tag passes the edit rules (1 to 64 characters, no spaces)", () => {
    for (const tag of Object.values(STEP_TAG)) {
      expect(tag.length).toBeGreaterThan(0);
      expect(tag.length).toBeLessThanOrEqual(64);
      expect(tag).toBe(tag.trim());
    }
    expect(new Set(Object.values(STEP_TAG)).size).toBe(STEPS.length);
  });
});

describe("step edits", () => {
  it("records each check as a note in the agent's language, then the tag", () => {
    expect(stepEdits("verify_email", { t: en })).toEqual([
      { kind: "note", body: en("playbook.note.verifyEmail") },
      { kind: "add_tags", tags: ["playbook:email-verified"] },
    ]);
    const [note] = stepEdits("verify_transaction", { t: zh });
    expect(note).toEqual({ kind: "note", body: zh("playbook.note.verifyTransaction") });
    expect(note.kind === "note" && /交易/.test(note.body)).toBe(true);
    expect(stepEdits("request_freeze", { t: en }).at(-1)).toEqual({ kind: "add_tags", tags: ["playbook:freeze-requested"] });
  });

  it("escalates by moving the ticket to the security group, with a note naming it", () => {
    const edits = stepEdits("escalate", { t: en, group: SECURITY });
    expect(edits).toEqual([
      { kind: "note", body: "[Security playbook] Escalated to Security / 安全." },
      { kind: "set_group", group_id: "security" },
      { kind: "add_tags", tags: ["playbook:escalated"] },
    ]);
    expect(() => stepEdits("escalate", { t: en, group: null })).toThrow(/security group/);
  });

  it("sends the customer note as a public reply and refuses an empty one", () => {
    expect(stepEdits("notify_customer", { t: en, body: "  Hello  " })).toEqual([
      { kind: "reply", body: "Hello" },
      { kind: "add_tags", tags: ["playbook:customer-notified"] },
    ]);
    expect(() => stepEdits("notify_customer", { t: en, body: "  " })).toThrow(/empty/);
  });

  it("finds the security group by id, else by name, else none", () => {
    expect(securityGroup([{ id: "first_line", name: "First line" }, SECURITY])).toEqual(SECURITY);
    expect(securityGroup([{ id: "g7", name: "账户安全组" }])?.id).toBe("g7");
    expect(securityGroup([{ id: "payments", name: "Payments" }])).toBeNull();
  });
});

describe("customer note", () => {
  it("answers in the customer's language and never asks for secrets", () => {
    const zhTicket = ticketDetail({ subject: "账户被盗", messages: [msg(1, "customer", "我的账户被盗用了")] });
    expect(customerLocale(zhTicket)).toBe("zh-CN");
    const zhNote = customerNote(zhTicket);
    expect(zhNote).toContain("Emily Carter，您好");
    expect(zhNote).toContain("绝不会向您索要登录密码");
    expect(zhNote).toContain("#4242");

    const enTicket = ticketDetail({ subject: "Account hacked", messages: [msg(1, "customer", "Someone logged in")] });
    expect(customerLocale(enTicket)).toBe("en");
    const enNote = customerNote(enTicket);
    expect(enNote.startsWith("Hello Emily Carter,")).toBe(true);
    expect(enNote).toContain("never ask for your password");
    expect(enNote).toContain("change your password");
  });

  it("says the account freeze was requested only once that step is done", () => {
    const before = customerNote(ticketDetail({ tags: [] }));
    const after = customerNote(ticketDetail({ tags: [STEP_TAG.request_freeze] }));
    expect(before).not.toContain("freeze");
    expect(after).toContain("requested a freeze of your account");
  });
});

describe("queued steps", () => {
  it("is queued while the step's note has a local id, in either language", () => {
    const note = en("playbook.note.verifyEmail");
    expect(stepQueued("verify_email", ticketDetail({ messages: [msg(-3, "note", note)] }))).toBe(true);
    expect(stepQueued("verify_email", ticketDetail({ messages: [msg(9, "note", note)] }))).toBe(false);
    const zhNote = zh("playbook.note.verifyEmail");
    expect(stepQueued("verify_email", ticketDetail({ messages: [msg(-3, "note", zhNote)] }))).toBe(true);
    // Another step's queued note does not make this one queued.
    expect(stepQueued("verify_transaction", ticketDetail({ messages: [msg(-3, "note", note)] }))).toBe(false);
    const esc = stepEdits("escalate", { t: zh, group: SECURITY })[0];
    const body = esc.kind === "note" ? esc.body : "";
    expect(stepQueued("escalate", ticketDetail({ messages: [msg(-4, "note", body)] }), SECURITY)).toBe(true);
    expect(stepQueued("notify_customer", ticketDetail({ messages: [msg(-5, "reply", "anything")] }))).toBe(true);
  });
});
