import { commands } from "$lib/bindings/commands";
import type { InWindowAlert } from "$lib/bindings/InWindowAlert";

/** Toasts shown at once; older ones wait behind a "+N more" line instead of covering the window. */
export const MAX_VISIBLE = 5;
/** Non-urgent toasts go by themselves; an unread SLA warning is still in the lists afterwards. */
export const AUTO_DISMISS_MS = 15_000;
/**
 * Toasts kept at all. The core already folds bursts into one summary, so this only bounds a
 * runaway; what falls off is still counted in the badge and listed in the urgent view.
 */
export const MAX_KEPT = 100;

export type Toast = InWindowAlert & { readonly key: number };

/** `(3) Wallet Desk`: the unread count in the window title (taskbar, window switcher). */
export function titleWithUnread(title: string, unread: number): string {
  const base = title.replace(/^\(\d+\) /, "");
  return unread > 0 ? `(${unread}) ${base}` : base;
}

/**
 * Notifications inside the window: the toasts the OS could not show, and the count of urgent
 * tickets not opened yet (the sidebar badge and window title; the tray shows the same number).
 *
 * The count is a whole snapshot, so the newest wins, as with sync statuses: an answer to a
 * request sent before an `unread_urgent` event arrived is older than that event and is dropped.
 * Failures are silent: the badge is a hint, and the urgent view and ticket pane report a store
 * that is really gone.
 */
export class AlertsStore {
  /** Newest first. */
  toasts = $state<Toast[]>([]);
  unread = $state(0);

  #key = 0;
  #timers = new Map<number, ReturnType<typeof setTimeout>>();
  #unreadSeq = 0;

  constructor(private readonly autoDismissMs = AUTO_DISMISS_MS) {}

  get visible(): Toast[] {
    return this.toasts.slice(0, MAX_VISIBLE);
  }

  /** Toasts waiting behind the visible ones. */
  get hidden(): number {
    return Math.max(0, this.toasts.length - MAX_VISIBLE);
  }

  push(alert: InWindowAlert): void {
    const key = ++this.#key;
    const dropped = this.toasts.slice(MAX_KEPT - 1);
    for (const t of dropped) this.#clearTimer(t.key);
    this.toasts = [{ ...alert, key }, ...this.toasts.slice(0, MAX_KEPT - 1)];
    // Urgent ones (security, fraud) stay until the agent acts: money may be leaving an account.
    if (!alert.urgent) this.#timers.set(key, setTimeout(() => this.dismiss(key), this.autoDismissMs));
  }

  dismiss = (key: number): void => {
    this.#clearTimer(key);
    this.toasts = this.toasts.filter((t) => t.key !== key);
  };

  /** The agent opened ticket `id` some other way: its toasts are handled too. */
  handled(id: number): void {
    for (const t of this.toasts) if (t.ticket_id === id) this.#clearTimer(t.key);
    this.toasts = this.toasts.filter((t) => t.ticket_id !== id);
  }

  /** The count from an `unread_urgent` event. */
  setUnread = (count: number): void => {
    this.#unreadSeq++;
    this.unread = Math.max(0, count);
  };

  /** The starting count, before any event has said. */
  async loadUnread(): Promise<void> {
    await this.#ask(() => commands.unreadUrgent());
  }

  /** The agent opened ticket `id` (any path); the answer is the new count. */
  async markSeen(id: number): Promise<void> {
    await this.#ask(() => commands.markSeen(id));
  }

  /** Stop the timers (the window is going away). */
  dispose(): void {
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
  }

  async #ask(call: () => Promise<number>): Promise<void> {
    const seq = ++this.#unreadSeq;
    try {
      const n = await call();
      if (seq === this.#unreadSeq) this.unread = Math.max(0, n);
    } catch {
      // See the class comment: the badge just keeps its last value.
    }
  }

  #clearTimer(key: number): void {
    const t = this.#timers.get(key);
    if (t !== undefined) clearTimeout(t);
    this.#timers.delete(key);
  }
}
