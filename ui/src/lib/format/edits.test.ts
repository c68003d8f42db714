import { describe, expect, it } from "vitest";
import { translator } from "$lib/i18n";
import { describeEdit, isTextEdit, parseTags, previewText } from "./edits";

const names = {
  category: (id: string) => `cat:${id}`,
  agent: (id: string) => `agent:${id}`,
  group: (id: string) => `group:${id}`,
};

describe("previewText", () => {
  it("keeps short text whole, folding whitespace", () => {
    expect(previewText("  Hello\n\n  there\tfriend ")).toBe("Hello there friend");
  });

  it("cuts at the limit with an ellipsis, never inside a surrogate pair", () => {
    const long = "😀".repeat(250);
    const p = previewText(long, 200);
    expect(Array.from(p)).toHaveLength(201);
    expect(p.endsWith("…")).toBe(true);
    expect(p).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(previewText("x".repeat(200))).toBe("x".repeat(200));
  });

  it("leaves markup as the literal text it is", () => {
    expect(previewText("<img src=x onerror=alert(1)>")).toBe("<img src=x onerror=alert(1)>");
  });
});

describe("parseTags", () => {
  it("splits on ASCII and full-width commas, trims, drops empties and repeats", () => {
    expect(parseTags("vip, refund")).toEqual(["vip", "refund"]);
    expect(parseTags(" vip ,, refund,vip ,")).toEqual(["vip", "refund"]);
    expect(parseTags("退款，加急、vip")).toEqual(["退款", "加急", "vip"]);
    expect(parseTags("  ,  ")).toEqual([]);
  });
});

describe("describeEdit", () => {
  const t = translator("en");

  it("previews replies and notes by their text", () => {
    expect(describeEdit({ kind: "reply", body: "Hi\nthere" }, t, names)).toEqual({ label: "Public reply", text: "Hi there" });
    expect(describeEdit({ kind: "note", body: "ledger ok" }, t, names)).toEqual({ label: "Internal note", text: "ledger ok" });
    expect(isTextEdit({ kind: "note", body: "" })).toBe(true);
    expect(isTextEdit({ kind: "set_status", status: "open" })).toBe(false);
  });

  it("names field changes in the UI language", () => {
    expect(describeEdit({ kind: "set_status", status: "pending" }, t, names)).toEqual({ label: "Status", text: "Pending" });
    expect(describeEdit({ kind: "set_priority", priority: "urgent" }, t, names).text).toBe("Urgent");
    expect(describeEdit({ kind: "set_category", category: "fraud" }, t, names).text).toBe("cat:fraud");
    expect(describeEdit({ kind: "set_assignee", assignee_id: "a2" }, t, names).text).toBe("agent:a2");
    expect(describeEdit({ kind: "set_assignee", assignee_id: null }, t, names).text).toBe("Unassigned");
    expect(describeEdit({ kind: "set_group", group_id: null }, t, names).text).toBe("No group");
    expect(describeEdit({ kind: "add_tags", tags: ["a", "b"] }, t, names)).toEqual({ label: "Add tags", text: "a, b" });
    const zh = translator("zh-CN");
    expect(describeEdit({ kind: "set_status", status: "pending" }, zh, names)).toEqual({ label: "状态", text: "等待客户" });
  });
});
