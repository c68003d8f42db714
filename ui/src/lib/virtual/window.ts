/**
 * Fixed-row-height virtual window. Every row has the same height, so the visible range is
 * plain arithmetic on scrollTop: no measuring, no per-row bookkeeping, O(1) per scroll event
 * whether the view holds 50 tickets or 100,000.
 */
export type WindowInput = {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  /** Rows rendered beyond each edge so a fast scroll does not show blank space first. */
  overscan: number;
};

export type VirtualWindow = {
  /** First rendered index (inclusive). */
  start: number;
  /** Last rendered index (exclusive); start === end means nothing to render. */
  end: number;
  /** translateY of the first rendered row. */
  offset: number;
  /** Height of the whole scroll area. */
  totalHeight: number;
};

export function virtualWindow(i: WindowInput): VirtualWindow {
  const count = Math.max(0, Math.floor(i.count));
  const totalHeight = count * i.rowHeight;
  if (count === 0 || i.rowHeight <= 0) return { start: 0, end: 0, offset: 0, totalHeight };

  // Clamp: elastic overscroll (WebKit) reports negative or past-the-end scrollTop.
  const maxTop = Math.max(0, totalHeight - i.viewportHeight);
  const top = Math.min(Math.max(0, i.scrollTop), maxTop);
  const firstVisible = Math.floor(top / i.rowHeight);
  const lastVisible = Math.ceil((top + Math.max(0, i.viewportHeight)) / i.rowHeight);

  const start = Math.max(0, firstVisible - i.overscan);
  const end = Math.min(count, Math.max(lastVisible, firstVisible + 1) + i.overscan);
  return { start, end, offset: start * i.rowHeight, totalHeight };
}

/**
 * The scrollTop that brings row `index` fully into view with the least movement, or null
 * when it already is (so keyboard navigation inside the viewport does not jiggle the list).
 */
export function scrollToReveal(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
): number | null {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight);
  return null;
}

/** Page indices (of `pageSize` rows) that cover rows [start, end). */
export function pagesFor(start: number, end: number, pageSize: number): number[] {
  if (end <= start) return [];
  const first = Math.floor(start / pageSize);
  const last = Math.floor((end - 1) / pageSize);
  const pages: number[] = [];
  for (let p = first; p <= last; p++) pages.push(p);
  return pages;
}
