import { describe, expect, it, vi } from "vitest";
import { matchScore, parseTicketRef, rankCommands } from "./palette";
import { paletteCommands, paletteResults, type PaletteDeps } from "./paletteCommands";

const item = (id: string, ...terms: string[]) => ({ id, terms });

describe("rankCommands", () => {
  const list = [
    item("urgent", "Go to Urgent", "前往：紧急"),
    item("mine", "Go to Mine", "前往：我的工单"),
    item("solve", "Mark the ticket solved", "将工单标记为已解决"),
    item("theme", "Theme: Dark", "主题：深色"),
  ];
  const ids = (q: string) => rankCommands(list, q).map((c) => c.id);

  it("returns everything, in order, for an empty query", () => {
    expect(ids("  ")).toEqual(["urgent", "mine", "solve", "theme"]);
  });

  it("matches every word, case-insensitively, in any language", () => {
    expect(ids("urg")).toEqual(["urgent"]);
    expect(ids("GO MINE")).toEqual(["mine"]);
    expect(ids("紧急")).toEqual(["urgent"]);
    expect(ids("深色")).toEqual(["theme"]);
    expect(ids("dark theme")).toEqual(["theme"]);
    expect(ids("nothing like this")).toEqual([]);
  });

  it("prefers prefixes and word starts over loose subsequences", () => {
    expect(matchScore("sol", ["Mark the ticket solved"])).toBeGreaterThan(matchScore("mts", ["Mark the ticket solved"]));
    expect(ids("gtu")).toEqual(["urgent"]); // g…t…u as a subsequence
    expect(ids("t")[0]).toBe("theme"); // prefix beats "Mark the…"
  });
});

describe("parseTicketRef", () => {
  it("reads #123, 123 and the full-width forms a Chinese IME types", () => {
    expect(parseTicketRef("#123")).toBe(123);
    expect(parseTicketRef(" 42 ")).toBe(42);
    expect(parseTicketRef("＃１２３")).toBe(123);
    expect(parseTicketRef("# 7")).toBe(7);
    expect(parseTicketRef("#0")).toBeNull();
    expect(parseTicketRef("#12a")).toBeNull();
    expect(parseTicketRef("refund")).toBeNull();
  });
});

function deps(over: Partial<PaletteDeps> = {}): PaletteDeps {
  return {
    locale: "en",
    mac: false,
    taxonomy: {
      categories: [{ id: "fraud", name: { en: "Fraud", zh: "欺诈" }, urgent: true }],
      channels: [{ id: "email", name: { en: "Email (inbound mail)", zh: "电子邮件" }, first_response_promise: "" }],
    },
    ticketOpen: true,
    themePref: "system",
    run: vi.fn(),
    goView: vi.fn(),
    goAttention: vi.fn(),
    toggleLanguage: vi.fn(),
    setTheme: vi.fn(),
    openTicket: vi.fn(),
    search: vi.fn(),
    ...over,
  };
}

describe("palette commands", () => {
  it("offers views (fixed, channel, category), ticket actions, language, theme and help", () => {
    const ids = paletteCommands(deps()).map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "view.active",
        "view.urgent",
        "view.attention",
        "view.channel-email",
        "view.category-fraud",
        "composer.reply",
        "composer.note",
        "ticket.assignMe",
        "ticket.solve",
        "ticket.solveNext",
        "search.focus",
        "lang.toggle",
        "theme.light",
        "theme.dark",
        "help.show",
      ]),
    );
    // The current theme is not offered again.
    expect(ids).not.toContain("theme.system");
  });

  it("leaves out ticket actions when no ticket is open", () => {
    const ids = paletteCommands(deps({ ticketOpen: false })).map((c) => c.id);
    expect(ids).not.toContain("ticket.solve");
    expect(ids).not.toContain("composer.reply");
  });

  it("labels in the current language, finds by either, and shows the shortcut", () => {
    const d = deps({ locale: "zh-CN" });
    const cmds = paletteCommands(d);
    const urgent = cmds.find((c) => c.id === "view.urgent")!;
    expect(urgent.label).toBe("前往：紧急");
    expect(urgent.hint).toBe("g u");
    expect(paletteResults(cmds, "urgent", d)[0].id).toBe("view.urgent");
    expect(paletteResults(cmds, "欺诈", d)[0].id).toBe("view.category-fraud");
    expect(paletteResults(cmds, "email", d)[0].label).toBe("前往渠道：电子邮件");
    // Taxonomy explanations in parentheses are not part of the label.
    expect(paletteCommands(deps()).find((c) => c.id === "view.channel-email")!.label).toBe("Go to channel: Email");
  });

  it("runs what it says", () => {
    const d = deps();
    const cmds = paletteCommands(d);
    cmds.find((c) => c.id === "view.category-fraud")!.run();
    expect(d.goView).toHaveBeenCalledWith({ kind: "category", value: "fraud" });
    cmds.find((c) => c.id === "ticket.solveNext")!.run();
    expect(d.run).toHaveBeenCalledWith("ticket.solveNext");
    cmds.find((c) => c.id === "theme.dark")!.run();
    expect(d.setTheme).toHaveBeenCalledWith("dark");
  });

  it("offers to open #123 first and to search for any other text last", () => {
    const d = deps();
    const cmds = paletteCommands(d);
    const byRef = paletteResults(cmds, "#123", d);
    expect(byRef[0]).toMatchObject({ id: "ticket.open", label: "Open ticket #123" });
    byRef[0].run();
    expect(d.openTicket).toHaveBeenCalledWith(123);
    expect(byRef.map((c) => c.id)).not.toContain("search.query");

    const text = paletteResults(cmds, "refund", d);
    expect(text.at(-1)).toMatchObject({ id: "search.query", label: "Search tickets for “refund”" });
    text.at(-1)!.run();
    expect(d.search).toHaveBeenCalledWith("refund");
    expect(paletteResults(cmds, "", d).map((c) => c.id)).not.toContain("search.query");
  });
});
