import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import { ChangeFeed } from './change-feed.ts';
import { DatabaseOpenError } from './database-open-error.ts';
import { relayChangesOut } from './postgres-change-relay.ts';
import type { Database } from './schema.ts';

export type Dialect = DatabaseConfig['dialect'];

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Committed content changes, for caches and other listeners. */
  changes: ChangeFeed;
  close(): Promise<void>;
}

// PostgreSQL returns bigint (count(*), sums) as strings; our counts fit comfortably in a double.
pg.types.setTypeParser(20, (value) => Number(value));

/** Opens the configured database and checks it answers, so a bad URL fails here and not mid-request. */
export async function createDb(config: DatabaseConfig): Promise<Db> {
  const db = config.dialect === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url);
  try {
    await sql`select 1`.execute(db.kysely);
  } catch (error) {
    await db.close().catch(() => {});
    throw new DatabaseOpenError(`cannot reach the database (${describe(config)}): ${(error as Error).message}`);
  }
  return db;
}

function openSqlite(file: string): Db {
  let connection: SqliteDatabase.Database;
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    connection = new SqliteDatabase(file);
    // WAL lets readers work while a writer commits; synchronous=NORMAL is crash-safe under WAL.
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = NORMAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
  } catch (error) {
    throw new DatabaseOpenError(`cannot open the SQLite database ${file}: ${(error as Error).message}`);
  }
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  return { kysely, dialect: 'sqlite', changes: new ChangeFeed(), close: () => kysely.destroy() };
}

/** Distinct SQL texts kept prepared; Kysely writes one text per query shape (and per IN-list length). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query anew, which costs several times what the small
 * indexed reads of a public page cost to run. Keep prepared statements by SQL text (the least
 * recently used dropped first); a statement still iterating a stream is never handed out twice.
 */
function withStatementCache(connection: SqliteDatabase.Database) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => connection.close(),
    prepare(sql: string): SqliteDatabase.Statement {
      const known = statements.get(sql);
      if (known && !known.busy) {
        // Re-inserted to count as recently used.
        statements.delete(sql);
        statements.set(sql, known);
        return known;
      }
      const statement = connection.prepare(sql);
      if (known) return statement;
      statements.set(sql, statement);
      if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const db: Db = { kysely, dialect: 'postgres', changes: new ChangeFeed(), close: () => kysely.destroy() };
  // Other instances and CLI commands on the same database hear what this process changes.
  relayChangesOut(db);
  return db;
}

function describe(config: DatabaseConfig): string {
  if (config.dialect === 'sqlite') return config.file;
  try {
    const url = new URL(config.url);
    return `postgres://${url.host}${url.pathname}`;
  } catch {
    return 'postgres';
  }
}
