import { commands } from "$lib/bindings/commands";
import type { TicketDetail } from "$lib/bindings/TicketDetail";
import type { TicketEdit } from "$lib/bindings/TicketEdit";

/**
 * The ticket on the right. Opening another ticket while one is loading must show the last one
 * asked for, whatever order the answers come back in.
 */
export class TicketStore {
  openId = $state<number | null>(null);
  detail = $state<TicketDetail | null>(null);
  loading = $state(false);
  #seq = 0;

  constructor(private readonly onError: (e: unknown) => void = () => {}) {}

  open(id: number): void {
    if (id === this.openId && this.detail?.id === id) return;
    this.openId = id;
    if (this.detail?.id !== id) this.detail = null;
    void this.#load(id);
  }

  close(): void {
    this.#seq++;
    this.openId = null;
    this.detail = null;
    this.loading = false;
  }

  reload(): void {
    if (this.openId !== null) void this.#load(this.openId);
  }

  /** Reload in place if the open ticket changed; `null` means the core did not say which did. */
  refreshIfChanged(ids: readonly number[] | null): void {
    if (this.openId !== null && (ids === null || ids.includes(this.openId))) void this.#load(this.openId);
  }

  /**
   * Apply an edit. The core writes it locally at once (queued for the hub) and answers with
   * the ticket already showing it, which replaces the shown copy if that ticket is still open.
   * Resolves to the new ticket, or `null` after reporting the error.
   */
  async edit(id: number, edit: TicketEdit): Promise<TicketDetail | null> {
    try {
      const d = await commands.editTicket(id, edit);
      if (this.openId === id) {
        // A reload sent before the edit would answer with the ticket as it was: drop it.
        this.#seq++;
        this.detail = d;
        this.loading = false;
      }
      return d;
    } catch (e) {
      this.onError(e);
      return null;
    }
  }

  async #load(id: number): Promise<void> {
    const seq = ++this.#seq;
    this.loading = true;
    try {
      const d = await commands.ticketDetail(id);
      if (seq === this.#seq) this.detail = d;
    } catch (e) {
      if (seq === this.#seq) this.onError(e);
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }
}
