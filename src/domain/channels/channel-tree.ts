import type { ChannelRow } from '../../db/schema.ts';

/**
 * The channel tree in memory. A portal has tens to hundreds of channels, so the whole tree is
 * loaded at once and every path, breadcrumb and nav question is answered without a query.
 */
export class ChannelTree {
  readonly byId = new Map<number, ChannelRow>();
  private readonly byPath = new Map<string, ChannelRow>();
  private readonly pathById = new Map<number, string>();
  private readonly childrenById = new Map<number | null, ChannelRow[]>();

  constructor(channels: readonly ChannelRow[]) {
    const sorted = [...channels].sort((a, b) => a.position - b.position || a.id - b.id);
    for (const channel of sorted) {
      this.byId.set(channel.id, channel);
      const siblings = this.childrenById.get(channel.parent_id) ?? [];
      siblings.push(channel);
      this.childrenById.set(channel.parent_id, siblings);
    }
    for (const channel of sorted) {
      const path = this.computePath(channel);
      this.pathById.set(channel.id, path);
      this.byPath.set(path, channel);
    }
  }

  /** "news/world" for 国际新闻 under 新闻. */
  pathOf(id: number): string {
    const path = this.pathById.get(id);
    if (path === undefined) throw new Error(`channel ${id} is not in the tree`);
    return path;
  }

  findByPath(path: string): ChannelRow | undefined {
    return this.byPath.get(path);
  }

  children(id: number | null): readonly ChannelRow[] {
    return this.childrenById.get(id) ?? [];
  }

  /** Top-level channels shown in the navigation bar, in order. */
  nav(): ChannelRow[] {
    return this.children(null).filter((c) => c.in_nav === 1);
  }

  /** Root first, the channel itself last. */
  ancestry(id: number): ChannelRow[] {
    const chain: ChannelRow[] = [];
    let current = this.byId.get(id);
    while (current) {
      chain.unshift(current);
      current = current.parent_id === null ? undefined : this.byId.get(current.parent_id);
    }
    return chain;
  }

  /** The channel and every channel below it: a parent's list shows its sub-channels' articles. */
  subtreeIds(id: number): number[] {
    const ids = [id];
    for (const child of this.children(id)) ids.push(...this.subtreeIds(child.id));
    return ids;
  }

  private computePath(channel: ChannelRow): string {
    const slugs: string[] = [];
    const seen = new Set<number>();
    let current: ChannelRow | undefined = channel;
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      slugs.unshift(current.slug);
      current = current.parent_id === null ? undefined : this.byId.get(current.parent_id);
    }
    return slugs.join('/');
  }
}
