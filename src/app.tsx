import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db/create-db.ts';
import { AppError, ERRORS } from './http/errors.ts';
import { createPageCache, pageCacheServerFactory, registerPageCache } from './http/page-cache/page-cache.plugin.ts';
import { registerRequestOrigin } from './http/request-origin.ts';
import { registerFeedRoutes } from './http/routes/site/feeds.route.ts';
import { registerSitemapRoutes } from './http/routes/site/sitemaps.route.ts';
import { registerHomeRoute } from './http/routes/site/home.route.tsx';
import { registerSitePathRoute } from './http/routes/site/site-path.route.tsx';
import { chromeFor, loadSiteContext } from './http/site-context.ts';
import { ErrorPage } from './views/pages/error-page.tsx';

/** What routes need from the outside world; tests build it with a test database. */
export interface AppDeps {
  config: Config;
  db: Db;
}

const ASSETS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'views', 'assets');

/** Builds the whole web application without listening; `server.ts` listens, tests use inject(). */
export async function buildApp(deps: AppDeps, options: { logger?: boolean; pageCacheBytes?: number } = {}): Promise<FastifyInstance> {
  // The page cache answers hits in front of the router (server factory), so it exists first.
  const pageCache = createPageCache(deps.db, deps.config.pageCache, { maxBytes: options.pageCacheBytes, log: { warn: (o, m) => app.log.warn(o, m) } });
  const app = Fastify({
    logger: options.logger ?? false,
    // Article and channel URLs are case-sensitive and end in a slash; keep them as typed.
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 500 },
    ...(pageCache ? { serverFactory: pageCacheServerFactory(pageCache) } : {}),
  });
  registerRequestOrigin(app);
  if (pageCache) registerPageCache(app, deps.db, pageCache);

  await app.register(fastifyStatic, { root: ASSETS_DIR, prefix: '/assets/', maxAge: '1d' });
  await app.register(fastifyStatic, {
    root: path.join(deps.config.dataDir, 'media'),
    prefix: '/media/',
    decorateReply: false,
    maxAge: '30d',
    immutable: true,
  });

  registerHomeRoute(app, deps);
  registerSitePathRoute(app, deps);
  registerFeedRoutes(app, deps);
  registerSitemapRoutes(app, deps);

  app.setNotFoundHandler((request, reply) => sendErrorPage(deps, request, reply, new AppError('NOT_FOUND')));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendErrorPage(deps, request, reply, error);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendErrorPage(deps, request, reply, new AppError('BAD_REQUEST', error.message), error.statusCode);
    }
    request.log.error(error);
    return sendErrorPage(deps, request, reply, new AppError('INTERNAL'));
  });
  return app;
}

/** Errors are pages in the site's own frame; if even the frame cannot load, a bare page. */
async function sendErrorPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, error: AppError, status = error.status) {
  reply.code(status).type('text/html; charset=utf-8');
  if (request.method === 'HEAD') return reply.send();
  const copy = status === 404 ? 'notFound' : status >= 500 ? 'error' : 'badRequest';
  try {
    const context = await loadSiteContext(deps.db);
    const t = context.t;
    const title = copy === 'notFound' ? t('notFoundTitle') : copy === 'error' ? t('errorTitle') : t('badRequestTitle');
    const text = copy === 'notFound' ? t('notFoundText') : copy === 'error' ? t('errorText') : ERRORS[error.code].zh;
    return reply.send(<ErrorPage chrome={chromeFor(context, undefined, '/')} status={status} title={title} text={text} />);
  } catch (cause) {
    request.log.error(cause);
    return reply.send(`<!doctype html><meta charset="utf-8"><title>${status}</title><h1>${status}</h1>`);
  }
}
