import { sql } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import type { MediaRow } from '../../db/schema.ts';

/** The media library, newest first, optionally narrowed by text in caption, credit or alt. */
export async function listMediaPage(db: Db, options: { page: number; pageSize: number; text?: string }) {
  let query = db.kysely.selectFrom('media');
  const text = options.text?.trim();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`caption like ${pattern} escape '\\'`,
        sql<boolean>`credit like ${pattern} escape '\\'`,
        sql<boolean>`alt like ${pattern} escape '\\'`,
      ]),
    );
  }
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows: MediaRow[] = await query
    .selectAll()
    .orderBy('id', 'desc')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return { items: rows, total, page: options.page, pageCount: Math.max(1, Math.ceil(total / options.pageSize)) };
}
