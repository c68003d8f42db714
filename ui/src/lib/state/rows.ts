import type { TicketSummary } from "$lib/bindings/TicketSummary";

/**
 * What the virtual list renders from: the paged inbox or the search results. The list only
 * needs a length, random access and a hint about which rows are on screen.
 */
export interface RowSource {
  /** Changes whenever the list should jump back to the top (new view, sort or query). */
  readonly key: string;
  readonly count: number;
  /** True once the first answer for `key` has arrived (an empty list is then really empty). */
  readonly loaded: boolean;
  rowAt(index: number): TicketSummary | undefined;
  /** Rows [start, end) are about to be shown: fetch what is missing. */
  ensure(start: number, end: number): void;
}
