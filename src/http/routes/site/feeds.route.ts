import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import type { ChannelRow } from '../../../db/schema.ts';
import { type FeedData, buildAtom, buildJsonFeed, buildRss } from '../../../domain/feeds/feed-builders.ts';
import { type FeedArticle, listFeedArticles } from '../../../domain/feeds/feed.queries.ts';
import { textOf } from '../../../domain/feeds/xml.ts';
import { findMedia } from '../../../domain/media/media.service.ts';
import { AppError } from '../../errors.ts';
import { toImageView } from '../../presenters/image-view.ts';
import { siteOrigin } from '../../request-origin.ts';
import { type SiteContext, loadSiteContext } from '../../site-context.ts';

type FeedFormat = 'rss' | 'atom' | 'json';

const FORMATS: Record<string, { format: FeedFormat; type: string; build: (feed: FeedData) => string }> = {
  'rss.xml': { format: 'rss', type: 'application/rss+xml; charset=utf-8', build: buildRss },
  'atom.xml': { format: 'atom', type: 'application/atom+xml; charset=utf-8', build: buildAtom },
  'feed.json': { format: 'json', type: 'application/feed+json; charset=utf-8', build: buildJsonFeed },
};

const SUMMARY_CHARS = 140;

/**
 * Feeds: /rss.xml, /atom.xml, /feed.json for the whole site, and /feeds/<channel path>/rss.xml
 * (atom.xml, feed.json) per channel, including its sub-channels. Unknown channels answer 404.
 */
export function registerFeedRoutes(app: FastifyInstance, deps: AppDeps): void {
  const options = { config: { pageCache: true } };
  for (const file of Object.keys(FORMATS)) {
    app.get(`/${file}`, options, (request, reply) => sendFeed(deps, request, reply, undefined, file));
  }
  app.get('/feeds/*', options, async (request, reply) => {
    const rest = (request.params as { '*': string })['*'];
    const match = /^(.+)\/(rss\.xml|atom\.xml|feed\.json)$/.exec(rest);
    if (!match?.[1] || !match[2]) throw new AppError('NOT_FOUND');
    const context = await loadSiteContext(deps.db);
    const channel = context.tree.findByPath(match[1]);
    if (!channel) throw new AppError('NOT_FOUND');
    return sendFeed(deps, request, reply, channel, match[2]);
  });
}

async function sendFeed(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, channel: ChannelRow | undefined, file: string) {
  const format = FORMATS[file];
  if (!format) throw new AppError('NOT_FOUND');
  const context = await loadSiteContext(deps.db);
  const origin = siteOrigin(context.delivery.siteUrl, request);
  const articles = await listFeedArticles(deps.db, {
    channelIds: channel ? context.tree.subtreeIds(channel.id) : undefined,
    limit: context.delivery.feedItems,
    withBody: true,
  });
  const feed = await toFeedData(context, origin, channel, file, articles);
  return reply.type(format.type).send(format.build(feed));
}

async function toFeedData(context: SiteContext, origin: string, channel: ChannelRow | undefined, file: string, articles: FeedArticle[]): Promise<FeedData> {
  const { settings, tree, urls, delivery } = context;
  const covers = await findMedia(context.db, articles.flatMap((a) => (a.coverMediaId ? [a.coverMediaId] : [])));
  const items = articles
    .filter((a) => tree.byId.has(a.channelId))
    .map((a) => {
      const cover = a.coverMediaId ? covers.get(a.coverMediaId) : undefined;
      const image = cover && toImageView(cover);
      return {
        id: a.id,
        url: origin + urls.article(a),
        title: a.title,
        summary: a.summary || textOf(a.bodyHtml, SUMMARY_CHARS),
        contentHtml: delivery.feedFullText ? absolutiseUrls(a.bodyHtml, origin) : undefined,
        publishedAt: a.publishedAt,
        updatedAt: a.updatedAt,
        authors: a.reporters.length ? a.reporters : a.originalAuthor ? [a.originalAuthor] : [],
        category: tree.byId.get(a.channelId)?.name,
        image: image && { url: origin + image.src, type: 'image/jpeg', width: image.width, height: image.height },
      };
    });
  const newest = articles.reduce((max, a) => (a.updatedAt > max ? a.updatedAt : max), '');
  return {
    title: channel ? `${channel.name} - ${settings.name}` : settings.name,
    description: (channel ? channel.description : settings.tagline) || (channel?.name ?? settings.name),
    homeUrl: origin + (channel ? urls.channel(channel.id) : '/'),
    selfUrl: origin + (channel ? `/feeds/${tree.pathOf(channel.id)}/${file}` : `/${file}`),
    language: settings.locale,
    updatedAt: newest || new Date().toISOString(),
    items,
  };
}

/** Feed readers resolve nothing against the site: root-relative src, href and srcset become absolute. */
export function absolutiseUrls(html: string, origin: string): string {
  return html
    .replace(/(\s(?:src|href)=")\/(?!\/)/g, `$1${origin}/`)
    .replace(/\ssrcset="[^"]*"/g, (attr) => attr.replace(/(="|,\s*)\/(?!\/)/g, `$1${origin}/`));
}
