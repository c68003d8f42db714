import { commands } from "$lib/bindings/commands";
import type { TicketDetail } from "$lib/bindings/TicketDetail";

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
