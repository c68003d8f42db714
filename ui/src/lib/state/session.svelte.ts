import { toApiError } from "$lib/api";
import type { ApiError } from "$lib/bindings/ApiError";
import { commands } from "$lib/bindings/commands";
import type { SessionInfo } from "$lib/bindings/SessionInfo";

/**
 * Whose session the console runs: the demo, a signed-in hub, or the sign-in screen. The token
 * never reaches the window; it stays in the OS keychain, behind the core.
 */
export class SessionState {
  info = $state<SessionInfo | null>(null);
  /** Why the session could not be read at all (the window then offers to retry). */
  loadError = $state<ApiError | null>(null);
  busy = $state(false);

  get needsSignIn(): boolean {
    return this.info?.state === "signed_out";
  }

  async load(): Promise<void> {
    try {
      this.info = await commands.sessionInfo();
      this.loadError = null;
    } catch (e) {
      this.loadError = toApiError(e);
    }
  }

  /** Signs in; the answer is the error to show, or null when the console is signed in. */
  async signIn(hubUrl: string, login: string, password: string): Promise<ApiError | null> {
    const local = checkHubUrl(hubUrl);
    if (local) return local;
    this.busy = true;
    try {
      this.info = await commands.signIn(hubUrl.trim(), login.trim(), password);
      return null;
    } catch (e) {
      return toApiError(e);
    } finally {
      this.busy = false;
    }
  }

  async signOut(): Promise<ApiError | null> {
    this.busy = true;
    try {
      this.info = await commands.signOut();
      return null;
    } catch (e) {
      return toApiError(e);
    } finally {
      this.busy = false;
    }
  }

  /** The hub ended the session while syncing: the core already forgot the token. */
  ended(): void {
    void this.load();
  }
}

/**
 * The same rule the core applies (http or https with a host), checked before a request so a
 * typo is explained at once. The core checks again; this is only the quicker answer.
 */
export function checkHubUrl(text: string): ApiError | null {
  const t = text.trim();
  let ok = false;
  try {
    const u = new URL(t);
    ok = (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    ok = false;
  }
  return ok ? null : { code: "invalid_input", message: `'${t}' is not a hub address: it must start with http:// or https://` };
}

export const session = new SessionState();
