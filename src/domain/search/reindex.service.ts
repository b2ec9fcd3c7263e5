import { sql } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import type { ArticleRow } from '../../db/schema.ts';
import { refreshOwnRelated } from './related.service.ts';
import { searchIndexFor } from './search-index.ts';
import { type BatchTokenizer, inlineTokenizer, workerTokenizer } from './search-tokenizer.ts';

export interface ReindexProgress {
  /** Called when a phase starts, with the number of items it will process. */
  start?(phase: 'index' | 'related', total: number): void;
  /** Called after each batch with the number of items processed so far in the phase. */
  progress?(done: number): void;
}

const BATCH = 500;
/** Below this many articles a worker thread costs more to start than it saves. */
const WORKER_THRESHOLD = 5_000;
/** SQLite page cache while rebuilding (full-text segment merges reread what they just wrote). */
const BULK_CACHE_KIB = 512 * 1024;

/**
 * True when published articles exist but the search index holds none, as after an upgrade whose
 * migration rebuilt the index tables: search finds nothing until `inkstone reindex` has run.
 */
export async function searchIndexIsMissing(db: Db): Promise<boolean> {
  const published = await db.kysely.selectFrom('articles').select('id').where('status', '=', 'published').limit(1).executeTakeFirst();
  if (!published) return false;
  return !(await db.kysely.selectFrom('search_docs').select('article_id').limit(1).executeTakeFirst());
}

/**
 * Rebuilds the search index from the articles table (in place: search keeps answering), drops
 * entries of articles that no longer exist, then recomputes every published article's related
 * list unless `related` is false.
 */
export async function reindexSearch(db: Db, options: { related?: boolean } & ReindexProgress = {}): Promise<{ indexed: number; related: number }> {
  const total = Number((await db.kysely.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  options.start?.('index', total);
  const indexed = await withBulkCache(db, () => indexAll(db, total, options));
  const orphans = await sql<{ article_id: number }>`select article_id from search_docs where article_id not in (select id from articles)`.execute(db.kysely);
  const index = searchIndexFor(db.dialect);
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

async function readBatch(db: Db, afterId: number): Promise<ArticleRow[]> {
  return db.kysely.selectFrom('articles').selectAll().where('id', '>', afterId).orderBy('id').limit(BATCH).execute();
}

/**
 * Reads, tokenises and writes batch after batch; while one batch is written (one transaction,
 * multi-row statements) the next is already being tokenised on the worker.
 */
async function indexAll(db: Db, total: number, progress: ReindexProgress): Promise<number> {
  const index = searchIndexFor(db.dialect);
  let tokenizer: BatchTokenizer = total >= WORKER_THRESHOLD ? workerTokenizer() : inlineTokenizer();
  const tokenize = async (rows: ArticleRow[]) => {
    try {
      return await tokenizer.tokenize(rows);
    } catch {
      // A worker that cannot start (or dies) must not stop the rebuild: carry on in this thread.
      await tokenizer.close();
      tokenizer = inlineTokenizer();
      return tokenizer.tokenize(rows);
    }
  };
  let indexed = 0;
  try {
    let rows = await readBatch(db, 0);
    let docs = rows.length ? tokenize(rows) : undefined;
    while (docs) {
      const nextRows = await readBatch(db, rows[rows.length - 1]?.id ?? 0);
      const nextDocs = nextRows.length ? tokenize(nextRows) : undefined;
      const ready = await docs;
      await db.kysely.transaction().execute((trx) => index.upsertMany(trx, ready));
      indexed += ready.length;
      progress.progress?.(indexed);
      rows = nextRows;
      docs = nextDocs;
    }
  } finally {
    await tokenizer.close();
  }
  return indexed;
}

/** A large SQLite page cache for the rebuild only; the connection's own setting comes back after. */
async function withBulkCache<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (db.dialect !== 'sqlite') return work();
  const before = await sql<{ cache_size: number }>`pragma cache_size`.execute(db.kysely);
  await sql.raw(`pragma cache_size = -${BULK_CACHE_KIB}`).execute(db.kysely);
  try {
    return await work();
  } finally {
    await sql.raw(`pragma cache_size = ${Math.trunc(Number(before.rows[0]?.cache_size ?? -2000))}`).execute(db.kysely);
  }
}
