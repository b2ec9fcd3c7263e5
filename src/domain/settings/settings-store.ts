import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Settings are JSON documents under a key in the `settings` table (site, delivery, block orders).
 * Stored values are merged over the defaults, so a setting added later has a value on old sites.
 */
export async function readSetting<T extends object>(kysely: Kysely<Database>, key: string, defaults: T): Promise<T> {
  const row = await kysely.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? { ...defaults, ...(JSON.parse(row.value) as Partial<T>) } : { ...defaults };
}

/** Inserts or replaces one setting; pass a transaction to make it part of a larger change. */
export async function writeSetting(kysely: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  await kysely
    .insertInto('settings')
    .values({ key, value: text })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: text }))
    .execute();
}
