import { toApiError } from "$lib/api";
import type { Macro } from "$lib/bindings/Macro";
import { commands } from "$lib/bindings/commands";

/**
 * The macro list, shared by the composer's picker and the macro editor so a macro saved in the
 * editor is in the picker at once. Loaded on first use; the editor's saves and deletes update it
 * from what the core returns.
 */
class MacroState {
  list = $state<Macro[] | null>(null);
  /** Why the list could not be loaded, for the picker to show. */
  error = $state<string | null>(null);
  #loading: Promise<void> | null = null;

  /** Loads the list unless it is already here (or `force`). */
  load(force = false): Promise<void> {
    if (this.list && !force) return Promise.resolve();
    this.#loading ??= commands
      .listMacros()
      .then(
        (list) => {
          this.list = list;
          this.error = null;
        },
        (e) => {
          this.error = toApiError(e).message;
        },
      )
      .finally(() => {
        this.#loading = null;
      });
    return this.#loading;
  }

  /** Saves through the core (which validates); rejects with its ApiError. */
  async save(m: Macro): Promise<Macro> {
    const saved = await commands.saveMacro(m);
    const list = this.list ?? [];
    const builtIns = list.filter((x) => x.built_in);
    const own = list.filter((x) => !x.built_in && x.id !== saved.id);
    // The core's order: built-ins, then the agent's, most recently saved first.
    this.list = [...builtIns, saved, ...own];
    return saved;
  }

  async remove(id: string): Promise<void> {
    await commands.deleteMacro(id);
    if (this.list) this.list = this.list.filter((m) => m.id !== id);
  }

  /** Forget everything (tests). */
  reset(): void {
    this.list = null;
    this.error = null;
    this.#loading = null;
  }
}

export const macros = new MacroState();
