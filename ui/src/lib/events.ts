import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { CONSOLE_EVENT } from "$lib/bindings/commands";
import type { ConsoleEvent } from "$lib/bindings/ConsoleEvent";
import type { InWindowAlert } from "$lib/bindings/InWindowAlert";
import type { SyncStatus } from "$lib/bindings/SyncStatus";

/**
 * Tickets known to have changed (possibly none: only lists and counts moved), or `null` when
 * the core did not say which, so any open ticket is stale too.
 */
export type ChangedIds = number[] | null;

export type ConsoleHandlers = {
  /** Called at most once per `coalesceMs` with every change since the last call. */
  ticketsChanged: (ids: ChangedIds) => void;
  fillProgress: (done: number, total: number) => void;
  /**
   * The sync engine's state changed. Passed through at once, not batched: each status is a
   * whole snapshot, so the latest simply wins, and a banner must not lag behind the network.
   */
  sync?: (status: SyncStatus) => void;
  /**
   * The agent clicked a native notification (the shell already raised the window): show that
   * ticket, or the urgent view for `null` (a summary of several). Like every handler below it
   * is passed through at once: each is an action or a whole snapshot, never a batchable change.
   */
  openTicket?: (id: number | null) => void;
  /** A notification the OS could not show, to be shown inside the window instead. */
  alert?: (alert: InWindowAlert) => void;
  /** Urgent tickets this console has not opened yet (the tray's number); the latest wins. */
  unreadUrgent?: (count: number) => void;
};

/**
 * Routes ConsoleEvents to handlers. Changes are batched into one refresh per window (leading
 * edge plus trailing): while the workspace fills, events arrive many times a second, and
 * refetching counts and pages for each would keep the list permanently loading.
 *
 * `tickets_changed` with an empty id list means "something changed, unknown what" (the core
 * sends that after a bulk fill). Every `fill_progress` step means a batch of *new* tickets was
 * just written: lists and counts are stale but no existing ticket is, so the list fills in
 * while the progress bar runs instead of staying empty until the end.
 */
export function consoleEventRouter(h: ConsoleHandlers, coalesceMs = 600) {
  let pending: { ids: Set<number>; unknown: boolean } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    timer = null;
    if (pending) {
      const ids = pending.unknown ? null : [...pending.ids];
      pending = null;
      h.ticketsChanged(ids);
      timer = setTimeout(flush, coalesceMs);
    }
  };

  /** `ids === null`: unknown which tickets changed. */
  const changed = (ids: readonly number[] | null) => {
    pending ??= { ids: new Set(), unknown: false };
    if (ids === null) pending.unknown = true;
    else for (const id of ids) pending.ids.add(id);
    if (timer === null) flush();
  };

  const handle = (ev: ConsoleEvent): void => {
    if (ev.kind === "tickets_changed") {
      changed(ev.value.ids.length === 0 ? null : ev.value.ids);
    } else if (ev.kind === "fill_progress") {
      h.fillProgress(ev.value.done, ev.value.total);
      changed([]);
    } else if (ev.kind === "sync") {
      h.sync?.(ev.value.status);
    } else if (ev.kind === "open_ticket") {
      h.openTicket?.(ev.value.id);
    } else if (ev.kind === "alert") {
      h.alert?.(ev.value.alert);
    } else if (ev.kind === "unread_urgent") {
      h.unreadUrgent?.(ev.value.count);
    }
  };

  const dispose = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };

  return { handle, dispose };
}

/** Subscribes to the core's single event channel. */
export function listenConsoleEvents(handle: (ev: ConsoleEvent) => void): Promise<UnlistenFn> {
  return listen<ConsoleEvent>(CONSOLE_EVENT, (e) => handle(e.payload));
}
