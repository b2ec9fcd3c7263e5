import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.tsx';
import type { Config } from '../../src/config.ts';
import type { Db } from '../../src/db/create-db.ts';
import { pageCacheOf } from '../../src/http/page-cache/page-cache.plugin.ts';
import type { PageCache } from '../../src/http/page-cache/page-cache.ts';

export interface DeliveryApp {
  app: FastifyInstance;
  cache: PageCache | undefined;
  close(): Promise<void>;
}

/** The real application over `db` with the page cache on (or off), as `npm start` runs it. */
export async function buildDeliveryApp(db: Db, options: { pageCache?: boolean; pageCacheBytes?: number } = {}): Promise<DeliveryApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'inkstone-delivery-'));
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    database: { dialect: 'sqlite', file: ':memory:' },
    dataDir,
    pageCache: options.pageCache ?? true,
    importAllowPrivate: false,
    apiRateLimit: 600,
    log: false,
  };
  const app = await buildApp({ config, db }, { pageCacheBytes: options.pageCacheBytes });
  await app.ready();
  return {
    app,
    cache: pageCacheOf(app),
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
