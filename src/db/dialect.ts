import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
import type { Dialect } from './create-db.ts';

/**
 * Every difference between SQLite and PostgreSQL lives in this file, so the rest of the code
 * is written once. Keep it short: if a difference grows, it belongs here as a named helper.
 */

/** Adds an auto-incrementing integer primary key named `id`. */
export function withIdColumn<T extends string>(
  dialect: Dialect,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (col) => col.primaryKey())
    : table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());
}

/** Text column that is NOT NULL with an empty-string default. */
export function textDefault(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder {
  return col.notNull().defaultTo('');
}
