import { SvelteSet } from "svelte/reactivity";
import { commands } from "$lib/bindings/commands";
import type { TicketEdit } from "$lib/bindings/TicketEdit";
import type { RowSource } from "./rows";

/** The most tickets one bulk action takes; the Rust side refuses more (MAX_BULK_TICKETS). */
export const MAX_BULK = 1000;

/**
 * The inbox's multi-selection. It holds ticket ids, never row indexes or DOM rows: the list is
 * virtual, rows are recycled while scrolling, and a live update may shift what sits at an index.
 * A view, sort, filter or search change clears it (App calls `clear` when the list's key moves).
 */
export class Selection {
  readonly ids = new SvelteSet<number>();
  /** Where the last plain toggle happened: shift-click selects from here. */
  #anchor: number | null = null;

  get size(): number {
    return this.ids.size;
  }

  has(id: number): boolean {
    return this.ids.has(id);
  }

  /** Adds or removes the ticket at `index`, and remembers it as the range anchor. */
  toggle(source: RowSource, index: number): void {
    const id = source.rowAt(index)?.id;
    if (id === undefined) return;
    if (this.ids.has(id)) this.ids.delete(id);
    else if (this.ids.size < MAX_BULK) this.ids.add(id);
    this.#anchor = index;
  }

  /**
   * Shift-click: selects every loaded row between the anchor and `index` (both included).
   * Rows not fetched yet (skeletons) have no id and are skipped rather than guessed.
   */
  extendTo(source: RowSource, index: number): void {
    if (this.#anchor === null) return this.toggle(source, index);
    const [from, to] = this.#anchor < index ? [this.#anchor, index] : [index, this.#anchor];
    for (let i = from; i <= to && this.ids.size < MAX_BULK; i++) {
      const id = source.rowAt(i)?.id;
      if (id !== undefined) this.ids.add(id);
    }
  }

  /** Selects the rows in `[start, end)` that are loaded (the ones the agent can see). */
  selectRange(source: RowSource, start: number, end: number): void {
    for (let i = Math.max(0, start); i < Math.min(end, source.count) && this.ids.size < MAX_BULK; i++) {
      const id = source.rowAt(i)?.id;
      if (id !== undefined) this.ids.add(id);
    }
  }

  clear(): void {
    this.ids.clear();
    this.#anchor = null;
  }

  /** The selected ids, smallest first, as the bulk command takes them. */
  list(): number[] {
    return [...this.ids].sort((a, b) => a - b);
  }
}

/**
 * Queues `edit` for every selected ticket in one call. The batch id is made once here, so if
 * the call is retried the Rust side sees the same per-ticket edit ids and queues nothing twice.
 * Resolves to how many tickets the edit is queued for.
 */
export async function applyBulk(
  ids: readonly number[],
  edit: TicketEdit,
  call: (batchId: string, ids: number[], edit: TicketEdit) => Promise<number> = commands.editTickets,
): Promise<number> {
  return call(crypto.randomUUID(), [...ids], edit);
}
