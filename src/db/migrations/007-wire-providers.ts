import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';
import { textDefault, withIdColumn } from '../dialect.ts';

/** Wire providers (RSS/Atom feeds of agencies and partners) that the newsroom polls into its queue. */
export function wireProviders(dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await withIdColumn(dialect, db.schema.createTable('wire_providers'))
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('interval_minutes', 'integer', (c) => c.notNull().defaultTo(15))
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('last_polled_at', 'text')
        .addColumn('last_error', 'text', textDefault)
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
