import type { ApiError } from "$lib/bindings/ApiError";
import type { ErrorCode } from "$lib/bindings/ErrorCode";

const CODES: readonly ErrorCode[] = [
  "invalid_input",
  "not_found",
  "store_unavailable",
  "internal",
  "wrong_credentials",
  "hub_unreachable",
  "not_a_hub",
];

/**
 * Commands reject with `{code, message}`, but Tauri itself rejects with a bare string (e.g.
 * an unknown command), and a missing IPC bridge throws a TypeError. Normalize all of them so
 * the UI branches on `code` only and always has a message to show.
 */
export function toApiError(e: unknown): ApiError {
  if (e && typeof e === "object" && "message" in e) {
    const code = (e as { code?: unknown }).code;
    const message = String((e as { message: unknown }).message);
    return { code: CODES.includes(code as ErrorCode) ? (code as ErrorCode) : "internal", message };
  }
  return { code: "internal", message: typeof e === "string" ? e : String(e) };
}
