import type { Db } from '../../db/create-db.ts';
import type { ArticleStatus } from '../../db/schema.ts';
import type { Actor } from '../users/actor.ts';
import { searchArticles } from '../search/search.service.ts';
import { can, canView } from '../users/policy.ts';

export interface NewsroomFilters {
  channelId?: number;
  status?: ArticleStatus;
  authorId?: number;
  /** Inclusive dates (YYYY-MM-DD, UTC) on the last update. */
  from?: string;
  to?: string;
  /** Only stories published or scheduled although the agency has withdrawn the wire item they came from. */
  killedStillOut?: boolean;
}

export interface NewsroomRow {
  id: number;
  title: string;
  channel_id: number;
  status: ArticleStatus;
  author_id: number | null;
  author_name: string | null;
  updated_at: string;
  published_at: string | null;
  scheduled_at: string | null;
  /** The editor's comment when the story was sent back (empty otherwise). */
  review_comment: string;
}

const NEWSROOM_COLUMNS = [
  'articles.id',
  'articles.title',
  'articles.channel_id',
  'articles.status',
  'articles.author_id',
  'users.display_name as author_name',
  'articles.updated_at',
  'articles.published_at',
  'articles.scheduled_at',
  'articles.review_comment',
] as const;

export const STATUSES: readonly ArticleStatus[] = ['draft', 'submitted', 'rejected', 'scheduled', 'published', 'unpublished'];

/** Articles this person may see, newest change first, filtered and paged. */
export async function listNewsroomArticles(db: Db, actor: Actor, filters: NewsroomFilters, page: number, pageSize: number) {
  let query = db.kysely.selectFrom('articles').leftJoin('users', 'users.id', 'articles.author_id');
  // Chiefs and administrators see everything; others see their channels and their own stories.
  if (!can(actor, 'article.viewAll')) {
    const channelIds = actor.channelIds.length ? [...actor.channelIds] : [-1];
    query = query.where((eb) =>
      eb.or([eb('articles.author_id', '=', actor.userId ?? -1), ...(actor.role === 'editor' ? [eb('articles.channel_id', 'in', channelIds)] : [])]),
    );
  }
  if (filters.channelId !== undefined) query = query.where('articles.channel_id', '=', filters.channelId);
  if (filters.status) query = query.where('articles.status', '=', filters.status);
  if (filters.authorId !== undefined) query = query.where('articles.author_id', '=', filters.authorId);
  if (filters.from) query = query.where('articles.updated_at', '>=', `${filters.from}T00:00:00.000Z`);
  if (filters.to) query = query.where('articles.updated_at', '<=', `${filters.to}T23:59:59.999Z`);
  if (filters.killedStillOut) {
    query = query
      .where('articles.status', 'in', ['published', 'scheduled'])
      .where('articles.id', 'in', db.kysely.selectFrom('ingest_items').select('article_id').where('status', '=', 'withdrawn').where('article_id', 'is not', null).$narrowType<{ article_id: number }>());
  }
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows: NewsroomRow[] = await query
    .select(NEWSROOM_COLUMNS)
    .orderBy('articles.updated_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

const SEARCH_PAGE_SIZE = 50;

/**
 * Full-text search for the newsroom: drafts and every other status, restricted to what this
 * person may see. Results keep the search's relevance order; status and author filters narrow it.
 */
export async function searchNewsroomArticles(db: Db, actor: Actor, text: string, filters: NewsroomFilters, page: number) {
  const viewAll = can(actor, 'article.viewAll');
  const channelIds = filters.channelId !== undefined ? [filters.channelId] : viewAll || actor.role !== 'editor' ? undefined : [...actor.channelIds];
  const found = await searchArticles(db, { q: text, includeUnpublished: true, channelIds, from: filters.from, to: filters.to, page, pageSize: SEARCH_PAGE_SIZE });
  const ids = found.items.map((hit) => hit.id);
  const rows = ids.length
    ? await db.kysely
        .selectFrom('articles')
        .leftJoin('users', 'users.id', 'articles.author_id')
        .select(NEWSROOM_COLUMNS)
        .where('articles.id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const visible = ids
    .map((id) => byId.get(id))
    .filter((row): row is NewsroomRow => Boolean(row))
    .filter((row) => canView(actor, { channelId: row.channel_id, authorId: row.author_id, status: row.status }))
    .filter((row) => (!filters.status || row.status === filters.status) && (filters.authorId === undefined || row.author_id === filters.authorId));
  return { rows: visible, total: found.total, pageCount: found.pageCount };
}
