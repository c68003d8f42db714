/**
 * A small LRU of inbox pages. The inbox may hold 100,000 tickets; keeping every page an
 * agent ever scrolled past would grow without bound, while re-fetching the page under the
 * viewport on every scroll tick would hammer IPC. A few dozen pages (a few thousand rows)
 * cover scrolling back and forth around where the agent is working.
 *
 * Keys combine the query (view + sort + filter) and the page index, so pages of different
 * queries never mix even if the caller forgets to clear on a switch.
 */
export class PageCache<T> {
  // Map iterates in insertion order; re-inserting on access keeps the least recently used first.
  #entries = new Map<string, T>();

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError("PageCache capacity must be at least 1");
  }

  static key(queryKey: string, page: number): string {
    return `${queryKey}#${page}`;
  }

  get size(): number {
    return this.#entries.size;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** Reads and marks as recently used. */
  get(key: string): T | undefined {
    const v = this.#entries.get(key);
    if (v !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, v);
    }
    return v;
  }

  /** Reads without touching recency (for stale fallbacks that must not keep pages alive). */
  peek(key: string): T | undefined {
    return this.#entries.get(key);
  }

  set(key: string, value: T): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }

  clear(): void {
    this.#entries.clear();
  }

  keys(): string[] {
    return [...this.#entries.keys()];
  }
}
