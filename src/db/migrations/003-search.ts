import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-db.ts';

/**
 * Full-text search and related news.
 * - search_docs: one row per indexed article: what filters and ranking read (title, lead);
 *   search_bodies: the plain-text body snippets are cut from (so a query never parses HTML).
 * - the token streams (jieba words, character bigrams) live in an FTS5 table on SQLite
 *   (contentless: the text is in search_docs already) and in two tsvector columns with GIN
 *   indexes on PostgreSQL.
 * - related_articles: the stored 相关新闻 list of each published article.
 */
export function search(dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      let docs = db.schema
        .createTable('search_docs')
        .addColumn('article_id', 'integer', (c) => c.primaryKey())
        .addColumn('channel_id', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addColumn('source_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('extra', 'text', (c) => c.notNull().defaultTo(''))
        // Ranking reads only the lead (the body's first characters); keeping the body in a table of
        // its own keeps these rows within one SQLite page, so a candidate costs one page read.
        .addColumn('lead', 'text', (c) => c.notNull().defaultTo(''));
      if (dialect === 'postgres') {
        docs = docs
          .addColumn('words', sql`tsvector`, (c) => c.notNull())
          .addColumn('grams', sql`tsvector`, (c) => c.notNull());
      }
      await docs.execute();
      await db.schema
        .createTable('search_bodies')
        .addColumn('article_id', 'integer', (c) => c.primaryKey())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('search_docs_status_published').on('search_docs').columns(['status', 'published_at', 'article_id']).execute();
      if (dialect === 'postgres') {
        await sql`create index search_docs_words on search_docs using gin (words)`.execute(db);
        await sql`create index search_docs_grams on search_docs using gin (grams)`.execute(db);
      } else {
        // unicode61 keeps each of our tokens whole (they are letters and digits only).
        await sql`create virtual table search_fts using fts5(words, grams, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
      }

      await db.schema
        .createTable('related_articles')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('related_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('score', 'real', (c) => c.notNull())
        .addPrimaryKeyConstraint('related_articles_pk', ['article_id', 'position'])
        .execute();
      await db.schema.createIndex('related_articles_related').on('related_articles').column('related_id').execute();
    },
  };
}
