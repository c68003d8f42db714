import { describe, expect, it } from "vitest";
import type { CategoryInfo } from "$lib/bindings/CategoryInfo";
import { categoryChoices, minutesToTime, timeToMinutes } from "./alertSettings";

describe("quiet-hours times", () => {
  it("turns minutes after midnight into HH:MM", () => {
    expect(minutesToTime(0)).toBe("00:00");
    expect(minutesToTime(7 * 60 + 5)).toBe("07:05");
    expect(minutesToTime(1439)).toBe("23:59");
  });

  it("reads HH:MM (and HH:MM:SS) back, and refuses anything else", () => {
    expect(timeToMinutes("00:00")).toBe(0);
    expect(timeToMinutes("22:30")).toBe(1350);
    expect(timeToMinutes("23:59:30")).toBe(1439);
    expect(timeToMinutes("7:05")).toBe(425);
    for (const bad of ["", "24:00", "12:60", "noon", "12", "-1:00"]) expect(timeToMinutes(bad), bad).toBeNull();
  });

  it("round-trips every minute of the day", () => {
    for (let m = 0; m < 1440; m++) expect(timeToMinutes(minutesToTime(m))).toBe(m);
  });
});

describe("categoryChoices", () => {
  const info = (id: CategoryInfo["id"], urgent = false): CategoryInfo => ({ id, urgent, name: { en: id, zh: id } });
  const taxonomy = [info("top_up"), info("account_security", true), info("transfer"), info("fraud", true)];

  it("puts the urgent categories first and keeps the taxonomy order otherwise", () => {
    expect(categoryChoices(taxonomy, {}).map((c) => c.id)).toEqual(["account_security", "fraud", "top_up", "transfer"]);
  });

  it("takes saved choices, and an unmentioned category follows its urgency", () => {
    const choices = categoryChoices(taxonomy, { fraud: false, top_up: true });
    expect(Object.fromEntries(choices.map((c) => [c.id, c.enabled]))).toEqual({
      account_security: true,
      fraud: false,
      top_up: true,
      transfer: false,
    });
  });

  it("still offers a saved category the taxonomy has not listed", () => {
    // An empty taxonomy (it failed to load) must not make saving drop the agent's choices.
    expect(categoryChoices([], { general: true })).toEqual([{ id: "general", urgent: false, enabled: true }]);
  });
});
