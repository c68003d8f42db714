import { SvelteMap } from "svelte/reactivity";

/** Public reply (the customer sees it) or internal note (agents only). */
export type ComposerMode = "reply" | "note";
export type Draft = { readonly body: string; readonly mode: ComposerMode };

const EMPTY: Draft = { body: "", mode: "reply" };

/**
 * Unsent composer text per ticket, kept in memory while the agent switches tickets (the
 * ticket view is rebuilt on every switch, so it cannot hold them itself). A ticket nobody
 * has typed into starts as an empty public reply.
 */
class DraftStore {
  #drafts = new SvelteMap<number, Draft>();

  get = (ticketId: number): Draft => this.#drafts.get(ticketId) ?? EMPTY;

  setBody(ticketId: number, body: string): void {
    this.#put(ticketId, { ...this.get(ticketId), body });
  }

  setMode(ticketId: number, mode: ComposerMode): void {
    this.#put(ticketId, { ...this.get(ticketId), mode });
  }

  /** After a send: the text goes, the mode stays (several notes in a row stay notes). */
  clearBody(ticketId: number): void {
    this.setBody(ticketId, "");
  }

  /** Forget everything (tests). */
  reset(): void {
    this.#drafts.clear();
  }

  #put(ticketId: number, d: Draft): void {
    if (d.body === EMPTY.body && d.mode === EMPTY.mode) this.#drafts.delete(ticketId);
    else this.#drafts.set(ticketId, d);
  }
}

export const drafts = new DraftStore();
