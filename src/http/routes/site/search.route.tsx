import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import type { ChannelTree } from '../../../domain/channels/channel-tree.ts';
import { type SearchQuery, searchArticles } from '../../../domain/search/search.service.ts';
import { formatDate } from '../../../domain/shared/time.ts';
import { SearchPage } from '../../../views/pages/search-page.tsx';
import { chromeFor, loadSiteContext } from '../../site-context.ts';

const PAGE_SIZE = 10;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The reader's search parameters, cleaned: nothing a visitor types can make the search fail. */
export interface SearchParams {
  q: string;
  sort: 'relevance' | 'time';
  page: number;
  channelId?: number;
  from: string;
  to: string;
  source: string;
}

function text(raw: unknown, max: number): string {
  return typeof raw === 'string' ? Array.from(raw).slice(0, max).join('').trim() : '';
}

export function parseSearchParams(query: unknown): SearchParams {
  const raw = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const page = typeof raw.page === 'string' && /^\d{1,10}$/.test(raw.page) ? Math.max(1, Math.min(Number(raw.page), 1_000_000_000)) : 1;
  const channel = typeof raw.channel === 'string' && /^\d{1,9}$/.test(raw.channel) ? Number(raw.channel) : undefined;
  const from = text(raw.from, 10);
  const to = text(raw.to, 10);
  return {
    q: text(raw.q, 100),
    sort: raw.sort === 'time' ? 'time' : 'relevance',
    page,
    channelId: channel,
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
    source: text(raw.source, 50),
  };
}

/** Domain query for parameters; a channel means the channel and its sub-channels. */
export function toSearchQuery(params: SearchParams, tree: ChannelTree, pageSize: number): SearchQuery {
  return {
    q: params.q,
    sort: params.sort,
    page: params.page,
    pageSize,
    channelIds: params.channelId !== undefined && tree.byId.has(params.channelId) ? tree.subtreeIds(params.channelId) : undefined,
    // The reader's dates are days in the site's zone (China has no DST: UTC+8).
    from: params.from ? `${params.from}T00:00:00+08:00` : undefined,
    to: params.to ? `${params.to}T23:59:59.999+08:00` : undefined,
    source: params.source || undefined,
  };
}

export function searchUrl(params: SearchParams, page: number): string {
  const query = new URLSearchParams({ q: params.q });
  if (params.channelId !== undefined) query.set('channel', String(params.channelId));
  if (params.from) query.set('from', params.from);
  if (params.to) query.set('to', params.to);
  if (params.source) query.set('source', params.source);
  if (params.sort === 'time') query.set('sort', 'time');
  if (page > 1) query.set('page', String(page));
  return `/search?${query.toString()}`;
}

/** GET /search: a static route, so Fastify prefers it to the site wildcard `/*`. */
export function registerSearchRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get('/search', async (request, reply) => {
    const params = parseSearchParams(request.query);
    const context = await loadSiteContext(deps.db);
    const results = params.q ? await searchArticles(deps.db, toSearchQuery(params, context.tree, PAGE_SIZE)) : undefined;
    const t = context.t;
    const state = !results || !results.query ? 'empty' : results.total === 0 ? 'none' : results.items.length === 0 ? 'past-end' : 'results';
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        <SearchPage
          chrome={chromeFor(context, undefined, '/')}
          head={{ title: params.q ? t('searchResultsFor', { q: params.q }) : t('searchTitle') }}
          q={params.q}
          sort={params.sort}
          channelId={params.channelId}
          channels={context.tree.nav().map((c) => ({ id: c.id, name: c.name }))}
          from={params.from}
          to={params.to}
          source={params.source}
          state={state}
          total={results?.total ?? 0}
          totalIsLowerBound={results?.totalIsLowerBound ?? false}
          items={(results?.items ?? []).map((hit) => ({
            url: context.urls.article({ id: hit.id, channelId: hit.channelId, publishedAt: hit.publishedAt ?? '' }),
            safeTitle: hit.safeTitle,
            safeSnippet: hit.safeSnippet,
            date: hit.publishedAt ? formatDate(hit.publishedAt, context.settings.timeZone) : '',
            source: hit.sourceName,
          }))}
          pagination={{
            page: Math.min(params.page, results?.pageCount ?? 1),
            pageCount: results?.pageCount ?? 1,
            urlFor: (n) => searchUrl(params, n),
          }}
        />,
      );
  });
}
