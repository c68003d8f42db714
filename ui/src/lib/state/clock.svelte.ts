/**
 * A shared "now" for relative times and SLA countdowns. One timer for the whole app instead
 * of one per row; a 15 s tick keeps minute-granular countdowns honest without re-rendering
 * the list constantly.
 */
class Clock {
  now = $state(Date.now());
  #timer: ReturnType<typeof setInterval> | null = null;

  start(intervalMs = 15_000): void {
    if (this.#timer !== null) return;
    this.now = Date.now();
    this.#timer = setInterval(() => (this.now = Date.now()), intervalMs);
  }

  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }
}

export const clock = new Clock();
