import type { Db } from '../../db/create-db.ts';
import { type Article, type PublishedArticle, isPublished, toArticle } from './article.ts';

/** The few columns a headline list needs; bodies stay in the database. */
export interface ArticleSummary {
  id: number;
  channelId: number;
  title: string;
  summary: string;
  coverMediaId: number | null;
  publishedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
}

const SUMMARY_COLUMNS = ['id', 'channel_id', 'title', 'summary', 'cover_media_id', 'published_at'] as const;

type SummaryRow = {
  id: number;
  channel_id: number;
  title: string;
  summary: string;
  cover_media_id: number | null;
  published_at: string | null;
};

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    channelId: row.channel_id,
    title: row.title,
    summary: row.summary,
    coverMediaId: row.cover_media_id,
    publishedAt: row.published_at ?? '',
  };
}

function published(db: Db) {
  return db.kysely.selectFrom('articles').where('status', '=', 'published');
}

export async function findArticle(db: Db, id: number): Promise<Article | undefined> {
  const row = await db.kysely.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toArticle(row);
}

export async function findPublishedArticle(db: Db, id: number): Promise<PublishedArticle | undefined> {
  const article = await findArticle(db, id);
  return article && isPublished(article) ? article : undefined;
}

/** Newest first, pinned (置顶) articles on top; `page` counts from 1. */
export async function listPublished(
  db: Db,
  options: { channelIds?: number[]; page?: number; pageSize: number; withTotal?: boolean },
): Promise<Page<ArticleSummary>> {
  const page = Math.max(1, options.page ?? 1);
  let query = published(db);
  if (options.channelIds) query = query.where('channel_id', 'in', options.channelIds.length ? options.channelIds : [-1]);
  // Blocks of "the latest N" need no count; only paged lists pay for it.
  const total =
    options.withTotal === false
      ? 0
      : Number((await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);
  const rows = await query
    .select([...SUMMARY_COLUMNS])
    .orderBy('is_top', 'desc')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.pageSize)
    .offset((page - 1) * options.pageSize)
    .execute();
  return { items: rows.map(toSummary), total, page, pageCount: Math.max(1, Math.ceil(total / options.pageSize)) };
}

export async function listFlagged(db: Db, flag: 'is_headline' | 'is_focus', limit: number): Promise<ArticleSummary[]> {
  const rows = await published(db)
    .select([...SUMMARY_COLUMNS])
    .where(flag, '=', 1)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

/** 上一篇 is the story published just before this one in its channel, 下一篇 the one just after. */
export async function findNeighbours(
  db: Db,
  article: PublishedArticle,
): Promise<{ previous?: ArticleSummary; next?: ArticleSummary }> {
  const inChannel = published(db).where('channel_id', '=', article.channelId).select([...SUMMARY_COLUMNS]);
  const at = article.publishedAt;
  const previous = await inChannel
    .where((eb) => eb.or([eb('published_at', '<', at), eb.and([eb('published_at', '=', at), eb('id', '<', article.id)])]))
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const next = await inChannel
    .where((eb) => eb.or([eb('published_at', '>', at), eb.and([eb('published_at', '=', at), eb('id', '>', article.id)])]))
    .orderBy('published_at', 'asc')
    .orderBy('id', 'asc')
    .limit(1)
    .executeTakeFirst();
  return { previous: previous && toSummary(previous), next: next && toSummary(next) };
}

/** The simple 相关新闻: the latest other stories of the same channel (content ranking comes with search). */
export async function listSameChannel(db: Db, article: PublishedArticle, limit: number): Promise<ArticleSummary[]> {
  const rows = await published(db)
    .select([...SUMMARY_COLUMNS])
    .where('channel_id', '=', article.channelId)
    .where('id', '!=', article.id)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}
