import { sql } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import type { ArticleStatus } from '../../db/schema.ts';
import type { Actor } from '../users/actor.ts';
import { can } from '../users/policy.ts';

export interface NewsroomFilters {
  channelId?: number;
  status?: ArticleStatus;
  authorId?: number;
  /** Inclusive dates (YYYY-MM-DD, UTC) on the last update. */
  from?: string;
  to?: string;
  text?: string;
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
}

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
  if (filters.text?.trim()) {
    const pattern = `%${escapeLike(filters.text.trim())}%`;
    query = query.where(sql<boolean>`articles.title like ${pattern} escape '\\'`);
  }
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows: NewsroomRow[] = await query
    .select([
      'articles.id',
      'articles.title',
      'articles.channel_id',
      'articles.status',
      'articles.author_id',
      'users.display_name as author_name',
      'articles.updated_at',
      'articles.published_at',
      'articles.scheduled_at',
    ])
    .orderBy('articles.updated_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** LIKE patterns treat % and _ as wildcards; a title search means them literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
