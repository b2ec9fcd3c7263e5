import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The origin ("http://host:port") of the request being handled, for absolute URLs in structured
 * data and feeds when no public site address is configured. Pages that depend on it are cached
 * per Host (the cache key includes it), so a forged Host never reaches another visitor.
 */
const origins = new AsyncLocalStorage<string>();

export function registerRequestOrigin(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    origins.run(requestOrigin(request), done);
  });
}

export function requestOrigin(request: FastifyRequest): string {
  const host = request.headers.host ?? 'localhost';
  return `${request.protocol}://${/^[\w.:[\]-]+$/.test(host) ? host : 'localhost'}`;
}

/** The configured site address, else the current request's origin, else "" (relative URLs). */
export function siteOrigin(configuredSiteUrl: string): string {
  return configuredSiteUrl || origins.getStore() || '';
}
