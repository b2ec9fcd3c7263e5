import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-db.ts';

const COLUMNS: Array<[column: string, type: 'integer' | 'text']> = [
  ['version', 'integer'],
  ['version_created', 'text'],
  ['withdrawn_at', 'text'],
  ['agency_updated_at', 'text'],
];

/**
 * Wire kills and updates: a queue item keeps the agency's version (number and time) so a later
 * one is recognised, when the agency withdrew it (status `withdrawn`; the status column is plain
 * text already) and when a later version arrived. The article page looks its queue items up by
 * article, hence the index. All columns are nullable; running this again changes nothing.
 */
export function wireKillsVersions(dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      for (const [column, type] of COLUMNS) {
        if (dialect === 'postgres') {
          await sql`alter table ingest_items add column if not exists ${sql.id(column)} ${sql.raw(type)}`.execute(db);
          continue;
        }
        // SQLite has no "add column if not exists"; its table_info lists the columns of this database only.
        const existing = await sql<{ name: string }>`select name from pragma_table_info('ingest_items')`.execute(db);
        if (!existing.rows.some((row) => row.name === column)) await db.schema.alterTable('ingest_items').addColumn(column, type).execute();
      }
      await db.schema.createIndex('ingest_items_article').ifNotExists().on('ingest_items').column('article_id').execute();
    },
  };
}
