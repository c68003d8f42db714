import { describe, expect, it } from "vitest";
import { translator } from "$lib/i18n";
import type { TriageNote } from "$lib/bindings/TriageNote";
import { percent, triageWhy } from "./triage";

const note = (over: Partial<TriageNote>): TriageNote => ({
  source: "rule",
  rule: null,
  score_permille: null,
  category: "fraud",
  urgent: true,
  group_id: null,
  ...over,
});

describe("percent", () => {
  it("rounds down so near-certain is not shown as certain", () => {
    expect(percent(874, "en")).toBe("87%");
    expect(percent(999, "en")).toBe("99%");
    expect(percent(1000, "en")).toBe("100%");
    expect(percent(290, "zh-CN")).toBe("29%");
    expect(percent(-5, "en")).toBe("0%");
  });
});

describe("triageWhy", () => {
  const t = translator("en");

  it("uses only what the source decided", () => {
    expect(triageWhy(note({ source: "rule", rule: "R", score_permille: 900 }), t, "en")).toBe("Filed by rule “R”");
    expect(triageWhy(note({ source: "model", rule: "R", score_permille: 900 }), t, "en")).toBe("Filed by the model (90% sure)");
    expect(triageWhy(note({ source: "model_and_rule", rule: "R", score_permille: 900 }), t, "en")).toBe("Model (90%) + rule “R”");
  });

  it("leaves out a missing rule name or score instead of showing it empty", () => {
    expect(triageWhy(note({ source: "rule", rule: "  " }), t, "en")).toBe("Filed by a rule");
    expect(triageWhy(note({ source: "model" }), t, "en")).toBe("Filed by the model");
    expect(triageWhy(note({ source: "model_and_rule", score_permille: 810 }), t, "en")).toBe("Filed by the model (81% sure)");
    expect(triageWhy(note({ source: "model_and_rule", rule: "R" }), t, "en")).toBe("Filed by rule “R”");
  });

  it("inserts the rule name as text, placeholders and all", () => {
    expect(triageWhy(note({ rule: "<b>{pct}</b>" }), t, "en")).toBe("Filed by rule “<b>{pct}</b>”");
  });
});
