import type { Category } from "$lib/bindings/Category";
import type { TicketEdit } from "$lib/bindings/TicketEdit";
import type { Translate } from "$lib/i18n";

/** How much of a reply or note the attention list shows. */
export const PREVIEW_CHARS = 200;

/**
 * The start of an untrusted body for a one-glance preview: whitespace runs folded to single
 * spaces, cut at `max` characters (code points, so an emoji or a CJK extension character is
 * never split in half) with an ellipsis when something was left out. Still text, never markup.
 */
export function previewText(body: string, max = PREVIEW_CHARS): string {
  const flat = body.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max).join("").trimEnd()}…`;
}

/**
 * What the agent typed into the tag box: comma-separated (ASCII or full-width, as Chinese
 * input methods type it), trimmed, empties dropped, each tag once in typed order.
 */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  for (const raw of input.split(/[,，、]/)) {
    const tag = raw.trim();
    if (tag !== "") seen.add(tag);
  }
  return [...seen];
}

/** Replies and notes carry text the agent wrote; dropping one loses that text. */
export function isTextEdit(edit: TicketEdit): edit is Extract<TicketEdit, { kind: "reply" | "note" }> {
  return edit.kind === "reply" || edit.kind === "note";
}

export type EditNames = {
  category: (id: Category) => string;
  agent: (id: string) => string;
  group: (id: string) => string;
};

/** A queued edit in words: a label ("Status", "Public reply") and what it sets or says. */
export function describeEdit(edit: TicketEdit, t: Translate, names: EditNames): { label: string; text: string } {
  switch (edit.kind) {
    case "reply":
      return { label: t("message.reply"), text: previewText(edit.body) };
    case "note":
      return { label: t("message.note"), text: previewText(edit.body) };
    case "set_status":
      return { label: t("actions.status"), text: t(`status.${edit.status}`) };
    case "set_priority":
      return { label: t("actions.priority"), text: t(`priority.${edit.priority}`) };
    case "set_category":
      return { label: t("actions.category"), text: names.category(edit.category) };
    case "set_assignee":
      return {
        label: t("actions.assignee"),
        text: edit.assignee_id === null ? t("ticket.unassigned") : names.agent(edit.assignee_id),
      };
    case "set_group":
      return { label: t("edit.group"), text: edit.group_id === null ? t("edit.noGroup") : names.group(edit.group_id) };
    case "add_tags":
      return { label: t("edit.addTags"), text: edit.tags.join(", ") };
    case "remove_tags":
      return { label: t("edit.removeTags"), text: edit.tags.join(", ") };
  }
}
