import { commands } from "$lib/bindings/commands";
import type { CategorySuggestion } from "$lib/bindings/CategorySuggestion";

/**
 * The on-device model's category for one ticket. The suggestion is optional: a failure shows
 * nothing (no error banner), and an answer for a ticket the agent has since left is dropped,
 * whatever order the answers come back in.
 */
export class SuggestionState {
  ticketId = $state<number | null>(null);
  value = $state<CategorySuggestion | null>(null);
  #seq = 0;

  async load(id: number): Promise<void> {
    const seq = ++this.#seq;
    this.ticketId = id;
    this.value = null;
    try {
      const s = await commands.suggestCategory(id);
      if (seq === this.#seq) this.value = s;
    } catch {
      // No model, or the ticket is gone: the category select works the same without it.
    }
  }

  /** Drop any answer still on its way (the ticket changed or the view went away). */
  cancel(): void {
    this.#seq++;
  }

  /** The suggestion for ticket `id`, once it has arrived. */
  for(id: number): CategorySuggestion | null {
    return this.ticketId === id ? this.value : null;
  }
}
