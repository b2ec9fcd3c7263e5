import type { Kysely } from 'kysely';
import type { Db, Dialect } from '../../db/create-db.ts';
import type { Database } from '../../db/schema.ts';
import type { Article } from '../articles/article.ts';
import { type CandidateFilter, type CandidateRow, type IndexedDoc, channelToken, searchIndexFor, sourceToken } from './search-index.ts';
import { searchSortKey } from './search-keys.ts';
import { parseQuery } from './search-query.ts';
import { relevance } from './search-ranking.ts';
import { highlight, snippet } from './search-snippet.ts';
import { gramTokens, htmlToText, normalizeText, wordTokens } from './search-text.ts';

export interface SearchQuery {
  /** What the reader typed; anything at all (cleaned by parseQuery). */
  q: string;
  channelIds?: readonly number[];
  /** Inclusive bounds on the publish time, ISO-8601 (a date such as 2025-05-01 works too). */
  from?: string;
  to?: string;
  /** Exact 来源 name, e.g. 新华网. */
  source?: string;
  sort?: 'relevance' | 'time';
  /** From 1; out-of-range pages give an empty page, never an error. */
  page?: number;
  pageSize?: number;
  /** Newsroom search: drafts, submitted, unpublished… too (callers add permission filters). */
  includeUnpublished?: boolean;
  /** The clock for the recency factor (tests and benchmarks fix it). */
  now?: Date;
}

export interface SearchHit {
  id: number;
  channelId: number;
  status: string;
  publishedAt: string | null;
  sourceName: string;
  title: string;
  /** Escaped title with <mark> around matches. */
  safeTitle: string;
  /** Escaped body excerpt around the first match, with <mark>. */
  safeSnippet: string;
  score: number;
}

export interface SearchResults {
  query: string;
  items: SearchHit[];
  /** Number of matches; when `totalIsLowerBound`, at least this many. */
  total: number;
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
  sort: 'relevance' | 'time';
}

/** Relevance ranks the newest this-many matches (by publish time); see docs/ARCHITECTURE.md. */
export const RELEVANCE_CANDIDATES = 500;
/** …plus the newest this-many matches in heads (title, subtitle, keywords), when there are more matches than that. */
export const HEAD_CANDIDATES = 200;
/** Sort by time counts at most this many matches (then "at least"): the walk stops there. */
export const TIME_SORT_COUNT_CAP = 1000;
/** Ranking reads the first this-many characters of the body; news put the point first. */
export const LEAD_CHARS = 800;
const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 50;

/** Builds what the index stores for an article: plain text and the two token streams. */
export function toIndexedDoc(article: Article): IndexedDoc {
  const extra = [article.subtitle, ...article.keywords].filter(Boolean).join(' ');
  const body = [article.summary, htmlToText(article.bodyHtml)].filter(Boolean).join('\n');
  const head = normalizeText(`${article.title} ${extra}`);
  const rest = normalizeText(`${body}\n${article.sourceName}`);
  const headWords = wordTokens(head);
  const headGrams = gramTokens(head);
  const filterTokens = [channelToken(article.channelId), sourceToken(article.sourceName)];
  return {
    articleId: article.id,
    sortKey: searchSortKey(article.publishedAt ?? article.updatedAt, article.id),
    channelId: article.channelId,
    status: article.status,
    publishedAt: article.publishedAt,
    sourceName: article.sourceName,
    title: article.title,
    extra,
    lead: Array.from(body).slice(0, LEAD_CHARS).join(''),
    body,
    words: [...headWords, ...wordTokens(rest), ...filterTokens].join(' '),
    grams: [...headGrams, ...gramTokens(rest)].join(' '),
    headWords: [...headWords, ...filterTokens].join(' '),
    headGrams: headGrams.join(' '),
  };
}

/**
 * Keeps the index in step with one article write. Call it inside the transaction of every write
 * (create, edit, submit, publish, unpublish, schedule…) with the article as it now stands:
 * every article is indexed with its status (public search sees only `published`; newsroom search
 * may include the rest), so publish/unpublish is just a status change here.
 * For a deleted article call `removeArticleSearch`.
 */
export async function syncArticleSearch(trx: Kysely<Database>, dialect: Dialect, article: Article): Promise<void> {
  await searchIndexFor(dialect).upsertMany(trx, [toIndexedDoc(article)]);
}

