import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-db.ts';

/**
 * Agencies withhold a story and release it later (a legal check, a held photo). A withdrawn
 * queue item remembers the status it had (`new`, `imported`, `skipped`) so that a later usable
 * version can put it back. Nullable; running this again changes nothing.
 */
export function wireRelease(dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      if (dialect === 'postgres') {
        await sql`alter table ingest_items add column if not exists withdrawn_from text`.execute(db);
        return;
      }
      // SQLite has no "add column if not exists"; its table_info lists the columns of this database only.
      const existing = await sql<{ name: string }>`select name from pragma_table_info('ingest_items')`.execute(db);
      if (!existing.rows.some((row) => row.name === 'withdrawn_from')) await db.schema.alterTable('ingest_items').addColumn('withdrawn_from', 'text').execute();
    },
  };
}
