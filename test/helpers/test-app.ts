import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.tsx';
import type { Config } from '../../src/config.ts';
import type { Db, Dialect } from '../../src/db/create-db.ts';
import { createDemo } from '../../src/domain/demo/create-demo.ts';
import { createTestDb } from './databases.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  dataDir: string;
  close(): Promise<void>;
}

/** The real application on a fresh database of the given dialect, optionally with the demo portal. */
export async function buildTestApp(dialect: Dialect, options: { demo?: boolean; importAllowPrivate?: boolean; apiRateLimit?: number } = {}): Promise<TestApp> {
  const db = await createTestDb(dialect);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'inkstone-test-data-'));
  if (options.demo) await createDemo(db, dataDir);
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    database: dialect === 'sqlite' ? { dialect, file: ':memory:' } : { dialect, url: 'postgres://test' },
    dataDir,
    pageCache: false,
    importAllowPrivate: options.importAllowPrivate ?? false,
    apiRateLimit: options.apiRateLimit ?? 600,
    log: false,
  };
  const app = await buildApp({ config, db });
  return {
    app,
    db,
    dataDir,
    async close() {
      await app.close();
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