/** Takes an article out of the index (for a hard delete; unpublish is a status change, see above). */
export async function removeArticleSearch(trx: Kysely<Database>, dialect: Dialect, articleId: number): Promise<void> {
  await searchIndexFor(dialect).remove(trx, articleId);
}

function clampPage(page: number | undefined): number {
  return page !== undefined && Number.isFinite(page) && page >= 1 ? Math.min(Math.floor(page), 1_000_000_000) : 1;
}

/** Validates an ISO date/time; a bare date as `to` means the whole day. */
function dateBound(value: string | undefined, end: boolean): string | undefined {
  if (!value) return undefined;
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = Date.parse(bare ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) return undefined;
  return new Date(bare && end ? time + 86_399_999 : time).toISOString();
}

/**
 * Full-text search. Never throws on what a reader typed: an empty or meaningless query gives an
 * empty result, a page past the end gives an empty page.
 */
export async function searchArticles(db: Db, query: SearchQuery): Promise<SearchResults> {
  const parsed = parseQuery(query.q ?? '');
  const sort = query.sort === 'time' ? 'time' : 'relevance';
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE));
  const page = clampPage(query.page);
  const empty: SearchResults = { query: parsed.display, items: [], total: 0, totalIsLowerBound: false, page, pageSize, pageCount: 1, sort };
  if (!parsed.clauses.length) return empty;
  const index = searchIndexFor(db.dialect);
  const filter: CandidateFilter = {
    channelIds: query.channelIds,
    from: dateBound(query.from, false),
    to: dateBound(query.to, true),
    source: query.source?.trim() || undefined,
    includeUnpublished: query.includeUnpublished === true,
  };
  const now = (query.now ?? new Date()).getTime();
  const offset = (page - 1) * pageSize;
  let rows: (CandidateRow & { score: number })[];
  let total: number;
  let lowerBound = false;
  if (sort === 'relevance') {
    const newest = await index.candidates(db.kysely, parsed.clauses, filter, { limit: RELEVANCE_CANDIDATES });
    // Stories about the subject (it is in their head) are candidates however old they are.
    const seen = new Set(newest.map((row) => row.article_id));
    const aboutIt = newest.length < RELEVANCE_CANDIDATES ? [] : await index.candidates(db.kysely, parsed.clauses, filter, { limit: HEAD_CANDIDATES, headsOnly: true });
    const candidates = [...newest, ...aboutIt.filter((row) => !seen.has(row.article_id))];
    total = candidates.length;
    lowerBound = newest.length >= RELEVANCE_CANDIDATES;
    rows = candidates
      .map((row) => ({ ...row, score: relevance({ title: `${row.title} ${row.extra}`, body: row.lead, publishedAt: row.published_at }, parsed.rankTerms, now) }))
      .sort((a, b) => b.score - a.score || cmpDesc(a.published_at, b.published_at) || b.article_id - a.article_id)
      .slice(offset, offset + pageSize);
  } else {
    // Both walk the matches newest first and stop early: the count at its cap, the page at its end.
    total = await index.count(db.kysely, parsed.clauses, filter, TIME_SORT_COUNT_CAP);
    lowerBound = total >= TIME_SORT_COUNT_CAP;
    rows = offset >= total ? [] : (await index.candidates(db.kysely, parsed.clauses, filter, { limit: pageSize, offset })).map((r) => ({ ...r, score: 0 }));
  }
  // Snippets come from the whole body, read only for the page shown.
  const bodies = new Map<number, string>();
  if (rows.length) {
    const found = await db.kysely.selectFrom('search_bodies').select(['article_id', 'body']).where('article_id', 'in', rows.map((r) => r.article_id)).execute();
    for (const b of found) bodies.set(b.article_id, b.body);
  }
  const items = rows.map((row) => ({
    id: row.article_id,
    channelId: row.channel_id,
    status: row.status,
    publishedAt: row.published_at,
    sourceName: row.source_name,
    title: row.title,
    safeTitle: highlight(row.title, parsed.rankTerms),
    safeSnippet: snippet(bodies.get(row.article_id) ?? row.lead, parsed.rankTerms),
    score: Math.round(row.score * 1e6) / 1e6,
  }));
  return { ...empty, items, total, totalIsLowerBound: lowerBound, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

function cmpDesc(a: string | null, b: string | null): number {
  const x = a ?? "";
  const y = b ?? "";
  return x < y ? 1 : x > y ? -1 : 0;
}
