import type { FastifyInstance } from 'fastify';
import { listFlagged, listGroupsPublished, listPublished } from '../../../domain/articles/article.queries.ts';
import { listFocusArticles } from '../../../domain/blocks/block.service.ts';
import { findMedia } from '../../../domain/media/media.service.ts';
import { HomePage } from '../../../views/pages/home-page.tsx';
import { toImageView } from '../../presenters/image-view.ts';
import { chromeFor, loadSiteContext, toLinkItem } from '../../site-context.ts';
import type { AppDeps } from '../../../app.tsx';

const FOCUS_ITEMS = 5;
const IMPORTANT_ITEMS = 12;
const BLOCK_ITEMS = 6;
const PHOTO_ITEMS = 4;

export function registerHomeRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get('/', async (_request, reply) => {
    const context = await loadSiteContext(deps.db);
    const { db } = deps;
    const [headline] = await listFlagged(db, 'is_headline', 1);
    // The focus carousel in the editors' order (newsroom: /admin/blocks).
    const focus = await listFocusArticles(db, FOCUS_ITEMS);
    const important = await listPublished(db, { pageSize: IMPORTANT_ITEMS + 1, withTotal: false });
    const blockChannels = context.tree.nav().filter((c) => c.kind === 'list' || c.kind === 'photo');
    const blockItems = await listGroupsPublished(
      db,
      blockChannels.map((channel) => ({ channelIds: context.tree.subtreeIds(channel.id), limit: channel.kind === 'photo' ? PHOTO_ITEMS : BLOCK_ITEMS })),
    );
    const blocks = blockChannels.map((channel, index) => ({ channel, items: blockItems[index] ?? [] }));
    const coverIds = [...focus, ...blocks.flatMap((b) => (b.channel.kind === 'photo' ? b.items : []))].flatMap((a) =>
      a.coverMediaId ? [a.coverMediaId] : [],
    );
    const covers = await findMedia(db, coverIds);
    const withCover = (article: (typeof focus)[number]) => {
      const media = article.coverMediaId ? covers.get(article.coverMediaId) : undefined;
      return { ...toLinkItem(context, article), image: media && toImageView(media, article.title) };
    };
    const html = (
      <HomePage
        chrome={chromeFor(context, undefined, '/')}
        head={{ title: context.settings.name, description: context.settings.tagline || undefined, canonicalUrl: '/' }}
        headline={headline && toLinkItem(context, headline)}
        focus={focus.map(withCover)}
        important={important.items.filter((a) => a.id !== headline?.id).slice(0, IMPORTANT_ITEMS).map((a) => toLinkItem(context, a))}
        blocks={blocks
          .filter((b) => b.items.length > 0)
          .map((b) => ({
            name: b.channel.name,
            url: context.urls.channel(b.channel.id),
            kind: b.channel.kind === 'photo' ? ('photo' as const) : ('list' as const),
            items: b.items.map(withCover),
          }))}
      />
    );
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
