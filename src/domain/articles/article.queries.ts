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

export interface ListOptions {
  channelIds?: number[];
  /** Counts from 1. */
  page?: number;
  pageSize: number;
  /** Blocks of "the latest N" need no count; only paged lists pay for it. */
  withTotal?: boolean;
  /** 置顶 stories first (channel lists); false for plain "latest" lists. Default true. */
  pinnedFirst?: boolean;
}

/** Newest first, pinned (置顶) articles on top unless asked otherwise. */
export async function listPublished(db: Db, options: ListOptions): Promise<Page<ArticleSummary>> {
  const page = Math.max(1, options.page ?? 1);
  const pinnedFirst = options.pinnedFirst !== false;
  const channelIds = options.channelIds && (options.channelIds.length ? options.channelIds : [-1]);
  const offset = (page - 1) * options.pageSize;
  const total = options.withTotal === false ? 0 : await countPublished(db, channelIds);
  let rows: SummaryRow[];
  if (channelIds && channelIds.length > 1) {
    // One ordered index read per channel, merged here: a sort over every article of a parent
    // channel's subtree would grow with the archive.
    const perChannel = await Promise.all(channelIds.map((id) => orderedSummaries(db, [id], pinnedFirst, offset + options.pageSize, 0)));
    rows = perChannel
      .flat()
      .sort((a, b) => compareListed(a, b, pinnedFirst))
      .slice(offset, offset + options.pageSize);
  } else {
    rows = await orderedSummaries(db, channelIds, pinnedFirst, options.pageSize, offset);
  }
  return { items: rows.map(toSummary), total, page, pageCount: Math.max(1, Math.ceil(total / options.pageSize)) };
}

async function countPublished(db: Db, channelIds: number[] | undefined): Promise<number> {
  let query = published(db);
  if (channelIds) query = query.where('channel_id', 'in', channelIds);
  return Number((await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);
}

function orderedSummaries(db: Db, channelIds: number[] | undefined, pinnedFirst: boolean, limit: number, offset: number) {
  let query = published(db).select([...SUMMARY_COLUMNS, 'is_top']);
  if (channelIds) query = query.where('channel_id', 'in', channelIds);
  if (pinnedFirst) query = query.orderBy('is_top', 'desc');
  return query.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

function compareListed(a: SummaryRow & { is_top: number }, b: SummaryRow & { is_top: number }, pinnedFirst: boolean): number {
  if (pinnedFirst && a.is_top !== b.is_top) return b.is_top - a.is_top;
  if (a.published_at !== b.published_at) return (b.published_at ?? '') < (a.published_at ?? '') ? -1 : 1;
  return b.id - a.id;
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
