import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db/create-db.ts';
import { EditConflictError, EmbargoError, WorkflowError } from './domain/articles/article-workflow.service.ts';
import { ArticleError } from './domain/articles/article.service.ts';
import { ChannelError } from './domain/channels/channel.service.ts';
import { MediaError } from './domain/media/media.service.ts';
import { SettingsError } from './domain/settings/site-settings.ts';
import { PasswordError } from './domain/users/password.ts';
import { ForbiddenError } from './domain/users/policy.ts';
import { UserError } from './domain/users/user.service.ts';
import { ApiTokenError } from './domain/users/api-token.service.ts';
import { SESSION_COOKIE, isNewsroomUrl, registerStaffSessions } from './http/auth/staff-session.ts';
import { AppError, ERRORS, errorJson } from './http/errors.ts';
import { registerArticleAdminRoutes } from './http/routes/admin/articles.route.tsx';
import { registerTokenAdminRoutes } from './http/routes/admin/tokens.route.tsx';
import { isApiUrl, sendApiError } from './http/routes/api/api-errors.ts';
import { API_PREFIX, apiV1Plugin } from './http/routes/api/v1.route.ts';
import { registerMediaAdminRoutes } from './http/routes/admin/media.route.tsx';
import { registerAuthRoutes } from './http/routes/admin/auth.route.tsx';
import { registerImportRoutes } from './http/routes/admin/import.route.tsx';
import { registerWireRoutes } from './http/routes/admin/wires.route.tsx';
import { registerDashboardRoute } from './http/routes/admin/dashboard.route.tsx';
import { registerAuditAdminRoutes } from './http/routes/admin/audit.route.tsx';
import { registerBlockAdminRoutes } from './http/routes/admin/blocks.route.tsx';
import { registerChannelAdminRoutes } from './http/routes/admin/channels.route.tsx';
import { registerSettingsAdminRoutes } from './http/routes/admin/settings.route.tsx';
import { registerUserAdminRoutes } from './http/routes/admin/users.route.tsx';
import { createPageCache, pageCacheServerFactory, registerPageCache } from './http/page-cache/page-cache.plugin.ts';
import { registerFeedRoutes } from './http/routes/site/feeds.route.ts';
import { registerSitemapRoutes } from './http/routes/site/sitemaps.route.ts';
import { registerHomeRoute } from './http/routes/site/home.route.tsx';
import { registerSitePathRoute } from './http/routes/site/site-path.route.tsx';
import { registerSearchRoute } from './http/routes/site/search.route.tsx';
import { chromeFor, enableSiteContextMemo, loadSiteContext } from './http/site-context.ts';
import { ErrorPage } from './views/pages/error-page.tsx';

/** What routes need from the outside world; tests build it with a test database. */
export interface AppDeps {
  config: Config;
  db: Db;
}

const SRC_DIR = path.dirname(fileURLToPath(import.meta.url));
const ASSETS_DIR = path.join(SRC_DIR, 'views', 'assets');
/** The browser islands built by Vite (`npm run build:client`). */
const CLIENT_DIR = path.join(SRC_DIR, '..', 'dist', 'client');

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
  // Settings, channel tree and sidebars stay in memory until the change feed says they changed.
  enableSiteContextMemo(deps.db);
  if (pageCache) registerPageCache(app, deps.db, pageCache);

  await app.register(fastifyStatic, { root: ASSETS_DIR, prefix: '/assets/', maxAge: '1d' });
  await app.register(fastifyStatic, {
    root: path.join(deps.config.dataDir, 'media'),
    prefix: '/media/',
    decorateReply: false,
    maxAge: '30d',
    immutable: true,
  });

  await app.register(fastifyStatic, { root: CLIENT_DIR, prefix: '/admin/assets/', decorateReply: false, maxAge: '1h' });
  await app.register(fastifyFormbody, { bodyLimit: 2 * 1024 * 1024 });
  await app.register(fastifyRateLimit, { global: false });
  await registerStaffSessions(app, deps.db);

  registerAuthRoutes(app, deps);
  registerDashboardRoute(app, deps);
  registerArticleAdminRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerWireRoutes(app, deps);
  registerChannelAdminRoutes(app, deps);
  registerSettingsAdminRoutes(app, deps);
  registerBlockAdminRoutes(app, deps);
  registerAuditAdminRoutes(app, deps);
  registerUserAdminRoutes(app, deps);
  registerTokenAdminRoutes(app, deps);
  registerMediaAdminRoutes(app, deps);

  registerHomeRoute(app, deps);
  registerSitePathRoute(app, deps);
  registerSearchRoute(app, deps);
  registerFeedRoutes(app, deps);
  registerSitemapRoutes(app, deps);

  app.setNotFoundHandler((request, reply) =>
    isApiUrl(request.url) ? sendApiError(request, reply, undefined, new AppError('NOT_FOUND')) : sendErrorPage(deps, request, reply, new AppError('NOT_FOUND')),
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toAppError(error);
    if (isApiUrl(request.url)) return sendApiError(request, reply, error, known);
    if (known && isNewsroomUrl(request.url)) return sendNewsroomError(request, reply, known);
    if (known) return sendErrorPage(deps, request, reply, known);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendErrorPage(deps, request, reply, new AppError('BAD_REQUEST', error.message), error.statusCode);
    }
    request.log.error(error);
    return sendErrorPage(deps, request, reply, new AppError('INTERNAL'));
  });
  // After the error handler: an encapsulated plugin keeps the handler it saw when registered.
  await app.register(apiV1Plugin(deps), { prefix: API_PREFIX });
  return app;
}

/** Domain errors that mean "your input was wrong". */
const INPUT_ERRORS = [ArticleError, MediaError, ChannelError, SettingsError, UserError, PasswordError, ApiTokenError];

/** Errors the domain and plugins raise on purpose, mapped to the catalogue. */
function toAppError(error: FastifyError): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ForbiddenError) return new AppError('FORBIDDEN', error.message);
  if (error instanceof EditConflictError) return new AppError('EDIT_CONFLICT', error.message);
  if (error instanceof EmbargoError) return new AppError('EMBARGOED', error.message, error.problems);
  if (error instanceof WorkflowError) return new AppError('WORKFLOW', error.message, error.problems);
  if (INPUT_ERRORS.some((type) => error instanceof type)) return new AppError('VALIDATION', error.message);
  if (error.statusCode === 429) return new AppError('RATE_LIMITED');
  if (error.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (error.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA');
  return undefined;
}

/**
 * Newsroom errors: JSON for the newsroom's own API calls, a login redirect for a missing
 * session, otherwise a short page that says what happened.
 */
function sendNewsroomError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const wantsJson = request.url.startsWith('/admin/api/') || request.headers.accept?.includes('application/json');
  if (wantsJson) return reply.code(error.status).header('cache-control', 'no-store').send(errorJson(error));
  if (error.code === 'UNAUTHENTICATED') {
    // "Your session expired" only for someone who had one; a first visit just gets the form.
    const params = new URLSearchParams();
    if (request.cookies[SESSION_COOKIE]) params.set('reason', 'expired');
    if (request.method === 'GET') params.set('next', request.url);
    const query = params.toString();
    return reply.redirect(`/admin/login${query ? `?${query}` : ''}`, 303);
  }
  const entry = ERRORS[error.code];
  const back = '<p><a href="/admin">返回工作台 / Dashboard</a></p>';
  return reply
    .code(error.status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><link rel="stylesheet" href="/assets/admin.css"><title>${error.status}</title><main class="admin-error"><h1>${error.status} ${entry.zh}</h1><p>${entry.en}</p>${back}</main></html>`);
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
