import { describe, expect, it } from "vitest";
import { countsByKey, shortLabel, viewKey } from "./views";

describe("viewKey", () => {
  it("is the kind for fixed views, matching the view-<kind> test ids", () => {
    expect(viewKey({ kind: "sla_at_risk" })).toBe("sla_at_risk");
    expect(viewKey({ kind: "waiting_on_customer" })).toBe("waiting_on_customer");
  });
  it("includes the value for channel and category views", () => {
    expect(viewKey({ kind: "channel", value: "email" })).toBe("channel-email");
    expect(viewKey({ kind: "category", value: "fraud" })).toBe("category-fraud");
  });
  it("indexes counts by the same key the sidebar looks up", () => {
    const m = countsByKey([
      { view: { kind: "urgent" }, count: 7 },
      { view: { kind: "channel", value: "phone" }, count: 3 },
    ]);
    expect(m.get("urgent")).toBe(7);
    expect(m.get("channel-phone")).toBe(3);
  });
});

describe("shortLabel", () => {
  it("drops a trailing explanation in parentheses", () => {
    expect(shortLabel("In-app feedback (may carry screenshots, device, OS version, app version)")).toBe(
      "In-app feedback",
    );
    expect(shortLabel("电话客服（通话记录）")).toBe("电话客服");
  });
  it("leaves names without one alone", () => {
    expect(shortLabel("Fees, exchange rates and limits")).toBe("Fees, exchange rates and limits");
    expect(shortLabel("(only parentheses)")).toBe("(only parentheses)");
  });
});
