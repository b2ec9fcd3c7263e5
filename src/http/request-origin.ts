import type { FastifyRequest } from 'fastify';

/**
 * The origin (scheme://host) a request was made to, for absolute URLs in structured data, feeds
 * and sitemaps when no public site address is configured. Only a plausible Host is trusted, and
 * pages are cached per Host, so a forged Host never reaches another visitor.
 */
export function requestOrigin(request: FastifyRequest): string {
  const host = request.headers.host ?? 'localhost';
  return `${request.protocol}://${/^[\w.:[\]-]+$/.test(host) ? host : 'localhost'}`;
}

/** The site's absolute origin: the configured public address, else the request's own. */
export function siteOrigin(configuredSiteUrl: string, request: FastifyRequest): string {
  return configuredSiteUrl || requestOrigin(request);
}
