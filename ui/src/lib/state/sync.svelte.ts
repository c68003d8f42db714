import type { AttentionItem } from "$lib/bindings/AttentionItem";
import { commands } from "$lib/bindings/commands";
import type { Resolution } from "$lib/bindings/Resolution";
import type { SyncStatus } from "$lib/bindings/SyncStatus";

/**
 * The offline-first sync engine as the UI sees it: the latest SyncStatus (from `sync_status`
 * at start, then every `sync` event) and the edits the hub held back or rejected.
 *
 * Statuses are whole snapshots, so the newest wins: an answer to a request sent before a
 * `sync` event arrived is older than that event and is dropped. The attention list is
 * refetched only when its count moves (or after the agent resolves something), not on every
 * status tick while a queue drains.
 */
export class SyncStore {
  status = $state<SyncStatus | null>(null);
  items = $state<AttentionItem[]>([]);
  itemsLoaded = $state(false);
  /** Edit ids with a resolve call in flight, so their buttons cannot be pressed twice. */
  resolving = $state<string[]>([]);
  /** A work-offline switch is in flight. */
  switching = $state(false);

  #statusSeq = 0;
  #itemsSeq = 0;

  constructor(private readonly onError: (e: unknown) => void = () => {}) {}

  get queued(): number {
    return this.status?.queued ?? 0;
  }

  /** `null` until the first status is known. */
  get needsAttention(): number | null {
    return this.status?.needs_attention ?? null;
  }

  /** Fetch the status (at start, and after resolving). */
  async load(): Promise<void> {
    const seq = ++this.#statusSeq;
    try {
      const s = await commands.syncStatus();
      if (seq === this.#statusSeq) this.apply(s);
    } catch (e) {
      if (seq === this.#statusSeq) this.onError(e);
    }
  }

  /** A newer status (a `sync` event or a command's answer). */
  apply(status: SyncStatus): void {
    this.#statusSeq++;
    const before = this.status?.needs_attention;
    this.status = status;
    if (before === undefined && status.needs_attention === 0 && !this.itemsLoaded) {
      // Nothing to fetch; the list is known to be empty.
      this.items = [];
      this.itemsLoaded = true;
    } else if (before !== status.needs_attention) {
      void this.reloadAttention();
    }
  }

  async reloadAttention(): Promise<void> {
    const seq = ++this.#itemsSeq;
    try {
      const items = await commands.attentionItems();
      if (seq !== this.#itemsSeq) return;
      this.items = items;
      this.itemsLoaded = true;
    } catch (e) {
      if (seq === this.#itemsSeq) this.onError(e);
    }
  }

  isResolving = (editId: string): boolean => this.resolving.includes(editId);

  /** Send a held/rejected edit again or drop it; true when the core accepted the decision. */
  async resolve(editId: string, resolution: Resolution): Promise<boolean> {
    if (this.isResolving(editId)) return false;
    this.resolving = [...this.resolving, editId];
    try {
      await commands.resolveAttention(editId, resolution);
      // Gone from the list at once; the refetch below confirms it.
      this.items = this.items.filter((i) => i.edit_id !== editId);
      await Promise.all([this.reloadAttention(), this.load()]);
      return true;
    } catch (e) {
      this.onError(e);
      return false;
    } finally {
      this.resolving = this.resolving.filter((id) => id !== editId);
    }
  }

  /** The agent's own choice to stop talking to the hub ("paused") or to resume. */
  async setWorkOffline(offline: boolean): Promise<void> {
    if (this.switching) return;
    this.switching = true;
    const seq = ++this.#statusSeq;
    try {
      const s = await commands.setWorkOffline(offline);
      // The core also emits the change as a `sync` event; whichever came later is newer.
      if (seq === this.#statusSeq) this.apply(s);
    } catch (e) {
      this.onError(e);
    } finally {
      this.switching = false;
    }
  }
}
