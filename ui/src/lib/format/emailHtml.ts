// An email's HTML part is written by whoever sent the mail: hostile. It is sanitized here with
// DOMPurify, then shown in a sandboxed frame that runs no script (HtmlMessage.svelte), so a
// payload DOMPurify misses still cannot run. Links are taken out of the markup: a click in
// the frame goes nowhere, and the agent opens a link from the list beside it, after
// confirming, in the system browser.
import DOMPurify from "dompurify";

export interface EmailLink {
  /** The link's text as the sender wrote it (untrusted, shown as text). */
  text: string;
  /** The href exactly as sent. */
  href: string;
  /** Only http, https and mailto ever open; anything else (javascript:, data:, file:) is shown
   *  but cannot be opened. */
  openable: boolean;
}

export interface SanitizedEmail {
  html: string;
  links: EmailLink[];
}

const OPENABLE = new Set(["http:", "https:", "mailto:"]);
const INLINE_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i;

/** Whether `href` is an absolute http, https or mailto URL. */
export function isOpenable(href: string): boolean {
  try {
    return OPENABLE.has(new URL(href.trim()).protocol);
  } catch {
    return false; // relative or malformed: there is nothing safe to resolve it against
  }
}

// Forms, frames and embeds have no business in a support email. Styles go too: style elements
// carry several mutation-XSS vectors, and the console's policy (which the frame inherits)
// would refuse inline styles anyway.
const FORBID_TAGS = ["style", "form", "input", "button", "textarea", "select", "iframe", "frame", "object", "embed", "link", "meta", "base"];
const FORBID_ATTR = ["style", "srcset", "action", "formaction", "ping", "background", "target"];

/** Sanitizes an email's HTML part and lifts its links out. Never throws. */
export function sanitizeEmail(raw: string): SanitizedEmail {
  const links: EmailLink[] = [];
  const purify = DOMPurify(window);
  // Hrefs are taken before DOMPurify's own URL check would drop javascript: and data: ones
  // silently: the agent should see that a mail carried such a link (a phishing sign).
  const hrefs = new Map<Element, string>();
  purify.addHook("uponSanitizeAttribute", (node, data) => {
    if (data.attrName === "href" || data.attrName === "xlink:href") {
      hrefs.set(node as Element, data.attrValue);
      data.keepAttr = false;
    }
  });
  purify.addHook("afterSanitizeAttributes", (node) => {
    if (!(node instanceof Element)) return;
    const href = hrefs.get(node);
    if (href !== undefined) {
      node.setAttribute("data-link", String(links.length));
      links.push({ text: (node.textContent ?? "").trim(), href, openable: isOpenable(href) });
    }
    // Remote images would tell the sender that (and when, and from where) the mail was read.
    const src = node.getAttribute("src");
    if (src !== null && !INLINE_IMAGE.test(src)) node.removeAttribute("src");
  });
  const html = purify.sanitize(raw, {
    USE_PROFILES: { html: true },
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
  });
  return { html, links };
}

// The frame's own policy, on top of the console's (which a srcdoc frame inherits): no script,
// no fetches, only inline images.
const FRAME_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** The whole document for the sandboxed frame. */
export function frameDocument(sanitized: string): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">` +
    `<style>body{margin:8px;font:13.5px/1.55 system-ui,sans-serif;color:#1d2330;overflow-wrap:anywhere}` +
    `img{max-width:100%;height:auto}[data-link]{color:#1f4e8c;text-decoration:underline}</style>` +
    `</head><body>${sanitized}</body></html>`
  );
}
