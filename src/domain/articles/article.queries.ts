import type { Db } from '../../db/create-db.ts';
import { sql } from 'kysely';
import { arg, compiledQuery } from '../../db/compiled-query.ts';
import type { ArticleRow } from '../../db/schema.ts';
import { type Article, type PublishedArticle, isPublished, toArticle } from './article.ts';

/** The few columns a headline list needs; bodies stay in the database. */
export interface ArticleSummary {
  id: number;
  channelId: number;
  title: string;
  summary: string;
  coverMediaId: number | null;
  publishedAt: string;
  /** 置顶; set by list reads, so a page can say where the next one starts. */
  isTop?: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
  /** Where the next page starts, when there is one (list reads only). */
  next?: ListCursor;
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

function toSummary(row: SummaryRow & { is_top?: number }): ArticleSummary {
  const summary: ArticleSummary = {
    id: row.id,
    channelId: row.channel_id,
    title: row.title,
    summary: row.summary,
    coverMediaId: row.cover_media_id,
    publishedAt: row.published_at ?? '',
  };
  if (row.is_top !== undefined) summary.isTop = row.is_top === 1;
  return summary;
}

function published(db: Db) {
  return db.kysely.selectFrom('articles').where('status', '=', 'published');
}

/**
 * Every column an Article is made of: not the newsroom's working copy (a second copy of a story
 * being edited) nor its review comment, which public reads have no use for.
 */
const ARTICLE_COLUMNS = [
  ...['id', 'channel_id', 'title', 'subtitle', 'summary', 'body_html', 'cover_media_id', 'source_name', 'source_url'],
  ...['is_original', 'original_title', 'original_author', 'dateline', 'reporters', 'photographers', 'editor_name'],
  ...['keywords', 'is_headline', 'is_focus', 'is_top', 'status', 'published_at', 'created_at', 'updated_at', 'version'],
] as const;

const articleById = compiledQuery<[number], Omit<ArticleRow, 'working_copy' | 'review_comment' | 'author_id' | 'scheduled_at' | 'unpublish_at'>>(
  (db) => db.kysely.selectFrom('articles').select(ARTICLE_COLUMNS).where('id', '=', arg<number>(0)),
);

export async function findArticle(db: Db, id: number): Promise<Article | undefined> {
  const [row] = await articleById(db, [id]);
  // toArticle reads only ARTICLE_COLUMNS.
  return row && toArticle(row as ArticleRow);
}

export async function findPublishedArticle(db: Db, id: number): Promise<PublishedArticle | undefined> {
  const article = await findArticle(db, id);
  return article && isPublished(article) ? article : undefined;
}

/**
 * Where an older-stories page starts: the list position of the last story of the page before
 * (`pinned` for a 置顶 story in a pinned-first list). Keyset pages cost the same at any depth.
 */
export interface ListCursor {
  pinned: boolean;
  publishedAt: string;
  id: number;
}

export interface ListOptions {
  channelIds?: number[];
  /** Counts from 1. */
  page?: number;
  /** Start after this position instead of at a page number (`page` is then ignored). */
  after?: ListCursor;
  pageSize: number;
  /** Blocks of "the latest N" need no count; only paged lists pay for it. */
  withTotal?: boolean;
  /** 置顶 stories first (channel lists); false for plain "latest" lists. Default true. */
  pinnedFirst?: boolean;
  /** Say where the next page starts (`next`); costs one row more. */
  withNext?: boolean;
}

/** Newest first, pinned (置顶) articles on top unless asked otherwise. */
export async function listPublished(db: Db, options: ListOptions): Promise<Page<ArticleSummary>> {
  const page = Math.max(1, options.page ?? 1);
  const pinnedFirst = options.pinnedFirst !== false;
  const channelIds = options.channelIds && (options.channelIds.length ? options.channelIds : [-1]);
  const total = options.withTotal === false ? 0 : await countPublished(db, channelIds);
  // One row more than the page, to know whether an older-stories link has anywhere to go.
  const rows = await readListPage(db, {
    channelIds,
    pinnedFirst,
    limit: options.pageSize + (options.withNext ? 1 : 0),
    offset: options.after ? 0 : (page - 1) * options.pageSize,
    after: options.after,
  });
  const items = rows.slice(0, options.pageSize).map(toSummary);
  const last = items[items.length - 1];
  return {
    items,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / options.pageSize)),
    next: rows.length > options.pageSize && last ? cursorOf(last, pinnedFirst) : undefined,
  };
}

