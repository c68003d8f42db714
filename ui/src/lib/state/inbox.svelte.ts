import { commands } from "$lib/bindings/commands";
import type { InboxFilter } from "$lib/bindings/InboxFilter";
import type { InboxSort } from "$lib/bindings/InboxSort";
import type { InboxView } from "$lib/bindings/InboxView";
import type { TicketSummary } from "$lib/bindings/TicketSummary";
import { viewKey } from "$lib/format/views";
import { pagesFor } from "$lib/virtual/window";
import { PageCache } from "./pageCache";
import type { RowSource } from "./rows";

/** Rows per IPC call: a couple of screenfuls, far below the Rust side's 500 cap. */
export const PAGE_SIZE = 100;
/** 40 pages = 4,000 rows, a few MB at most, enough to scroll back without refetching. */
export const CACHE_PAGES = 40;

export const emptyFilter = (): InboxFilter => ({
  statuses: [],
  priorities: [],
  channels: [],
  categories: [],
  tag: null,
  assignee_id: null,
});

/**
 * The paged inbox behind the virtual list. Pages are fetched on demand by offset and cached
 * per query; a view, sort or filter change starts over (new key, empty cache, scroll to top).
 */
export class InboxStore implements RowSource {
  view = $state<InboxView>({ kind: "active" });
  sort = $state<InboxSort>("priority");
  filter = $state<InboxFilter>(emptyFilter());
  total = $state(0);
  loaded = $state(false);
  /** Bumped whenever cached rows change; rowAt reads it so rows re-render on arrival. */
  #version = $state(0);

  #cache = new PageCache<TicketSummary[]>(CACHE_PAGES);
  /** After a live invalidation, the old pages keep showing until fresh ones replace them. */
  #stale: PageCache<TicketSummary[]> | null = null;
  #inflight = new Set<string>();
  /** Answers from before the latest reset/invalidate carry an older generation and are dropped. */
  #generation = 0;
  #lastRange: [number, number] = [0, PAGE_SIZE];

  constructor(private readonly onError: (e: unknown) => void = () => {}) {}

  /** Identifies the query (not the page); derived so each row render does not re-serialize it. */
  #queryKey = $derived(JSON.stringify([viewKey(this.view), this.sort, this.filter]));

  get queryKey(): string {
    return this.#queryKey;
  }

  get key(): string {
    return this.queryKey;
  }

  get count(): number {
    return this.total;
  }

  /** Switch view. `estimate` (the sidebar count) sizes the list with skeletons until page 0 lands. */
  setView(view: InboxView, estimate?: number): void {
    if (viewKey(view) === viewKey(this.view)) return;
    this.view = view;
    this.#reset(estimate);
  }

  setSort(sort: InboxSort): void {
    if (sort === this.sort) return;
    this.sort = sort;
    this.#reset(this.total);
  }

  setFilter(filter: InboxFilter): void {
    this.filter = filter;
    this.#reset(undefined);
  }

  rowAt(index: number): TicketSummary | undefined {
    void this.#version;
    const page = Math.floor(index / PAGE_SIZE);
    const k = PageCache.key(this.queryKey, page);
    const rows = this.#cache.get(k) ?? this.#stale?.peek(k);
    return rows?.[index - page * PAGE_SIZE];
  }

  ensure(start: number, end: number): void {
    const [previousStart] = this.#lastRange;
    this.#lastRange = [start, end];
    // Before the first answer the total is unknown: always ask for page 0.
    const upto = this.loaded ? Math.min(end, this.total) : Math.max(end, 1);
    const pages = pagesFor(Math.max(0, start), upto, PAGE_SIZE);
    // The page past the edge the list is moving towards is fetched too, so a steady scroll
    // finds its rows already there instead of flashing skeletons that are built and torn
    // down again a moment later (in WebKit that churn alone left tens of MB behind).
    if (this.loaded && pages.length > 0) {
      let ahead = -1;
      if (start > previousStart) ahead = pages[pages.length - 1] + 1;
      else if (start < previousStart) ahead = pages[0] - 1;
      if (ahead >= 0 && ahead * PAGE_SIZE < this.total) pages.push(ahead);
    }
    for (const page of pages) void this.#fetch(page);
  }

  /**
   * Data changed underneath (a `tickets_changed` event): drop the cache and refetch what is on
   * screen. Old rows stay visible meanwhile so a live update does not flash skeletons.
   */
  invalidate(): void {
    this.#generation++;
    this.#stale = this.#cache;
    this.#cache = new PageCache(CACHE_PAGES);
    this.#inflight.clear();
    // Not ensure(): it clips to the old total, and a list that was empty (a workspace still
    // filling) must look again. A page past the new end just comes back empty.
    const [start, end] = this.#lastRange;
    for (const page of pagesFor(start, Math.max(end, start + 1), PAGE_SIZE)) void this.#fetch(page);
  }

  #reset(estimate: number | undefined): void {
    this.#generation++;
    this.#cache.clear();
    this.#stale = null;
    this.#inflight.clear();
    this.total = Math.max(0, estimate ?? 0);
    this.loaded = false;
    this.#lastRange = [0, PAGE_SIZE];
    this.#version++;
    this.ensure(0, PAGE_SIZE);
  }

  async #fetch(page: number): Promise<void> {
    const k = PageCache.key(this.queryKey, page);
    if (this.#cache.has(k) || this.#inflight.has(k)) return;
    this.#inflight.add(k);
    const generation = this.#generation;
    try {
      const res = await commands.inboxPage({
        // Snapshots: IPC serializes arguments, and $state proxies are not plain objects.
        view: $state.snapshot(this.view),
        filter: $state.snapshot(this.filter),
        sort: this.sort,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      });
      if (generation !== this.#generation) return;
      this.#cache.set(k, res.rows);
      this.total = res.total;
      this.loaded = true;
      this.#version++;
    } catch (e) {
      if (generation === this.#generation) this.onError(e);
    } finally {
      if (generation === this.#generation) this.#inflight.delete(k);
    }
  }
}
