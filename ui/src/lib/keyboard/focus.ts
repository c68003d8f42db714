/**
 * Reaching controls that live in components the keyboard layer does not own (the composer,
 * the search box) through their test ids: the same stable hooks the e2e suite relies on, and
 * no new props threaded through TicketPane/TicketView/TopBar for a focus call.
 */

const byTestId = <T extends HTMLElement>(id: string, root: ParentNode): T | null =>
  root.querySelector<T>(`[data-testid="${id}"]`);

/** Put the caret in the composer in reply or note mode; false when there is no usable composer. */
export function focusComposer(mode: "reply" | "note", root: ParentNode = document): boolean {
  const input = byTestId<HTMLTextAreaElement>("composer-input", root);
  if (!input || input.disabled) return false;
  // The mode buttons are the composer's own switch (they keep the per-ticket draft's mode).
  byTestId<HTMLButtonElement>(`composer-mode-${mode}`, root)?.click();
  input.focus();
  // Continue a saved draft where it ends rather than at its first character.
  const end = input.value.length;
  input.setSelectionRange(end, end);
  return true;
}

export function focusSearch(root: ParentNode = document): boolean {
  const input = byTestId<HTMLInputElement>("search-input", root);
  if (!input) return false;
  input.focus();
  input.select();
  return true;
}
