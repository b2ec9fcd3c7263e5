import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-db.ts';

/**
 * The head (title, subtitle, keywords) of every search entry indexed on its own, with the same two
 * token streams and the same keys as the whole text: search_heads (FTS5, rowid = sort key) on
 * SQLite, head_words/head_grams tsvectors on PostgreSQL. Relevance ranks the newest matches of the
 * whole text plus the newest matches in heads, so a story *about* a subject is a candidate however
 * many newer stories mention it in passing. Entries written before this migration have empty heads
 * until `inkstone reindex` (search works meanwhile, without those extra candidates).
 */
export function searchHeads(dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      if (dialect === 'sqlite') {
        await sql`create virtual table search_heads using fts5(words, grams, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
        return;
      }
      await sql`alter table search_docs add column head_words tsvector not null default ''::tsvector`.execute(db);
      await sql`alter table search_docs add column head_grams tsvector not null default ''::tsvector`.execute(db);
      await sql`create index search_docs_head_words on search_docs using gin (head_words)`.execute(db);
      await sql`create index search_docs_head_grams on search_docs using gin (head_grams)`.execute(db);
    },
  };
}
