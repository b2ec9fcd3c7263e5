import http, { type IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyServerFactory } from 'fastify';
import type { Db } from '../../db/create-db.ts';
import { listPublished } from '../../domain/articles/article.queries.ts';
import { SIDEBAR_LATEST, enableSiteContextMemo, loadSiteContext, peekChannelTree } from '../site-context.ts';
import { tagsForChange, tagsForPage } from './cache-tags.ts';
import { PageCache } from './page-cache.ts';
import { createPurgeNotifier } from './purge-webhook.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Opt a route into the page cache; `ttlSeconds` for pages that go stale by the clock. */
    pageCache?: boolean | { ttlSeconds: number };
  }
}

/** The public pages of the skeleton (home; channel and article pages); other routes opt in by config. */
const CACHED_ROUTES = new Set(['/', '/*']);
const CACHEABLE_TYPE = /^(text\/html|text\/plain|text\/xml|application\/xml|application\/(rss|atom)\+xml|application\/(feed\+)?json)/;

const caches = new WeakMap<FastifyInstance, PageCache>();

/** The page cache of an app, if it has one (tests and the benchmark look inside). */
export function pageCacheOf(app: FastifyInstance): PageCache | undefined {
  return caches.get(app);
}

/**
 * A node:http server that answers cache hits before Fastify sees the request, so a hit costs
 * about what a bare server costs. Misses go to Fastify unchanged.
 */
export function pageCacheServerFactory(cache: PageCache): FastifyServerFactory {
  return (handler) =>
    http.createServer((req, res) => {
      if (!cache.serve(req, res)) handler(req, res);
    });
}

/**
 * Hooks the cache into the app: answers hits (for inject(), which bypasses the server factory),
 * stores eligible 200 responses with their tags, and purges on every committed content change.
 */
export function registerPageCache(app: FastifyInstance, db: Db, cache: PageCache): void {
  caches.set(app, cache);
  enableSiteContextMemo(db);
  const generations = new WeakMap<IncomingMessage, number>();

  app.addHook('onRequest', async (request, reply) => {
    if (!PageCache.eligible(request.raw)) return;
    if (cache.serve(request.raw, reply.raw)) {
      reply.hijack();
      return reply;
    }
    generations.set(request.raw, cache.generation);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const generation = generations.get(request.raw);
    if (generation === undefined || request.method !== 'GET' || reply.statusCode !== 200) return payload;
    const routeConfig = request.routeOptions.config.pageCache;
    if (!routeConfig && !CACHED_ROUTES.has(request.routeOptions.url ?? '')) return payload;
    if (reply.hasHeader('set-cookie') || /private|no-store/.test(String(reply.getHeader('cache-control') ?? ''))) return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (!CACHEABLE_TYPE.test(contentType) || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    const path = request.url.split('?')[0] ?? '/';
    const text = typeof payload === 'string' ? payload : body.toString('latin1');
    const tags = tagsForPage(path, text, contentType.startsWith('text/html'), peekChannelTree(db));
    const ttlMs = typeof routeConfig === 'object' ? routeConfig.ttlSeconds * 1000 : undefined;
    const headers = cache.store(PageCache.keyOf(request.raw), generation, { status: 200, contentType, body, tags, ttlMs });
    if (headers) {
      for (const name of ['etag', 'cache-control', 'surrogate-key', 'vary'] as const) reply.header(name, headers[name]);
    }
    return payload;
  });

  const checkLatest = watchLatestList(db, cache);
  db.changes.subscribe((change) => {
    cache.purge(tagsForChange(change, peekChannelTree(db)));
    if (change.kind === 'article') checkLatest();
  });
  app.addHook('onReady', async () => {
    checkLatest(false);
  });
}

/**
 * Every HTML page shows the latest articles in its sidebar. A change to an article already in
 * that list is purged through its `article:` tag; whether a change brings an article into the
 * list (or drops one out) needs a query, and while it runs the cache answers nothing.
 */
function watchLatestList(db: Db, cache: PageCache): (afterChange?: boolean) => void {
  let shown: string | undefined;
  let queue = Promise.resolve();
  return (afterChange = true) => {
    const release = cache.hold();
    queue = queue.then(async () => {
      try {
        const { items } = await listPublished(db, { pageSize: SIDEBAR_LATEST, withTotal: false, pinnedFirst: false });
        const ids = items.map((item) => item.id).join(',');
        if (ids !== shown && (afterChange || shown !== undefined)) cache.purge(['latest']);
        shown = ids;
      } catch {
        shown = undefined;
        cache.purge(['latest']);
      } finally {
        release();
      }
    });
  };
}

/** The cache for this app, or undefined when `INKSTONE_PAGE_CACHE=off`. */
export function createPageCache(
  db: Db,
  enabled: boolean,
  options: { maxBytes?: number; log: { warn: (obj: object, msg: string) => void } },
): PageCache | undefined {
  if (!enabled) return undefined;
  const notify = createPurgeNotifier(async () => (await loadSiteContext(db)).delivery.purgeWebhookUrl, options.log);
  return new PageCache({ maxBytes: options.maxBytes, onPurge: notify });
}
