import { describe, expect, it } from "vitest";
import type { Message } from "$lib/bindings/Message";
import { attentionItem, ticketDetail } from "$lib/components/__tests__/fixtures";
import { MAX_NEW_MESSAGES, serverSide, unansweredMessages } from "./attentionDetail";

const ME = "Lin Yue 林悦";
const msg = (id: number, kind: Message["kind"], author: string, body = `m${id}`): Message => ({
  id,
  ticket_id: 4242,
  kind,
  author,
  body,
  channel: "email",
  created_at: Math.abs(id) * 10,
});

const LATER = 1_000_000;

describe("unansweredMessages", () => {
  it("is what others wrote after my latest message", () => {
    const thread = [
      msg(1, "customer", "Emily"),
      msg(2, "reply", ME),
      msg(3, "customer", "Emily"),
      msg(4, "reply", "Priya Nair"),
    ];
    expect(unansweredMessages(thread, ME, LATER).map((m) => m.id)).toEqual([3, 4]);
  });

  it("counts my queued messages (local ids) as mine, and a customer sharing my name as the customer", () => {
    const thread = [msg(1, "customer", ME), msg(-2, "note", "whoever"), msg(3, "customer", "Emily")];
    expect(unansweredMessages(thread, ME, LATER).map((m) => m.id)).toEqual([3]);
    expect(unansweredMessages([msg(1, "customer", ME)], ME, LATER).map((m) => m.id)).toEqual([1]);
  });

  it("ignores my own messages written after the draft: a colleague's answer before them still shows", () => {
    // Offline: I drafted the reply at 25; a colleague answered at 30 on the hub; my note from the
    // same offline session reached the hub after that, at 40.
    const thread = [msg(1, "customer", "Emily"), msg(2, "reply", ME), msg(3, "reply", "Priya Nair"), msg(4, "note", ME)];
    expect(unansweredMessages(thread, ME, 25).map((m) => m.id)).toEqual([3]);
    expect(unansweredMessages(thread, ME, 45).map((m) => m.id)).toEqual([]);
  });

  it("is the whole thread from others when I never wrote, or when my name is unknown", () => {
    const thread = [msg(1, "customer", "Emily"), msg(2, "reply", ME)];
    expect(unansweredMessages(thread, null, LATER).map((m) => m.id)).toEqual([1, 2]);
    expect(unansweredMessages([msg(1, "customer", "Emily")], ME, LATER).map((m) => m.id)).toEqual([1]);
  });
});

describe("serverSide", () => {
  it("shows the newest unanswered messages beside a held reply, counting what it leaves out", () => {
    const many = Array.from({ length: MAX_NEW_MESSAGES + 2 }, (_, i) => msg(i + 1, "customer", "Emily"));
    const side = serverSide(attentionItem(), ticketDetail({ messages: many }), ME);
    expect(side.kind).toBe("thread");
    if (side.kind !== "thread") return;
    expect(side.messages.map((m) => m.id)).toEqual([3, 4, 5, 6, 7]);
    expect(side.omitted).toBe(2);
  });

  it("shows the field's current value as the edit that would set it", () => {
    const t = ticketDetail({ status: "pending", priority: "low", group_id: "security", assignee_id: null });
    expect(serverSide(attentionItem({ edit: { kind: "set_status", status: "solved" } }), t, ME)).toEqual({
      kind: "field",
      current: { kind: "set_status", status: "pending" },
    });
    expect(serverSide(attentionItem({ edit: { kind: "set_priority", priority: "urgent" } }), t, ME)).toEqual({
      kind: "field",
      current: { kind: "set_priority", priority: "low" },
    });
    expect(serverSide(attentionItem({ edit: { kind: "set_assignee", assignee_id: "a" } }), t, ME)).toEqual({
      kind: "field",
      current: { kind: "set_assignee", assignee_id: null },
    });
    expect(serverSide(attentionItem({ edit: { kind: "set_group", group_id: null } }), t, ME)).toEqual({
      kind: "field",
      current: { kind: "set_group", group_id: "security" },
    });
  });

  it("shows the current tags beside a tag change", () => {
    const side = serverSide(attentionItem({ edit: { kind: "remove_tags", tags: ["vip"] } }), ticketDetail({ tags: ["a", "b"] }), ME);
    expect(side).toEqual({ kind: "tags", tags: ["a", "b"] });
  });
});
