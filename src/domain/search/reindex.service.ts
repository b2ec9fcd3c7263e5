import { sql } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import { toArticle } from '../articles/article.ts';
import { refreshOwnRelated } from './related.service.ts';
import { searchIndexFor } from './search-index.ts';
import { toIndexedDoc } from './search.service.ts';

export interface ReindexProgress {
  /** Called when a phase starts, with the number of items it will process. */
  start?(phase: 'index' | 'related', total: number): void;
  /** Called after each batch with the number of items processed so far in the phase. */
  progress?(done: number): void;
}

const BATCH = 500;

/**
 * Rebuilds the search index from the articles table (in place: search keeps answering), drops
 * entries of articles that no longer exist, then recomputes every published article's related
 * list unless `related` is false.
 */
export async function reindexSearch(db: Db, options: { related?: boolean } & ReindexProgress = {}): Promise<{ indexed: number; related: number }> {
  const index = searchIndexFor(db.dialect);
  const total = Number((await db.kysely.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  options.start?.('index', total);
  let last = 0;
  let indexed = 0;
  for (;;) {
    const rows = await db.kysely.selectFrom('articles').selectAll().where('id', '>', last).orderBy('id').limit(BATCH).execute();
    if (!rows.length) break;
    const docs = rows.map((row) => toIndexedDoc(toArticle(row)));
    await db.kysely.transaction().execute(async (trx) => {
      for (const doc of docs) await index.upsert(trx, doc);
    });
    last = rows[rows.length - 1]?.id ?? last;
    indexed += rows.length;
    options.progress?.(indexed);
  }
  const orphans = await sql<{ article_id: number }>`select article_id from search_docs where article_id not in (select id from articles)`.execute(db.kysely);
  for (const orphan of orphans.rows) await index.remove(db.kysely, orphan.article_id);

  let related = 0;
  if (options.related !== false) {
    const ids = await db.kysely.selectFrom('search_docs').select('article_id').where('status', '=', 'published').orderBy('article_id').execute();
    options.start?.('related', ids.length);
    for (const { article_id } of ids) {
      await refreshOwnRelated(db, article_id);
      related++;
      if (related % 100 === 0 || related === ids.length) options.progress?.(related);
    }
  }
  return { indexed, related };
}
