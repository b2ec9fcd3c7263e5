import type { Db } from '../../db/create-db.ts';
import type { BlockItemRow } from '../../db/schema.ts';

/** Curated blocks are ordered lists of items managed by editors; 新媒体 is the first one. */
export type BlockName = 'newmedia';

export interface BlockItemInput {
  title: string;
  url: string;
  imageMediaId?: number | null;
  account?: string;
}

export async function listBlockItems(db: Db, block: BlockName, limit = 50): Promise<BlockItemRow[]> {
  return db.kysely
    .selectFrom('block_items')
    .selectAll()
    .where('block', '=', block)
    .orderBy('position')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function appendBlockItem(db: Db, block: BlockName, item: BlockItemInput): Promise<BlockItemRow> {
  if (!item.title.trim()) throw new Error('a block item needs a title');
  const last = await db.kysely
    .selectFrom('block_items')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('block', '=', block)
    .executeTakeFirst();
  return db.kysely
    .insertInto('block_items')
    .values({
      block,
      title: item.title.trim(),
      url: item.url,
      image_media_id: item.imageMediaId ?? null,
      account: item.account ?? '',
      position: Number(last?.max ?? -1) + 1,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
