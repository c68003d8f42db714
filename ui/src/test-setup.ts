// jsdom has no layout and no ResizeObserver; Svelte's bind:clientHeight needs the latter to
// exist. Sizes stay 0 unless a test defines them, which the virtual window handles.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class NoopResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoopResizeObserver;
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = NoopResizeObserver;
}
