import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';
import { textDefault, withIdColumn } from '../dialect.ts';

/**
 * Import: fingerprints for duplicate detection (source URL and SimHash, split in four 16-bit bands
 * so near-duplicates are found by index), the wire-feed ingest queue, and bulk-import progress.
 */
export function ingest(dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('ingest_fingerprints')
        .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('source_url', 'text', textDefault)
        .addColumn('simhash', 'text', (c) => c.notNull())
        .addColumn('band0', 'text', (c) => c.notNull())
        .addColumn('band1', 'text', (c) => c.notNull())
        .addColumn('band2', 'text', (c) => c.notNull())
        .addColumn('band3', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ingest_fingerprints_source_url').on('ingest_fingerprints').column('source_url').execute();
      for (const band of ['band0', 'band1', 'band2', 'band3']) {
        await db.schema.createIndex(`ingest_fingerprints_${band}`).on('ingest_fingerprints').column(band).execute();
      }

      await withIdColumn(dialect, db.schema.createTable('ingest_items'))
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('guid', 'text', (c) => c.notNull())
        .addColumn('url', 'text', textDefault)
        .addColumn('title', 'text', textDefault)
        .addColumn('summary', 'text', textDefault)
        .addColumn('body_html', 'text', textDefault)
        .addColumn('authors', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('published_at', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
        .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ingest_items_provider_guid').on('ingest_items').columns(['provider', 'guid']).unique().execute();
      await db.schema.createIndex('ingest_items_status').on('ingest_items').columns(['status', 'created_at']).execute();

      await db.schema
        .createTable('import_progress')
        .addColumn('source', 'text', (c) => c.primaryKey())
        .addColumn('done', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