/** The list position of an item, for the next page's `after`. */
export function cursorOf(item: ArticleSummary & { isTop?: boolean }, pinnedFirst = true): ListCursor {
  return { pinned: pinnedFirst && item.isTop === true, publishedAt: item.publishedAt, id: item.id };
}

/** How many published stories the channels hold (all channels when undefined). */
export async function countPublished(db: Db, channelIds: number[] | undefined): Promise<number> {
  let query = published(db);
  if (channelIds) query = query.where('channel_id', 'in', channelIds);
  return Number((await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);
}

type ListedRow = SummaryRow & { is_top: number };

interface ListRead {
  channelIds: number[] | undefined;
  pinnedFirst: boolean;
  limit: number;
  offset: number;
  after?: ListCursor;
}

/** Parent channels with more sub-channels than this read with one IN list (SQLite allows 500 arms). */
const MAX_MERGED_CHANNELS = 200;

/**
 * One page of a list, in list order. Each channel is one ordered range of the
 * (channel_id, status, is_top, published_at, id) index; a parent channel's branches are merged
 * by the database (SQLite: MERGE (UNION ALL); PostgreSQL: Merge Append), reading only index
 * entries to skip `offset`, so no query sorts a subtree or carries rows it throws away. The
 * page's 20 rows are then read by id.
 */
async function readListPage(db: Db, read: ListRead): Promise<ListedRow[]> {
  const { channelIds } = read;
  const merged = channelIds !== undefined && channelIds.length > 1 && channelIds.length <= MAX_MERGED_CHANNELS;
  const branches = merged ? channelIds.length : 1;
  const keyed = read.after !== undefined;
  const shape = branches * 8 + (read.pinnedFirst ? 4 : 0) + (keyed ? 2 : 0) + (channelIds === undefined ? 1 : 0);
  const after = read.after;
  const args: unknown[] = [read.limit, read.offset, read.limit + read.offset, after?.pinned ? 1 : 0, after?.publishedAt ?? '', after?.id ?? 0];
  if (merged || channelIds?.length === 1) args.push(...channelIds!);
  const rows = merged || channelIds?.length === 1 || channelIds === undefined
    ? await listPageQuery(db, args, shape)
    : await listPageInQuery(db, channelIds, read);
  return rows.sort((a, b) => compareListed(a, b, read.pinnedFirst));
}

function compareListed(a: ListedRow, b: ListedRow, pinnedFirst: boolean): number {
  if (pinnedFirst && a.is_top !== b.is_top) return b.is_top - a.is_top;
  if (a.published_at !== b.published_at) return (b.published_at ?? '') < (a.published_at ?? '') ? -1 : 1;
  return b.id - a.id;
}

/** Arguments: limit, offset, limit + offset, cursor is_top, published_at, id, channel ids (one per branch). */
const listPageQuery = compiledQuery<unknown[], ListedRow>((db, shape) => {
  const branches = Math.floor(shape / 8);
  const pinnedFirst = (shape & 4) !== 0;
  const keyed = (shape & 2) !== 0;
  const allChannels = (shape & 1) !== 0;
  const branch = (index: number) => {
    let query = published(db).select(['id', 'is_top', 'published_at']);
    if (!allChannels) query = query.where('channel_id', '=', arg<number>(6 + index));
    if (keyed) {
      query = pinnedFirst
        ? query.where((eb) => eb(eb.refTuple('is_top', 'published_at', 'id'), '<', eb.tuple(arg<number>(3), arg<string>(4), arg<number>(5))))
        : query.where((eb) => eb(eb.refTuple('published_at', 'id'), '<', eb.tuple(arg<string>(4), arg<number>(5))));
    }
    return query;
  };
  // SQLite merges plain branches in index order by itself. PostgreSQL plans the plain UNION ALL
  // as a scan and a sort, so each branch gets its own order and bound there (an index scan
  // that stops after limit + offset rows), and only those rows are sorted.
  const bounded = (index: number) => {
    let query = branch(index);
    if (pinnedFirst) query = query.orderBy('is_top', 'desc');
    return db.kysely.selectFrom(query.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(arg<number>(2)).as(`b${index}`)).selectAll();
  };
  // Both give the rows (id, is_top, published_at); the cast only forgets the subquery alias.
  const arm = (index: number) => (db.dialect === 'postgres' ? (bounded(index) as unknown as ReturnType<typeof branch>) : branch(index));
  let keys = arm(0);
  for (let i = 1; i < branches; i++) keys = keys.unionAll(arm(i));
  if (pinnedFirst) keys = keys.orderBy('is_top', 'desc');
  const page = keys.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(arg<number>(0)).offset(arg<number>(1));
  return db.kysely
    .selectFrom(page.as('page'))
    .innerJoin('articles as a', 'a.id', 'page.id')
    .select(['a.id', 'a.channel_id', 'a.title', 'a.summary', 'a.cover_media_id', 'a.published_at', 'a.is_top']);
});

/** One block of a page that shows the newest stories of several channel groups (the home page). */
export interface ListGroup {
  channelIds: number[];
  limit: number;
}

/**
 * The newest stories (pinned first) of each group, read in one statement: per group, the merged
 * index ranges of its channels as in a channel list, bounded by the group's limit; then the rows
 * by id. Twelve blocks cost one round trip instead of twelve.
 */
export async function listGroupsPublished(db: Db, groups: ListGroup[]): Promise<ArticleSummary[][]> {
  const wide = groups.some((g) => g.channelIds.length === 0 || g.channelIds.length > MAX_MERGED_CHANNELS);
  if (wide || groups.length === 0) {
    return Promise.all(groups.map(async (g) => (await listPublished(db, { channelIds: g.channelIds, pageSize: g.limit, withTotal: false })).items));
  }
  const args = groups.flatMap((g) => [g.limit, ...g.channelIds]);
  const rows = await groupsQuery(db, args, groups.map((g) => g.channelIds.length).join(','));
  const byGroup = groups.map((): ListedRow[] => []);
  for (const row of rows) byGroup[row.grp]?.push(row);
  return byGroup.map((list) => list.sort((a, b) => compareListed(a, b, true)).map(toSummary));
}

/** Shape: the number of channels of each group; arguments: per group, its limit then its channel ids. */
const groupsQuery = compiledQuery<unknown[], ListedRow & { grp: number }, string>((db, shape) => {
  const sizes = shape.split(',').map(Number);
  let next = 0;
  const groupKeys = sizes.map((size, group) => {
    const limitArg = next++;
    const channelArgs = Array.from({ length: size }, () => next++);
    const branch = (argIndex: number) =>
      published(db)
        .select([sql.lit(group).as('grp'), 'id', 'is_top', 'published_at'])
        .where('channel_id', '=', arg<number>(argIndex));
    // PostgreSQL: each branch ordered and bounded itself (see listPageQuery).
    const arm = (argIndex: number) =>
      db.dialect === 'postgres'
        ? (db.kysely
            .selectFrom(branch(argIndex).orderBy('is_top', 'desc').orderBy('published_at', 'desc').orderBy('id', 'desc').limit(arg<number>(limitArg)).as(`c${argIndex}`))
            .selectAll() as unknown as ReturnType<typeof branch>)
        : branch(argIndex);
    let keys = arm(channelArgs[0] ?? 0);
    for (const argIndex of channelArgs.slice(1)) keys = keys.unionAll(arm(argIndex));
    const newest = keys.orderBy('is_top', 'desc').orderBy('published_at', 'desc').orderBy('id', 'desc').limit(arg<number>(limitArg));
    return db.kysely.selectFrom(newest.as(`g${group}`)).selectAll();
  });
  let all = groupKeys[0]!;
  for (const keys of groupKeys.slice(1)) all = all.unionAll(keys);
  return db.kysely
    .selectFrom(all.as('listed'))
    .innerJoin('articles as a', 'a.id', 'listed.id')
    .select(['listed.grp', 'a.id', 'a.channel_id', 'a.title', 'a.summary', 'a.cover_media_id', 'a.published_at', 'a.is_top']);
});

/** Very wide subtrees: one IN list, which the database sorts; rare enough not to be compiled. */
async function listPageInQuery(db: Db, channelIds: number[], read: ListRead): Promise<ListedRow[]> {
  let query = published(db).select([...SUMMARY_COLUMNS, 'is_top']).where('channel_id', 'in', channelIds);
  const after = read.after;
  if (after) {
    query = read.pinnedFirst
      ? query.where((eb) => eb(eb.refTuple('is_top', 'published_at', 'id'), '<', eb.tuple(after.pinned ? 1 : 0, after.publishedAt, after.id)))
      : query.where((eb) => eb(eb.refTuple('published_at', 'id'), '<', eb.tuple(after.publishedAt, after.id)));
  }
  if (read.pinnedFirst) query = query.orderBy('is_top', 'desc');
  return query.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(read.limit).offset(read.offset).execute();
}

export async function listFlagged(db: Db, flag: 'is_headline' | 'is_focus', limit: number): Promise<ArticleSummary[]> {
  return (await newestFlagged(db, [limit], flag)).map(toSummary);
}

/** Shape: the flag column; argument: limit. */
const newestFlagged = compiledQuery<[number], SummaryRow, 'is_headline' | 'is_focus'>((db, flag) =>
  published(db)
    .select([...SUMMARY_COLUMNS])
    .where(flag, '=', 1)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(arg<number>(0)),
);

/** 上一篇 is the story published just before this one in its channel, 下一篇 the one just after. */
export async function findNeighbours(
  db: Db,
  article: PublishedArticle,
): Promise<{ previous?: ArticleSummary; next?: ArticleSummary }> {
  const rows = await neighboursInChannel(db, [article.channelId, article.publishedAt, article.id]);
  const isBefore = (row: SummaryRow) => (row.published_at ?? '') < article.publishedAt || (row.published_at === article.publishedAt && row.id < article.id);
  const previous = rows.find(isBefore);
  const next = rows.find((row) => !isBefore(row));
  return { previous: previous && toSummary(previous), next: next && toSummary(next) };
}

/**
 * Both neighbours in one statement. Row values, so both databases seek the (channel_id, status,
 * published_at, id) index straight to each neighbour; "a < x or (a = x and id < y)" made SQLite
 * walk the channel from one end. Arguments: channel id, published_at, id.
 */
const neighboursInChannel = compiledQuery<[number, string, number], SummaryRow>((db) => {
  const neighbour = (direction: 'desc' | 'asc') =>
    published(db)
      .select([...SUMMARY_COLUMNS])
      .where('channel_id', '=', arg<number>(0))
      .where((eb) => eb(eb.refTuple('published_at', 'id'), direction === 'desc' ? '<' : '>', eb.tuple(arg<string>(1), arg<number>(2))))
      .orderBy('published_at', direction)
      .orderBy('id', direction)
      // A literal: with a bound LIMIT, SQLite runs this seek about 7× slower (36 µs against 5).
      .limit(sql.lit(1));
  return db.kysely
    .selectFrom(neighbour('desc').as('previous'))
    .selectAll()
    .unionAll(db.kysely.selectFrom(neighbour('asc').as('next')).selectAll());
});

/** Arguments: channel id, article id to leave out, limit. */
const latestInChannelExcept = compiledQuery<[number, number, number], SummaryRow>((db) =>
  published(db)
    .select([...SUMMARY_COLUMNS])
    .where('channel_id', '=', arg<number>(0))
    .where('id', '!=', arg<number>(1))
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(arg<number>(2)),
);

/** The simple 相关新闻: the latest other stories of the same channel (content ranking comes with search). */
export async function listSameChannel(db: Db, article: PublishedArticle, limit: number): Promise<ArticleSummary[]> {
  return (await latestInChannelExcept(db, [article.channelId, article.id, limit])).map(toSummary);
}
