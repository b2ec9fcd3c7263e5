import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import { listRecentArticles, listSitemapMonths, streamSitemapArticles } from '../../../domain/feeds/feed.queries.ts';
import {
  NEWS_SITEMAP_MAX_URLS,
  NEWS_SITEMAP_WINDOW_MS,
  SITEMAP_MAX_URLS,
  type SitemapRef,
  URLSET_FOOTER,
  URLSET_HEADER,
  buildNewsSitemap,
  buildSitemapIndex,
  monthBounds,
  newsLanguage,
  sitemapUrl,
  streamUrlset,
} from '../../../domain/feeds/sitemap-builders.ts';
import { assetUrl } from '../../asset-urls.ts';
import { AppError } from '../../errors.ts';
import { siteOrigin } from '../../request-origin.ts';
import { type SiteContext, loadSiteContext } from '../../site-context.ts';

const XML = 'application/xml; charset=utf-8';
const MONTH_FILE = /^(\d{4}-\d{2})(?:-p([2-9]|[1-9]\d{1,3}))?\.xml$/;

/**
 * /robots.txt, /sitemap.xml (the index), /sitemaps/channels.xml, /sitemaps/news.xml (Google News,
 * last two days) and /sitemaps/YYYY-MM.xml (-p2, -p3… past 50,000 URLs), streamed from the database.
 */
export function registerSitemapRoutes(app: FastifyInstance, deps: AppDeps): void {
  const cached = { config: { pageCache: true } };

  app.get('/robots.txt', cached, async (request, reply) => {
    const origin = originOf(await loadSiteContext(deps.db), request);
    const text = ['User-agent: *', 'Allow: /', 'Disallow: /admin/', '', `Sitemap: ${origin}/sitemap.xml`, `Sitemap: ${origin}/sitemaps/news.xml`, ''];
    return reply.type('text/plain; charset=utf-8').send(text.join('\n'));
  });

  // Browsers ask for /favicon.ico on pages without an icon link (login, error pages): the brand mark.
  app.get('/favicon.ico', async (_request, reply) => reply.redirect(assetUrl('/assets/', 'favicon.svg'), 301));

  app.get('/sitemap.xml', cached, async (request, reply) => {
    const context = await loadSiteContext(deps.db);
    const origin = originOf(context, request);
    const refs: SitemapRef[] = [{ url: `${origin}/sitemaps/channels.xml` }, { url: `${origin}/sitemaps/news.xml` }];
    for (const month of await listSitemapMonths(deps.db)) {
      const parts = Math.ceil(month.count / SITEMAP_MAX_URLS);
      for (let part = 1; part <= parts; part++) {
        refs.push({ url: `${origin}/sitemaps/${month.month}${part > 1 ? `-p${part}` : ''}.xml`, lastmod: month.lastPublished });
      }
    }
    return reply.type(XML).send(buildSitemapIndex(refs));
  });

  app.get('/sitemaps/news.xml', { config: { pageCache: { ttlSeconds: 600 } } }, async (request, reply) => {
    const context = await loadSiteContext(deps.db);
    const origin = originOf(context, request);
    const since = new Date(Date.now() - NEWS_SITEMAP_WINDOW_MS).toISOString();
    const articles = (await listRecentArticles(deps.db, since, NEWS_SITEMAP_MAX_URLS)).filter((a) => context.tree.byId.has(a.channelId));
    const xml = buildNewsSitemap(
      articles.map((a) => ({ url: origin + context.urls.article(a), title: a.title, publishedAt: a.publishedAt })),
      { name: context.settings.name, language: newsLanguage(context.settings.locale) },
    );
    return reply.type(XML).send(xml);
  });

  app.get('/sitemaps/channels.xml', cached, async (request, reply) => {
    const context = await loadSiteContext(deps.db);
    const origin = originOf(context, request);
    const lines = [sitemapUrl(`${origin}/`), ...[...context.tree.byId.keys()].map((id) => sitemapUrl(origin + context.urls.channel(id)))];
    return reply.type(XML).send(URLSET_HEADER + lines.join('') + URLSET_FOOTER);
  });

  // Month sitemaps are streamed (up to 50,000 URLs each) and not kept in the page cache; a CDN may keep them.
  app.get('/sitemaps/:file', async (request, reply) => {
    const match = MONTH_FILE.exec((request.params as { file: string }).file);
    const bounds = match?.[1] ? monthBounds(match[1]) : undefined;
    if (!match || !bounds) throw new AppError('NOT_FOUND');
    const part = Number(match[2] ?? 1);
    const context = await loadSiteContext(deps.db);
    const origin = originOf(context, request);
    const range = { ...bounds, offset: (part - 1) * SITEMAP_MAX_URLS, limit: SITEMAP_MAX_URLS };
    async function* lines() {
      for await (const a of streamSitemapArticles(deps.db, range)) {
        if (context.tree.byId.has(a.channelId)) yield sitemapUrl(origin + context.urls.article(a), a.updatedAt);
      }
    }
    reply.header('cache-control', 'public, max-age=0, s-maxage=3600');
    return reply.type(XML).send(Readable.from(streamUrlset(lines())));
  });
}

function originOf(context: SiteContext, request: FastifyRequest): string {
  return siteOrigin(context.delivery.siteUrl, request);
}
