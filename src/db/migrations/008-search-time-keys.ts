import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-db.ts';

/**
 * Search entries keyed by publish time. Every entry gets a `sort_key`: the publish second shifted
 * left 30 bits plus the article id (see search-keys.ts), unique and ordered like "newest first".
 * On SQLite the FTS5 rowid IS that key, so the newest matches of any query, a date range and
 * sort-by-time are read straight off the full-text doclists, newest first, stopping early; no
 * query has to count or sort every match. On PostgreSQL a btree on the key gives the same order.
 *
 * The index is derived data: the old tables are dropped and rebuilt empty; run
 * `inkstone reindex` after this migration (search answers nothing until then).
 */
export function searchTimeKeys(dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      if (dialect === 'sqlite') await sql`drop table if exists search_fts`.execute(db);
      await db.schema.dropTable('search_docs').ifExists().execute();
      await db.schema.dropTable('search_bodies').ifExists().execute();

      let docs = db.schema.createTable('search_docs');
      // On SQLite an INTEGER PRIMARY KEY is the rowid: a candidate costs one b-tree lookup by FTS rowid.
      docs = dialect === 'sqlite' ? docs.addColumn('sort_key', 'integer', (c) => c.primaryKey()) : docs.addColumn('sort_key', 'bigint', (c) => c.notNull().unique());
      docs = docs
        .addColumn('article_id', 'integer', (c) => (dialect === 'sqlite' ? c.notNull().unique() : c.primaryKey()))
        .addColumn('channel_id', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addColumn('source_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('extra', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('lead', 'text', (c) => c.notNull().defaultTo(''));
      if (dialect === 'postgres') {
        docs = docs.addColumn('words', sql`tsvector`, (c) => c.notNull()).addColumn('grams', sql`tsvector`, (c) => c.notNull());
      }
      await docs.execute();
      await db.schema
        .createTable('search_bodies')
        .addColumn('article_id', 'integer', (c) => c.primaryKey())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      if (dialect === 'postgres') {
        await sql`create index search_docs_words on search_docs using gin (words)`.execute(db);
        await sql`create index search_docs_grams on search_docs using gin (grams)`.execute(db);
      } else {
        // unicode61 keeps each of our tokens whole (they are letters and digits only).
        await sql`create virtual table search_fts using fts5(words, grams, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
      }
    },
  };
}
