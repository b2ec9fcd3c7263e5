import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import { searchArticles } from '../../../domain/search/search.service.ts';
import { formatDate } from '../../../domain/shared/time.ts';
import { SearchPage } from '../../../views/pages/search-page.tsx';
import { parseSearchParams, searchUrl, toSearchQuery } from '../../search-params.ts';
import { chromeFor, loadSiteContext } from '../../site-context.ts';

const PAGE_SIZE = 10;

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
