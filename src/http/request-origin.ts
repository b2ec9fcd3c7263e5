import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Structured data wants absolute URLs, but presenters do not see the request. When no public
 * site address is configured they write this reserved origin (RFC 2606 `.invalid`), and one
 * onSend hook puts the request's own origin in its place. Pages are cached per Host, so a forged
 * Host never reaches another visitor. (AsyncLocalStorage would do it too, at the price of promise
 * hooks on every await of every request.)
 */
export const ORIGIN_PLACEHOLDER = 'https://origin.inkstone.invalid';

export function registerRequestOrigin(app: FastifyInstance): void {
  app.addHook('onSend', async (request, _reply, payload) => {
    if (typeof payload !== 'string' || !payload.includes(ORIGIN_PLACEHOLDER)) return payload;
    return payload.replaceAll(ORIGIN_PLACEHOLDER, requestOrigin(request));
  });
}

export function requestOrigin(request: FastifyRequest): string {
  const host = request.headers.host ?? 'localhost';
  return `${request.protocol}://${/^[\w.:[\]-]+$/.test(host) ? host : 'localhost'}`;
}

/** The configured site address, else the placeholder that the onSend hook resolves per request. */
export function siteOrigin(configuredSiteUrl: string): string {
  return configuredSiteUrl || ORIGIN_PLACEHOLDER;
}
