import { commands } from "$lib/bindings/commands";
import type { Dashboard } from "$lib/bindings/Dashboard";
import { dateTimeFormat } from "$lib/format/intl";

/** Minutes east of UTC in the webview's zone right now (UTC+8 is 480), as the Rust side takes it. */
export const localUtcOffset = (at: Date = new Date()): number => -at.getTimezoneOffset();

/** "11/22" style short day labels in the agent's locale, for the urgent chart's axis. */
export function dayLabel(dayStart: number, locale: string): string {
  return dateTimeFormat(locale, { month: "numeric", day: "numeric" }).format(new Date(dayStart));
}

/**
 * The dashboard's figures. Loaded when the dashboard opens and again on each `tickets_changed`
 * while it is showing; an older answer landing after a newer one is dropped.
 */
export class DashboardStore {
  data = $state<Dashboard | null>(null);
  loading = $state(false);
  #seq = 0;

  constructor(
    private readonly onError: (e: unknown) => void = () => {},
    private readonly fetch: (offset: number) => Promise<Dashboard> = commands.dashboard,
  ) {}

  async load(offset: number = localUtcOffset()): Promise<void> {
    const seq = ++this.#seq;
    this.loading = true;
    try {
      const d = await this.fetch(offset);
      if (seq === this.#seq) this.data = d;
    } catch (e) {
      if (seq === this.#seq) this.onError(e);
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }
}
