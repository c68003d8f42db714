import { commands } from "$lib/bindings/commands";
import type { SearchResult } from "$lib/bindings/SearchResult";
import type { TicketSummary } from "$lib/bindings/TicketSummary";
import type { RowSource } from "./rows";

export const SEARCH_LIMIT = 200;
export const SEARCH_DEBOUNCE_MS = 150;

/**
 * Search-as-you-type. Keystrokes are debounced so typing "refund" is one query, not six, and
 * each query carries a sequence number so a slow early answer cannot overwrite a later one.
 */
export class SearchStore implements RowSource {
  text = $state("");
  result = $state<SearchResult | null>(null);
  pending = $state(false);
  /** The query the shown results answer (not the text still being typed). */
  #shownQuery = $state("");
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly onError: (e: unknown) => void = () => {},
    private readonly debounceMs = SEARCH_DEBOUNCE_MS,
  ) {}

  /** Search mode is on while there is something to search for. */
  get active(): boolean {
    return this.text.trim().length > 0;
  }

  get key(): string {
    return `search:${this.result ? this.#shownQuery : ""}`;
  }

  get count(): number {
    return this.result?.rows.length ?? 0;
  }

  get loaded(): boolean {
    return this.result !== null;
  }

  get terms(): string[] {
    return this.result?.terms ?? [];
  }

  rowAt(index: number): TicketSummary | undefined {
    return this.result?.rows[index];
  }

  ensure(): void {
    // Results arrive whole (at most SEARCH_LIMIT rows); nothing to page in.
  }

  setText(text: string): void {
    this.text = text;
    if (this.#timer !== null) clearTimeout(this.#timer);
    const seq = ++this.#seq;
    const q = text.trim();
    if (q === "") {
      this.result = null;
      this.pending = false;
      return;
    }
    this.pending = true;
    this.#timer = setTimeout(() => void this.#run(q, seq), this.debounceMs);
  }

  clear(): void {
    this.setText("");
  }

  /** Re-run the current query (after `tickets_changed`), keeping results on screen meanwhile. */
  refresh(): void {
    const q = this.text.trim();
    if (q !== "") void this.#run(q, ++this.#seq);
  }

  async #run(q: string, seq: number): Promise<void> {
    try {
      const res = await commands.searchTickets(q, SEARCH_LIMIT);
      if (seq !== this.#seq) return;
      this.result = res;
      this.#shownQuery = q;
    } catch (e) {
      if (seq === this.#seq) this.onError(e);
    } finally {
      if (seq === this.#seq) this.pending = false;
    }
  }
}
