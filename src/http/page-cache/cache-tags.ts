import type { ContentChange } from '../../db/change-feed.ts';
import type { ChannelTree } from '../../domain/channels/channel-tree.ts';
import { parseArticlePath } from '../site-urls.ts';

/**
 * The tag vocabulary of the page cache (also sent as Surrogate-Key to a CDN):
 *   site            every page (nav, 新媒体 and settings show everywhere)
 *   latest          pages with the sidebar's latest list (every HTML page)
 *   home            the front page
 *   article:ID      every page that shows or links article ID (its own page included)
 *   list:CID        channel CID's list pages and feeds (they include sub-channels' articles)
 *   siblings:CID    article pages in channel CID (上一篇/下一篇 and 相关新闻 come from the channel)
 *   feeds           the site-wide feeds
 *   sitemaps        sitemap index, monthly and news sitemaps
 *   content         other cacheable pages whose content depends on articles (search, …)
 */

/** Feed paths: /rss.xml, /atom.xml, /feed.json and /feeds/<channel path>/<same names>. */
const FEED_FILE = /^(rss\.xml|atom\.xml|feed\.json)$/;
const LINKED_ARTICLE = /\/\d{4}\/\d{2}\/\d{2}\/(\d{1,12})\.html/g;
/** A page linking more articles than this is tagged `content` instead (purged on any article change). */
const MAX_ARTICLE_TAGS = 300;

/** The tags of a rendered page, from its path and the articles it links to. */
export function tagsForPage(path: string, body: string, isHtml: boolean, tree: ChannelTree | undefined): string[] {
  const tags = new Set<string>(['site']);
  for (const tag of kindTags(path, tree)) tags.add(tag);
  if (isHtml) tags.add('latest');
  const linked = new Set<string>();
  for (const match of body.matchAll(LINKED_ARTICLE)) {
    linked.add(`article:${match[1]}`);
    if (linked.size > MAX_ARTICLE_TAGS) break;
  }
  if (linked.size > MAX_ARTICLE_TAGS) tags.add('content');
  else for (const tag of linked) tags.add(tag);
  return [...tags];
}

function kindTags(path: string, tree: ChannelTree | undefined): string[] {
  if (path === '/') return ['home'];
  const article = parseArticlePath(path);
  if (article) {
    const channel = tree?.findByPath(article.channelPath);
    return channel ? [`article:${article.id}`, `siblings:${channel.id}`] : [`article:${article.id}`, 'content'];
  }
  if (FEED_FILE.test(path.slice(1))) return ['feeds'];
  if (path.startsWith('/feeds/')) {
    const channel = tree?.findByPath(path.slice('/feeds/'.length).replace(/\/[^/]*$/, ''));
    return channel ? [`list:${channel.id}`] : ['feeds', 'content'];
  }
  if (path === '/sitemap.xml' || path.startsWith('/sitemaps/')) return ['sitemaps'];
  if (path === '/robots.txt') return [];
  const channel = path.endsWith('/') ? tree?.findByPath(path.replace(/^\/+|\/+$/g, '')) : undefined;
  return channel ? [`list:${channel.id}`] : ['content'];
}

/**
 * The tags a committed change makes stale. Whether the sidebar's latest list changed is decided
 * separately (it needs a query); see the page-cache plugin.
 */
export function tagsForChange(change: ContentChange, tree: ChannelTree | undefined): string[] {
  if (change.kind !== 'article') return ['site'];
  if (!tree) return ['site'];
  const tags = new Set([`article:${change.articleId}`, 'home', 'feeds', 'sitemaps', 'content']);
  for (const channelId of change.channelIds) {
    tags.add(`siblings:${channelId}`);
    tags.add(`list:${channelId}`);
    for (const ancestor of tree.ancestry(channelId)) tags.add(`list:${ancestor.id}`);
  }
  return [...tags];
}
