import { sql } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import type { MediaRow } from '../../db/schema.ts';

export interface MediaListOptions {
  /** Words to find in caption, credit or alt text; every word must match somewhere. */
  q?: string;
  page: number;
  pageSize: number;
}

export interface MediaList {
  rows: MediaRow[];
  total: number;
  pageCount: number;
}

/** The media library, newest first, optionally searched by caption, credit and alt text. */
export async function listMedia(db: Db, options: MediaListOptions): Promise<MediaList> {
  let query = db.kysely.selectFrom('media');
  for (const word of searchWords(options.q)) {
    // lower() on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's only for ASCII.
    const pattern = `%${escapeLike(word.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(caption)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(credit)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(alt)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const pageCount = Math.max(1, Math.ceil(total / options.pageSize));
  const rows = await query
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.pageSize)
    .offset((Math.max(1, options.page) - 1) * options.pageSize)
    .execute();
  return { rows, total, pageCount };
}

export async function findMediaById(db: Db, id: number): Promise<MediaRow | undefined> {
  return db.kysely.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Articles that show an image, as a figure in the body or as the cover (newest first, bounded). */
export async function findMediaUsage(db: Db, id: number, limit = 50) {
  const marker = `%data-media-id="${id}"%`;
  // Working copies are JSON, where the quotes are escaped (\"): `_` stands for the backslash.
  const jsonMarker = `%data-media-id=_"${id}_"%`;
  return db.kysely
    .selectFrom('articles')
    .select(['id', 'title', 'status', 'channel_id', 'author_id'])
    .where((eb) => eb.or([eb('cover_media_id', '=', id), eb('body_html', 'like', marker), eb('working_copy', 'like', jsonMarker)]))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

function searchWords(q: string | undefined): string[] {
  return (q ?? '')
    .slice(0, 200)
    .split(/[\s,,、]+/)
    .filter(Boolean)
    .slice(0, 8);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
