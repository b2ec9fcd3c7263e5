import type { ChannelTree } from '../domain/channels/channel-tree.ts';
import type { SearchQuery } from '../domain/search/search.service.ts';

/**
 * Search parameters as readers and API clients send them, read leniently: nothing typed into the
 * address bar can make a search fail (an unreadable page number is page 1, a bad date is no date).
 */

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

