import type { ApiError } from "$lib/bindings/ApiError";
import { toApiError } from "$lib/api";

/**
 * The one error banner. Only the latest error is kept: a burst of failures during a store
 * outage should read as one problem, not a stack of identical banners.
 */
class ErrorState {
  current = $state<ApiError | null>(null);

  report = (e: unknown): void => {
    this.current = toApiError(e);
  };

  dismiss = (): void => {
    this.current = null;
  };
}

export const errors = new ErrorState();
