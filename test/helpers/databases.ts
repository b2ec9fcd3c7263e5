import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe } from 'vitest';
import { type Db, type Dialect, createDb } from '../../src/db/create-db.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { testPostgresUrl } from './postgres-cluster.ts';

/**
 * A fresh, migrated database of the given dialect. SQLite lives in memory; PostgreSQL gets a
 * schema of its own in the test cluster, so tests never see each other's rows.
 */
export async function createTestDb(dialect: Dialect): Promise<Db> {
  if (dialect === 'sqlite') {
    const db = await createDb({ dialect: 'sqlite', file: ':memory:' });
    await migrateToLatest(db);
    return db;
  }
  const schema = await createPostgresSchema();
  const db = await createDb({ dialect: 'postgres', url: schema.url });
  await migrateToLatest(db);
  return { ...db, close: () => db.close().then(schema.drop) };
}

/**
 * Several processes' view of one PostgreSQL database: `count` separate connections (each with its
 * own change feed) to one fresh, migrated schema, as several instances of the site would have.
 */
export async function createSharedPostgresDbs(count: number): Promise<{ dbs: Db[]; url: string; close(): Promise<void> }> {
  const schema = await createPostgresSchema();
  const dbs: Db[] = [];
  for (let i = 0; i < count; i++) dbs.push(await createDb({ dialect: 'postgres', url: schema.url }));
  await migrateToLatest(dbs[0]!);
  return { dbs, url: schema.url, close: () => Promise.all(dbs.map((db) => db.close())).then(schema.drop) };
}

/** A schema of its own in the test cluster, and a URL whose connections use it. */
async function createPostgresSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const baseUrl = testPostgresUrl();
  if (!baseUrl) throw new Error('PostgreSQL is not available for tests');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

/** Whether a dialect's suite can run here; PostgreSQL skips only off CI (global setup fails under CI). */
export function dialectAvailable(dialect: Dialect): boolean {
  return dialect === 'sqlite' || Boolean(testPostgresUrl());
}

/**
 * Runs a suite once per dialect. `fresh()` gives a new migrated database for the current test
 * and closes it after the test.
 */
export function describeEachDialect(name: string, suite: (fresh: () => Promise<Db>, dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) {
    describe.skipIf(!dialectAvailable(dialect))(`${name} [${dialect}]`, () => {
      const open: Db[] = [];
      afterEach(async () => {
        await Promise.all(open.splice(0).map((db) => db.close()));
      });
      suite(async () => {
        const db = await createTestDb(dialect);
        open.push(db);
        return db;
      }, dialect);
    });
  }
}
