import type { ChannelTree } from '../domain/channels/channel-tree.ts';
import { dateSegments } from '../domain/shared/time.ts';

/**
 * The public URL scheme, in one place:
 *   /news/world/                         a channel (page 1)
 *   /news/world/?page=2                  further pages
 *   /news/world/2025/05/19/123.html      an article, dated in the site's time zone
 */
export class SiteUrls {
  constructor(
    private readonly tree: ChannelTree,
    private readonly timeZone: string,
  ) {}

  channel(channelId: number, page = 1): string {
    const base = `/${this.tree.pathOf(channelId)}/`;
    return page > 1 ? `${base}?page=${page}` : base;
  }

  article(article: { id: number; channelId: number; publishedAt: string }): string {
    const [year, month, day] = dateSegments(article.publishedAt, this.timeZone);
    return `/${this.tree.pathOf(article.channelId)}/${year}/${month}/${day}/${article.id}.html`;
  }
}

/** Splits an article path into its channel path and id, or returns undefined if it is not one. */
export function parseArticlePath(path: string): { channelPath: string; id: number } | undefined {
  const match = /^\/(.+)\/\d{4}\/\d{2}\/\d{2}\/(\d{1,12})\.html$/.exec(path);
  if (!match?.[1] || !match[2]) return undefined;
  return { channelPath: match[1], id: Number(match[2]) };
}
