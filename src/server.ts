import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.tsx';
import type { Config } from './config.ts';
import { type Db, createDb } from './db/create-db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { type ChangeListening, listenForChanges } from './db/postgres-change-relay.ts';
import { startPublishScheduler } from './domain/articles/publish-scheduler.ts';
import { startWirePoller } from './domain/ingest/wire.service.ts';

export interface RunningServer {
  app: FastifyInstance;
  db: Db;
  url: string;
  close(): Promise<void>;
}

/** Opens the database, brings its schema up to date, and listens. */
export async function startServer(config: Config, options: { prepare?: (db: Db) => Promise<void> } = {}): Promise<RunningServer> {
  const db = await createDb(config.database);
  try {
    await migrateToLatest(db);
    await options.prepare?.(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const app = await buildApp({ config, db }, { logger: config.log });
  // With PostgreSQL, other instances' changes purge this one's caches too.
  let listening: ChangeListening | undefined;
  if (config.database.dialect === 'postgres') {
    listening = listenForChanges(db, config.database.url, (error) => app.log.warn({ err: error }, 'change notifications interrupted; reconnecting'));
    await listening.ready;
  }
  const scheduler = startPublishScheduler(db, { onError: (error) => app.log.error(error) });
  await scheduler.ready;
  const wires = startWirePoller(db, { fetch: { allowPrivateAddresses: config.importAllowPrivate }, onError: (error) => app.log.error(error) });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= Promise.all([scheduler.stop(), wires.stop(), listening?.stop()])
      .then(() => app.close())
      .then(() => db.close());
    return closing;
  };
  return { app, db, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`, close };
}

/** Stops accepting connections on SIGINT/SIGTERM, lets requests in flight finish, then exits. */
export function closeOnSignals(server: RunningServer): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
