// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import Thread from "../Thread.svelte";
import { locale } from "$lib/state/locale.svelte";
import type { Message } from "$lib/bindings/Message";

function msg(over: Partial<Message>): Message {
  return { id: 1, ticket_id: 7, kind: "customer", author: "Mei", body: "text part", channel: "email", created_at: 1, html: null, attachments: [], device: null, ...over };
}

describe("Thread with email HTML, attachments and device info", () => {
  afterEach(() => locale.set("en"));

  it("puts the HTML part in a frame sandboxed without any permission", () => {
    render(Thread, { messages: [msg({ html: `<p>Hi</p><img src=x onerror="window.__pwned=1">` })] });
    const frame = screen.getByTestId("message-html-frame") as HTMLIFrameElement;
    expect(frame.getAttribute("sandbox"), "no allow-scripts, no allow-same-origin").toBe("");
    const doc = frame.getAttribute("srcdoc") ?? "";
    expect(doc).toContain("<p>Hi</p>");
    expect(doc).not.toContain("onerror");
    expect(screen.queryByTestId("message-body"), "the text part gives way to the HTML").toBeNull();
  });

  it("asks before opening a link, opens only on confirm, and never opens javascript:", async () => {
    const open = vi.fn(async () => {});
    const { default: HtmlMessage } = await import("../HtmlMessage.svelte");
    render(HtmlMessage, { html: `<a href="https://help.example/a">help</a><a href="javascript:alert(1)">bad</a>`, open });
    const [good, bad] = screen.getAllByTestId("message-link");
    expect(good.dataset.openable).toBe("true");
    expect(bad.dataset.openable).toBe("false");

    await fireEvent.click(good);
    expect(screen.getByTestId("link-confirm-url").textContent).toBe("https://help.example/a");
    expect(open, "nothing opens before the agent confirms").not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId("link-confirm-cancel"));
    expect(screen.queryByTestId("link-confirm")).toBeNull();
    expect(open).not.toHaveBeenCalled();

    await fireEvent.click(good);
    await fireEvent.click(screen.getByTestId("link-confirm-open"));
    expect(open).toHaveBeenCalledWith("https://help.example/a");

    await fireEvent.click(bad);
    expect(screen.getByTestId("link-confirm")).toBeTruthy();
    expect(screen.queryByTestId("link-confirm-open"), "a javascript: link has no open button").toBeNull();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it("shows allowed images, lists other files by name and shows the device as text", () => {
    render(Thread, {
      messages: [
        msg({
          channel: "in_app",
          attachments: [
            { name: "shot.png", content_type: "image/png", size: 5, data_b64: "aGVsbG8=" },
            { name: "evil.svg", content_type: "image/svg+xml", size: 5, data_b64: "aGVsbG8=" },
            { name: "log.txt", content_type: "text/plain", size: 2048, data_b64: null },
          ],
          device: { device: `<b>Pixel</b>`, os_version: "Android 15", app_version: "5.12.1" },
        }),
      ],
    });
    const images = screen.getAllByTestId("message-screenshot") as HTMLImageElement[];
    expect(images.map((i) => i.getAttribute("src"))).toEqual(["data:image/png;base64,aGVsbG8="]);
    const files = screen.getAllByTestId("message-attachment");
    expect(files.map((f) => f.dataset.image)).toEqual(["true", "false", "false"]);
    expect(files[2].textContent).toContain("2.0 KB");
    expect(screen.getByTestId("device-model").textContent).toBe("<b>Pixel</b>");
    expect(screen.getByTestId("device-app").textContent).toBe("5.12.1");
  });
});
