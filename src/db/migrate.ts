import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './create-db.ts';
import { initial } from './migrations/001-initial.ts';
import { newsroom } from './migrations/002-newsroom.ts';
import { search } from './migrations/003-search.ts';
import { apiTokenIdentity } from './migrations/004-api-token-identity.ts';
import { ingest } from './migrations/005-ingest.ts';
import { listIndexes } from './migrations/006-list-indexes.ts';
import { wireProviders } from './migrations/007-wire-providers.ts';
import { searchTimeKeys } from './migrations/008-search-time-keys.ts';
import { searchHeads } from './migrations/009-search-heads.ts';
import { wireLanguageEmbargo } from './migrations/010-wire-language-embargo.ts';
import { wireKillsVersions } from './migrations/011-wire-kills-versions.ts';
import { wireRelease } from './migrations/012-wire-release.ts';

/**
 * Migrations are immutable once merged: add a new file, never edit an old one.
 * Each migration changes schema only; data belongs to domain services or the demo.
 */
function migrationsFor(db: Db): Record<string, Migration> {
  return {
    '001-initial': initial(db.dialect),
    '002-newsroom': newsroom(db.dialect),
    '003-search': search(db.dialect),
    '004-api-token-identity': apiTokenIdentity(),
    '005-ingest': ingest(db.dialect),
    '006-list-indexes': listIndexes(),
    '007-wire-providers': wireProviders(db.dialect),
    '008-search-time-keys': searchTimeKeys(db.dialect),
    '009-search-heads': searchHeads(db.dialect),
    '010-wire-language-embargo': wireLanguageEmbargo(db.dialect),
    '011-wire-kills-versions': wireKillsVersions(db.dialect),
    '012-wire-release': wireRelease(db.dialect),
  };
}

/** Brings the schema up to date. Safe to call on every start: applied migrations are skipped. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(db) };
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${(error as Error).message}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
