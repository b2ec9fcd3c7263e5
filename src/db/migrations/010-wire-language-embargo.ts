import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-db.ts';

const COLUMNS: Array<[table: string, column: string]> = [
  ['ingest_items', 'language'],
  ['ingest_items', 'embargo_until'],
  ['articles', 'embargo_until'],
];

/**
 * Wire items keep their language and embargo, and the embargo follows the story: a draft made
 * from an embargoed item carries `embargo_until`, which publishing checks. All three columns are
 * nullable text (no language named, no embargo). A column already there is left alone, so running
 * this again changes nothing.
 */
export function wireLanguageEmbargo(dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      for (const [table, column] of COLUMNS) {
        if (dialect === 'postgres') {
          await sql`alter table ${sql.table(table)} add column if not exists ${sql.id(column)} text`.execute(db);
          continue;
        }
        // SQLite has no "add column if not exists"; its table_info lists the columns of this database only.
        const existing = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
        if (!existing.rows.some((row) => row.name === column)) await db.schema.alterTable(table).addColumn(column, 'text').execute();
      }
    },
  };
}
