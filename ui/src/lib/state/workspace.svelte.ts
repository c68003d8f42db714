import { commands } from "$lib/bindings/commands";
import type { Category } from "$lib/bindings/Category";
import type { CategoryInfo } from "$lib/bindings/CategoryInfo";
import type { Channel } from "$lib/bindings/Channel";
import type { ChannelInfo } from "$lib/bindings/ChannelInfo";
import type { TaxonomyInfo } from "$lib/bindings/TaxonomyInfo";
import type { ViewCount } from "$lib/bindings/ViewCount";
import type { WorkspaceInfo } from "$lib/bindings/WorkspaceInfo";
import { countsByKey, shortLabel } from "$lib/format/views";
import { errors } from "./errors.svelte";
import { locale } from "./locale.svelte";

export type FillProgress = { done: number; total: number };

/** Workspace-wide facts: who is signed in, the taxonomy, sidebar counts and fill progress. */
class WorkspaceState {
  info = $state<WorkspaceInfo | null>(null);
  taxonomy = $state<TaxonomyInfo>({ categories: [], channels: [] });
  counts = $state<Map<string, number>>(new Map());
  progress = $state<FillProgress | null>(null);

  #categories = $derived(new Map<Category, CategoryInfo>(this.taxonomy.categories.map((c) => [c.id, c])));
  #channels = $derived(new Map<Channel, ChannelInfo>(this.taxonomy.channels.map((c) => [c.id, c])));
  #countsSeq = 0;

  async load(): Promise<void> {
    const [info, taxonomy] = await Promise.all([
      commands.workspaceInfo().catch((e) => (errors.report(e), null)),
      commands.taxonomy().catch((e) => (errors.report(e), null)),
    ]);
    if (info) this.info = info;
    if (taxonomy) this.taxonomy = taxonomy;
    await this.refreshCounts();
  }

  async refreshCounts(): Promise<void> {
    // Counts refresh on every change burst; an older answer landing late must not win.
    const seq = ++this.#countsSeq;
    try {
      const counts: ViewCount[] = await commands.viewCounts();
      if (seq === this.#countsSeq) this.counts = countsByKey(counts);
    } catch (e) {
      errors.report(e);
    }
  }

  setProgress(p: FillProgress): void {
    this.progress = p.total > 0 && p.done < p.total ? p : null;
  }

  /** Display labels; the `…FullName` variants keep any explanation for tooltips. */
  categoryName = (id: Category): string => shortLabel(this.categoryFullName(id));
  channelName = (id: Channel): string => shortLabel(this.channelFullName(id));
  categoryFullName = (id: Category): string => locale.name(this.#categories.get(id)?.name, id);
  channelFullName = (id: Channel): string => locale.name(this.#channels.get(id)?.name, id);
  /** Assignee ids come from the hub; fall back to the id when the team list lacks it. */
  agentName = (id: string): string => this.info?.agents.find((a) => a.id === id)?.name ?? id;
  groupName = (id: string): string => this.info?.groups.find((g) => g.id === id)?.name ?? id;
  isUrgentCategory = (id: Category): boolean => this.#categories.get(id)?.urgent ?? false;
}

export const workspace = new WorkspaceState();
