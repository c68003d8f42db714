// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionInfo } from "$lib/bindings/SessionInfo";

// The Tauri boundary, mocked: only the session commands.
const c = vi.hoisted(() => ({
  sessionInfo: vi.fn<() => Promise<SessionInfo>>(),
  signIn: vi.fn<(hubUrl: string, login: string, password: string) => Promise<SessionInfo>>(),
  signOut: vi.fn<() => Promise<SessionInfo>>(),
}));
vi.mock("$lib/bindings/commands", () => ({ CONSOLE_EVENT: "console-event", commands: c }));

const { default: SignIn } = await import("../SignIn.svelte");
const { default: Settings } = await import("../Settings.svelte");
const { SessionState, checkHubUrl } = await import("$lib/state/session.svelte");
const { locale } = await import("$lib/state/locale.svelte");
const { theme } = await import("$lib/state/theme.svelte");

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

async function fill(url: string, login: string, password: string) {
  await fireEvent.input(input("signin-hub-url"), { target: { value: url } });
  await fireEvent.input(input("signin-login"), { target: { value: login } });
  await fireEvent.input(input("signin-password"), { target: { value: password } });
}

beforeEach(() => {
  vi.resetAllMocks();
  locale.set("en");
});

describe("checkHubUrl", () => {
  it("takes http and https addresses with a host, and nothing else", () => {
    expect(checkHubUrl("https://hub.example")).toBeNull();
    expect(checkHubUrl(" http://127.0.0.1:8080/ ")).toBeNull();
    for (const bad of ["", "hub.example", "ftp://hub.example", "javascript:alert(1)", "file:///etc/passwd"]) {
      expect(checkHubUrl(bad)?.code, `${bad} must be refused before any request`).toBe("invalid_input");
    }
  });
});

describe("SignIn", () => {
  it("fills the form with the workspace's last hub and agent", () => {
    const session = new SessionState();
    session.info = { state: "signed_out", hub_url: "https://hub.example", agent_id: "lin.yue" };
    render(SignIn, { session });
    expect(input("signin-hub-url").value).toBe("https://hub.example");
    expect(input("signin-login").value).toBe("lin.yue");
    expect(input("signin-password").value, "a password is never prefilled").toBe("");
  });

  it("explains a bad address without asking the hub", async () => {
    const session = new SessionState();
    session.info = { state: "signed_out", hub_url: null, agent_id: null };
    render(SignIn, { session });
    await fill("hub.example", "lin.yue", "pw");
    await fireEvent.submit(screen.getByTestId("signin-form"));
    const error = await screen.findByTestId("signin-error");
    expect(error.dataset.code).toBe("invalid_input");
    expect(screen.getByTestId("signin-url-error").textContent).toContain("http://");
    expect(c.signIn, "a malformed address must not reach the core").not.toHaveBeenCalled();
  });

  it("shows the core's error by its code, and clears the password after each try", async () => {
    const session = new SessionState();
    session.info = { state: "signed_out", hub_url: null, agent_id: null };
    c.signIn.mockRejectedValueOnce({ code: "wrong_credentials", message: "wrong agent or password" });
    render(SignIn, { session });
    await fill("https://hub.example", "lin.yue", "not-it");
    await fireEvent.submit(screen.getByTestId("signin-form"));
    const error = await screen.findByTestId("signin-error");
    expect(error.dataset.code).toBe("wrong_credentials");
    expect(error.textContent).toContain("Wrong agent or password.");
    expect(c.signIn).toHaveBeenCalledWith("https://hub.example", "lin.yue", "not-it");
    expect(input("signin-password").value, "the password does not linger in the form").toBe("");

    c.signIn.mockRejectedValueOnce({ code: "hub_unreachable", message: "the hub cannot be reached: cannot connect" });
    await fireEvent.input(input("signin-password"), { target: { value: "x" } });
    await fireEvent.submit(screen.getByTestId("signin-form"));
    await waitFor(() => expect(screen.getByTestId("signin-error").dataset.code).toBe("hub_unreachable"));
    expect(screen.getByTestId("signin-error").textContent).toContain("Check the address and your network");
  });

  it("hands over to the console once signed in", async () => {
    const session = new SessionState();
    session.info = { state: "signed_out", hub_url: null, agent_id: null };
    c.signIn.mockResolvedValueOnce({ state: "signed_in", hub_url: "https://hub.example", agent_id: "lin.yue" });
    render(SignIn, { session });
    await fill("https://hub.example", "lin.yue", "right");
    await fireEvent.submit(screen.getByTestId("signin-form"));
    await waitFor(() => expect(session.needsSignIn).toBe(false));
    expect(screen.queryByTestId("signin-error")).toBeNull();
  });
});

describe("Settings", () => {
  it("switches language and theme, and signs out of a hub", async () => {
    const session = new SessionState();
    session.info = { state: "signed_in", hub_url: "https://hub.example", agent_id: "lin.yue" };
    c.signOut.mockResolvedValueOnce({ state: "signed_out", hub_url: "https://hub.example", agent_id: "lin.yue" });
    const onnotifications = vi.fn();
    render(Settings, { session, onclose: vi.fn(), onnotifications });

    expect(screen.getByTestId("settings-hub").textContent).toBe("https://hub.example");
    await fireEvent.click(screen.getByTestId("settings-lang-zh-CN"));
    expect(locale.current).toBe("zh-CN");
    await fireEvent.click(screen.getByTestId("settings-theme-dark"));
    expect(theme.pref).toBe("dark");
    expect(document.documentElement.dataset.theme).toBe("dark");
    await fireEvent.click(screen.getByTestId("settings-notifications"));
    expect(onnotifications, "notification rules and quiet hours open from settings").toHaveBeenCalled();

    await fireEvent.click(screen.getByTestId("settings-sign-out"));
    await waitFor(() => expect(session.needsSignIn).toBe(true));
    expect(c.signOut).toHaveBeenCalledTimes(1);
    theme.set("system");
  });

  it("offers no sign-out in the demo workspace", () => {
    const session = new SessionState();
    session.info = { state: "demo" };
    render(Settings, { session, onclose: vi.fn(), onnotifications: vi.fn() });
    expect(screen.queryByTestId("settings-sign-out")).toBeNull();
    expect(screen.getByTestId("settings-demo")).toBeTruthy();
  });
});

describe("palette", async () => {
  const { paletteCommands } = await import("$lib/keyboard/paletteCommands");
  const deps = {
    locale: "en" as const,
    mac: false,
    taxonomy: { categories: [], channels: [] },
    ticketOpen: false,
    themePref: "system" as const,
    run: vi.fn(),
    goView: vi.fn(),
    goAttention: vi.fn(),
    toggleLanguage: vi.fn(),
    setTheme: vi.fn(),
    openTicket: vi.fn(),
    search: vi.fn(),
  };

  it("opens settings, and offers sign-out only while signed in to a hub", () => {
    const openSettings = vi.fn();
    const signOut = vi.fn();
    const ids = (d: Parameters<typeof paletteCommands>[0]) => paletteCommands(d).map((c) => c.id);
    expect(ids({ ...deps, openSettings, signOut: null })).toContain("settings.open");
    expect(ids({ ...deps, openSettings, signOut: null }), "the demo has no sign-out").not.toContain("session.signOut");
    const cmds = paletteCommands({ ...deps, openSettings, signOut });
    cmds.find((c) => c.id === "session.signOut")?.run();
    expect(signOut).toHaveBeenCalledTimes(1);
    const settings = cmds.find((c) => c.id === "settings.open");
    expect(settings?.terms, "findable in Chinese too").toContain("设置");
  });
});
