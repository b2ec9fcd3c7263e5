import { sql } from 'kysely';
import type { Db } from './create-db.ts';

/**
 * Deletes all content from every table (used by `inkstone demo --reset`), keeping the schema and
 * the migration history. Tables are found by looking, not listed by hand, so a table added by a
 * later migration is never forgotten.
 */
export async function deleteAllContent(db: Db): Promise<void> {
  if (db.dialect === 'postgres') {
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely\\_%'`.execute(db.kysely);
    if (!tables.rows.length) return;
    const list = sql.join(tables.rows.map((t) => sql.id(t.name)));
    await sql`truncate ${list} restart identity cascade`.execute(db.kysely);
    return;
  }
  const tables = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master
    where type = 'table' and name not like 'sqlite\\_%' escape '\\' and name not like 'kysely\\_%' escape '\\'`.execute(db.kysely);
  const virtual = tables.rows.filter((t) => /^create virtual table/i.test(t.sql)).map((t) => t.name);
  // Full-text tables keep their data in shadow tables (name_data, name_idx…); they are emptied
  // through the virtual table itself.
  const plain = tables.rows.filter((t) => !virtual.includes(t.name) && !virtual.some((v) => t.name.startsWith(`${v}_`)));
  // Foreign keys cannot be switched off inside a transaction, so they are switched off around it.
  await sql`pragma foreign_keys = off`.execute(db.kysely);
  try {
    await db.kysely.transaction().execute(async (trx) => {
      for (const table of plain) await sql`delete from ${sql.id(table.name)}`.execute(trx);
      for (const table of virtual) await sql`insert into ${sql.id(table)} (${sql.id(table)}) values ('delete-all')`.execute(trx);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db.kysely);
  }
}

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.kysely.selectFrom('channels').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}
