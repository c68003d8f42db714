// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { frameDocument, isOpenable, sanitizeEmail } from "./emailHtml";

const CALL = "window.__TAURI_INTERNALS__.invoke('canary')";

// The payload families the e2e hostile test posts to the hub, checked here against the
// sanitizer alone; the frame's sandbox is the second wall, tested in the real window.
const VECTORS = [
  `<img src=x onerror="${CALL}">`,
  `<svg onload="${CALL}"><circle r=1></circle></svg>`,
  `<a href="javascript:${CALL}">click</a>`,
  `<noscript><p title="</noscript><img src=x onerror=${CALL}>"></noscript>`,
  `<svg><style><img src=x onerror=${CALL}></style></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${CALL}>`,
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${CALL}>`,
  `<iframe srcdoc="<script>${CALL}</script>"></iframe>`,
  `<script>${CALL}</script>`,
  `<div style="background:url(javascript:${CALL})">x</div>`,
];

describe("sanitizeEmail", () => {
  it("leaves no script, handler or javascript: URL in any vector's output", () => {
    for (const v of VECTORS) {
      const { html } = sanitizeEmail(`<p>hello</p>${v}`);
      const doc = new DOMParser().parseFromString(html, "text/html");
      for (const el of doc.querySelectorAll("*")) {
        for (const attr of el.attributes) {
          expect(attr.name.startsWith("on"), `${attr.name} survived in ${v}`).toBe(false);
          expect(/javascript:/i.test(attr.value), `javascript: survived in ${v}`).toBe(false);
        }
      }
      expect(doc.querySelector("script, iframe, svg, math, style, form"), v).toBeNull();
      expect(html).toContain("<p>hello</p>");
    }
  });

  it("lifts links out of the markup and says which may open", () => {
    const { html, links } = sanitizeEmail(
      `<a href="https://help.example/x">Help</a> <a href="mailto:a@b.c">mail</a> <a href="data:text/html,x">d</a> <a href="/relative">r</a>`,
    );
    expect(html).not.toContain("href");
    expect(html).toContain('data-link="0"');
    expect(links.map((l) => [l.text, l.openable])).toEqual([
      ["Help", true],
      ["mail", true],
      ["d", false],
      ["r", false],
    ]);
  });

  it("drops remote images, which would tell the sender the mail was read", () => {
    const { html } = sanitizeEmail(`<img src="https://tracker.example/p.gif" alt="t"><img src="data:image/png;base64,aGVsbG8=">`);
    expect(html).not.toContain("tracker.example");
    expect(html).toContain("data:image/png;base64,aGVsbG8=");
  });
});

describe("isOpenable", () => {
  it("allows only absolute http, https and mailto", () => {
    expect(isOpenable("https://a.example")).toBe(true);
    expect(isOpenable(" http://a.example ")).toBe(true);
    expect(isOpenable("mailto:x@y.z")).toBe(true);
    for (const bad of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "file:///etc/passwd", "/x", "vbscript:x", ""]) {
      expect(isOpenable(bad), bad).toBe(false);
    }
  });
});

describe("frameDocument", () => {
  it("carries a policy that forbids script and fetches", () => {
    const doc = frameDocument("<p>x</p>");
    expect(doc).toContain("default-src 'none'");
    expect(doc).not.toContain("script-src");
  });
});
