import type { Db } from './create-db.ts';

/** Deletes all content, children before parents, in one transaction (used by `inkstone demo --reset`). */
export async function deleteAllContent(db: Db): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('block_items').execute();
    await trx.deleteFrom('revisions').execute();
    await trx.deleteFrom('articles').execute();
    await trx.deleteFrom('media').execute();
    await trx.deleteFrom('channel_redirects').execute();
    // Children first: a channel can only go once nothing points at it.
    await trx.updateTable('channels').set({ parent_id: null }).execute();
    await trx.deleteFrom('channels').execute();
    await trx.deleteFrom('settings').execute();
  });
}

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.kysely.selectFrom('channels').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}
