import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import { loadChannelTree } from '../../../domain/channels/channel.service.ts';
import { searchArticles } from '../../../domain/search/search.service.ts';
import { getSiteSettings } from '../../../domain/settings/site-settings.ts';
import { SiteUrls } from '../../site-urls.ts';
import { parseSearchParams, toSearchQuery } from '../site/search.route.tsx';

const MAX_PAGE_SIZE = 50;

/**
 * GET /api/v1/search?q=&page=&pageSize=&sort=relevance|time&channel=&from=YYYY-MM-DD&to=&source=
 * Published articles only. `titleHtml` and `snippetHtml` are escaped text with <mark> around
 * matches, safe to insert as HTML.
 */
export function registerSearchApiRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/v1/search', async (request, reply) => {
    const params = parseSearchParams(request.query);
    const rawSize = (request.query as Record<string, unknown> | undefined)?.pageSize;
    const pageSize = typeof rawSize === 'string' && /^\d{1,3}$/.test(rawSize) ? Math.min(MAX_PAGE_SIZE, Math.max(1, Number(rawSize))) : 10;
    const [tree, settings] = await Promise.all([loadChannelTree(deps.db), getSiteSettings(deps.db)]);
    const urls = new SiteUrls(tree, settings.timeZone);
    const results = await searchArticles(deps.db, toSearchQuery(params, tree, pageSize));
    return reply.header('cache-control', 'no-store').send({
      query: results.query,
      sort: results.sort,
      total: results.total,
      totalIsLowerBound: results.totalIsLowerBound,
      page: results.page,
      pageSize: results.pageSize,
      pageCount: results.pageCount,
      items: results.items.map((hit) => ({
        id: hit.id,
        title: hit.title,
        titleHtml: hit.safeTitle,
        snippetHtml: hit.safeSnippet,
        url: urls.article({ id: hit.id, channelId: hit.channelId, publishedAt: hit.publishedAt ?? '' }),
        channelId: hit.channelId,
        source: hit.sourceName,
        publishedAt: hit.publishedAt,
        score: hit.score,
      })),
    });
  });
}
