import type { FastifyInstance, FastifyReply } from 'fastify';
import { type ListCursor, countPublished, findNeighbours, findPublishedArticle, listPublished } from '../../../domain/articles/article.queries.ts';
import { listRelated } from '../../../domain/search/related.service.ts';
import type { ChannelRow } from '../../../db/schema.ts';
import { findRedirectedChannel } from '../../../domain/channels/channel.service.ts';
import { findMedia } from '../../../domain/media/media.service.ts';
import { ArticlePage } from '../../../views/pages/article-page.tsx';
import { ChannelPage } from '../../../views/pages/channel-page.tsx';
import type { AppDeps } from '../../../app.tsx';
import { AppError } from '../../errors.ts';
import { figureMediaIds, presentArticlePage } from '../../presenters/article-presenter.ts';
import { toImageView } from '../../presenters/image-view.ts';
import { type SiteContext, chromeFor, loadSiteContext, memoInContext, toLinkItem } from '../../site-context.ts';
import { siteOrigin } from '../../request-origin.ts';
import { parseArticlePath } from '../../site-urls.ts';

const PAGE_SIZE = 20;
const RELATED_ITEMS = 6;
/** Page numbers a visitor may type; anything else is sent back to page 1. */
const PAGE_NUMBER = /^[1-9]\d{0,8}$/;

/**
 * Channel and article pages share one wildcard route because channel paths have any depth
 * (/news/ and /news/world/); the path's shape decides which page it is.
 */
export function registerSitePathRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const article = parseArticlePath(path);
    const context = await loadSiteContext(deps.db);
    if (article) return sendArticle(context, reply, path, article.id, siteOrigin(context.delivery.siteUrl, request));
    const query = request.query as Record<string, unknown>;
    return sendChannel(context, reply, path, query.page, query.before);
  });
}

async function sendArticle(context: SiteContext, reply: FastifyReply, path: string, id: number, origin: string) {
  const article = await findPublishedArticle(context.db, id);
  if (!article) throw new AppError('NOT_FOUND');
  const canonical = context.urls.article(article);
  // Old channel slugs and wrong dates lead to the one true URL.
  if (canonical !== path) return reply.redirect(canonical, 301);
  const [neighbours, related, media] = await Promise.all([
    findNeighbours(context.db, article),
    listRelated(context.db, article, RELATED_ITEMS),
    findMedia(context.db, figureMediaIds(article.bodyHtml)),
  ]);
  const props = presentArticlePage(context, { article, ...neighbours, related, media, origin });
  return reply.type('text/html; charset=utf-8').send(<ArticlePage {...props} />);
}

async function sendChannel(context: SiteContext, reply: FastifyReply, path: string, rawPage: unknown, rawBefore: unknown) {
  const channelPath = path.replace(/^\/+|\/+$/g, '');
  const channel = context.tree.findByPath(channelPath);
  if (!channel) {
    const movedId = await findRedirectedChannel(context.db, channelPath);
    if (movedId !== undefined && context.tree.byId.has(movedId)) return reply.redirect(context.urls.channel(movedId), 301);
    throw new AppError('NOT_FOUND');
  }
  const canonical = context.urls.channel(channel.id);
  if (path !== canonical.split('?')[0]) return reply.redirect(canonical, 301);
  // ?before= (an older-stories link) wins over ?page=; either malformed leads back to page 1.
  const after = rawBefore === undefined ? undefined : parseCursor(rawBefore);
  const page = rawBefore === undefined ? parsePage(rawPage) : 1;
  if (page === undefined || after === null) return reply.redirect(canonical, 302);

  const channelIds = context.tree.subtreeIds(channel.id);
  const [listing, total] = await Promise.all([
    listPublished(context.db, { channelIds, page, after, pageSize: PAGE_SIZE, withTotal: false, withNext: true }),
    memoInContext(context, `count:${channel.id}`, () => countPublished(context.db, channelIds)),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (after ? listing.items.length === 0 : page > pageCount) throw new AppError('NOT_FOUND');
  const covers = channel.kind === 'photo' ? await findMedia(context.db, listing.items.flatMap((a) => (a.coverMediaId ? [a.coverMediaId] : []))) : new Map();
  const parentUrl = channel.parent_id === null ? '/' : context.urls.channel(channel.parent_id);
  const olderUrl = (cursor: ListCursor) => `${canonical}?before=${formatCursor(cursor)}`;
  return reply.type('text/html; charset=utf-8').send(
    <ChannelPage
      chrome={chromeFor(context, channel.id, parentUrl)}
      head={{ title: channel.name, description: channel.description || undefined, canonicalUrl: after ? olderUrl(after) : context.urls.channel(channel.id, page), channelFeedUrl: `/feeds/${context.tree.pathOf(channel.id)}/rss.xml` }}
      crumbs={[{ name: context.t('home'), url: '/' }, ...crumbsOf(context, channel)]}
      name={channel.name}
      description={channel.description}
      kind={channel.kind}
      subChannels={subChannelTabs(context, channel)}
      items={listing.items.map((item) => {
        const media = item.coverMediaId ? covers.get(item.coverMediaId) : undefined;
        return { ...toLinkItem(context, item), image: media && toImageView(media, item.title) };
      })}
      pagination={{
        page,
        pageCount,
        urlFor: (n) => context.urls.channel(channel.id, n),
        nextUrl: listing.next && olderUrl(listing.next),
        unnumbered: after !== undefined,
      }}
    />,
  );
}

/**
 * An older-stories position as links write it: `<published_at>,<id>`, with `,top` for a 置顶
 * story. Only the stored time format is accepted, so each position has one URL. null when
 * malformed.
 */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z),([1-9]\d{0,11})(,top)?$/;

function parseCursor(raw: unknown): ListCursor | null {
  const match = typeof raw === 'string' ? CURSOR.exec(raw) : null;
  if (!match?.[1] || !match[2] || Number.isNaN(Date.parse(match[1]))) return null;
  return { publishedAt: match[1], id: Number(match[2]), pinned: match[3] !== undefined };
}

function formatCursor(cursor: ListCursor): string {
  return `${cursor.publishedAt},${cursor.id}${cursor.pinned ? ',top' : ''}`;
}

/** undefined for a malformed page number (the caller redirects to page 1). */
function parsePage(raw: unknown): number | undefined {
  if (raw === undefined) return 1;
  return typeof raw === 'string' && PAGE_NUMBER.test(raw) ? Number(raw) : undefined;
}

function crumbsOf(context: SiteContext, channel: ChannelRow) {
  const chain = context.tree.ancestry(channel.id);
  return chain.map((c, index) => (index === chain.length - 1 ? { name: c.name } : { name: c.name, url: context.urls.channel(c.id) }));
}

/** A sub-channel shows its siblings as tabs, a parent shows its children. */
function subChannelTabs(context: SiteContext, channel: ChannelRow) {
  const children = context.tree.children(channel.id);
  const tabs = children.length ? children : channel.parent_id !== null ? context.tree.children(channel.parent_id) : [];
  return tabs.map((c) => ({ name: c.name, url: context.urls.channel(c.id), current: c.id === channel.id }));
}
