import { describe, expect, it } from "vitest";
import { translator } from "$lib/i18n";
import { compactDuration, relativeTime, slaCountdown } from "./time";

const en = translator("en");
const zh = translator("zh-CN");
const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe("slaCountdown", () => {
  it("reads 'due in' with minutes under an hour, amber", () => {
    expect(slaCountdown(NOW + 12 * M, NOW, en)).toEqual({ text: "due in 12m", tone: "soon" });
  });

  it("turns amber strictly below one hour and stays calm at exactly one hour", () => {
    // Same window the Rust side uses for "SLA at risk".
    expect(slaCountdown(NOW + H, NOW, en)).toEqual({ text: "due in 1h", tone: "ok" });
    expect(slaCountdown(NOW + H - 1, NOW, en)).toEqual({ text: "due in 59m", tone: "soon" });
  });

  it("is overdue (red) at the due instant and after it", () => {
    // By the time an agent reads "due now" it has already breached.
    expect(slaCountdown(NOW, NOW, en)).toEqual({ text: "overdue <1m", tone: "overdue" });
    expect(slaCountdown(NOW - 3 * H, NOW, en)).toEqual({ text: "overdue 3h", tone: "overdue" });
    expect(slaCountdown(NOW - 1, NOW, en).tone).toBe("overdue");
  });

  it("still counts down in the last minute", () => {
    expect(slaCountdown(NOW + 30 * S, NOW, en)).toEqual({ text: "due in <1m", tone: "soon" });
  });

  it("truncates rather than rounds, so it never promises more time than is left", () => {
    expect(slaCountdown(NOW + 12 * M + 59 * S, NOW, en).text).toBe("due in 12m");
  });

  it("is localized", () => {
    expect(slaCountdown(NOW + 12 * M, NOW, zh).text).toBe("12分钟后到期");
    expect(slaCountdown(NOW - 3 * H, NOW, zh).text).toBe("已超时3小时");
  });
});

describe("compactDuration", () => {
  it("shows hours and minutes while the minutes still matter", () => {
    expect(compactDuration(H + 20 * M, en)).toBe("1h 20m");
    expect(compactDuration(9 * H + 59 * M, en)).toBe("9h 59m");
    expect(compactDuration(H + 20 * M, zh)).toBe("1小时20分");
  });
  it("drops minutes from 10h and switches to days from 48h", () => {
    expect(compactDuration(10 * H + 30 * M, en)).toBe("10h");
    expect(compactDuration(47 * H, en)).toBe("47h");
    expect(compactDuration(2 * D, en)).toBe("2d");
    expect(compactDuration(-3 * D - H, en)).toBe("3d");
  });
});

describe("relativeTime", () => {
  it("walks from just now through minutes, hours and days", () => {
    expect(relativeTime(NOW - 20 * S, NOW, en, "en")).toBe("just now");
    expect(relativeTime(NOW - 5 * M, NOW, en, "en")).toBe("5m ago");
    expect(relativeTime(NOW - 3 * H, NOW, en, "en")).toBe("3h ago");
    expect(relativeTime(NOW - 2 * D, NOW, en, "en")).toBe("2d ago");
    expect(relativeTime(NOW - 5 * M, NOW, zh, "zh-CN")).toBe("5分钟前");
  });

  it("treats a timestamp from the future (clock skew) as just now", () => {
    expect(relativeTime(NOW + 5 * M, NOW, en, "en")).toBe("just now");
  });

  it("falls back to a date after a week, with the year only when it differs", () => {
    expect(relativeTime(NOW - 10 * D, NOW, en, "en")).toMatch(/Jun 5|5 Jun/);
    expect(relativeTime(Date.UTC(2023, 0, 2, 12), NOW, en, "en")).toContain("2023");
  });
});
