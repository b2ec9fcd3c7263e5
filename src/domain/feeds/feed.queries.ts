import { sql } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import { parseList } from '../shared/json-list.ts';

/** What a feed entry needs from an article; the body only when the site publishes full text. */
export interface FeedArticle {
  id: number;
  channelId: number;
  title: string;
  summary: string;
  bodyHtml: string;
  coverMediaId: number | null;
  publishedAt: string;
  updatedAt: string;
  reporters: string[];
  originalAuthor: string;
  sourceName: string;
}

/** The newest published articles (of some channels), newest first, as feeds list them. */
export async function listFeedArticles(
  db: Db,
  options: { channelIds?: number[]; limit: number; withBody: boolean },
): Promise<FeedArticle[]> {
  let query = db.kysely
    .selectFrom('articles')
    .select(['id', 'channel_id', 'title', 'summary', 'cover_media_id', 'published_at', 'updated_at', 'reporters', 'original_author', 'source_name'])
    .where('status', '=', 'published');
  if (options.channelIds) query = query.where('channel_id', 'in', options.channelIds.length ? options.channelIds : [-1]);
  // The body is the heavy column; summary-only feeds never read it.
  const rows = await (options.withBody ? query.select('body_html') : query.select(sql<string>`''`.as('body_html')))
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    channelId: row.channel_id,
    title: row.title,
    summary: row.summary,
    bodyHtml: row.body_html,
    coverMediaId: row.cover_media_id,
    publishedAt: row.published_at ?? row.updated_at,
    updatedAt: row.updated_at,
    reporters: parseList(row.reporters),
    originalAuthor: row.original_author,
    sourceName: row.source_name,
  }));
}

export interface SitemapMonth {
  /** "2025-05" (UTC). */
  month: string;
  count: number;
  lastPublished: string;
}

/**
 * Months that have published articles, with counts (to split months over 50,000 URLs). Reads only
 * the (status, published_at) index, never the rows.
 */
export async function listSitemapMonths(db: Db): Promise<SitemapMonth[]> {
  const month = sql<string>`substr(published_at, 1, 7)`;
  const rows = await db.kysely
    .selectFrom('articles')
    .select([month.as('month'), (eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.max('published_at').as('last')])
    .where('status', '=', 'published')
    .where('published_at', 'is not', null)
    .groupBy(month)
    .orderBy(month)
    .execute();
  return rows.map((row) => ({ month: row.month, count: Number(row.count), lastPublished: String(row.last) }));
}

export interface SitemapArticle {
  id: number;
  channelId: number;
  publishedAt: string;
  updatedAt: string;
}

/**
 * Published articles in [from, to), oldest first, skipping `offset`, at most `limit`, fetched in
 * keyset batches so memory stays flat however large the month is.
 */
export async function* streamSitemapArticles(
  db: Db,
  range: { from: string; to: string; offset: number; limit: number },
  batchSize = 1000,
): AsyncGenerator<SitemapArticle> {
  let after: { at: string; id: number } | undefined;
  let skipped = 0;
  let emitted = 0;
  while (emitted < range.limit) {
    let query = db.kysely
      .selectFrom('articles')
      .select(['id', 'channel_id', 'published_at', 'updated_at'])
      .where('status', '=', 'published')
      .where('published_at', '>=', range.from)
      .where('published_at', '<', range.to);
    if (after) {
      const { at, id } = after;
      query = query.where((eb) => eb.or([eb('published_at', '>', at), eb.and([eb('published_at', '=', at), eb('id', '>', id)])]));
    }
    const rows = await query.orderBy('published_at').orderBy('id').limit(batchSize).execute();
    for (const row of rows) {
      after = { at: row.published_at ?? '', id: row.id };
      if (skipped < range.offset) {
        skipped++;
        continue;
      }
      if (emitted >= range.limit) return;
      emitted++;
      yield { id: row.id, channelId: row.channel_id, publishedAt: row.published_at ?? '', updatedAt: row.updated_at };
    }
    if (rows.length < batchSize) return;
  }
}

/** Articles for the Google News sitemap: published since `since`, newest first. */
export async function listRecentArticles(
  db: Db,
  since: string,
  limit: number,
): Promise<{ id: number; channelId: number; title: string; publishedAt: string }[]> {
  const rows = await db.kysely
    .selectFrom('articles')
    .select(['id', 'channel_id', 'title', 'published_at'])
    .where('status', '=', 'published')
    .where('published_at', '>=', since)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: row.id, channelId: row.channel_id, title: row.title, publishedAt: row.published_at ?? '' }));
}
