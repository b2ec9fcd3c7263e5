import { loadConfig } from '../config.ts';
import type { Db } from '../db/create-db.ts';

/**
 * Opens the configured database, brings its schema up to date, runs the work and closes it.
 * The database drivers are loaded here, on first use, so that commands that never touch the
 * database (extract, --help) start without them.
 */
export async function withMigratedDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const [{ createDb }, { migrateToLatest }] = await Promise.all([import('../db/create-db.ts'), import('../db/migrate.ts')]);
  const db = await createDb(loadConfig().database);
  try {
    await migrateToLatest(db);
    return await work(db);
  } finally {
    await db.close();
  }
}
