import type { Kysely } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import { writeSetting } from '../settings/settings-store.ts';
import type { BlockItemRow, Database } from '../../db/schema.ts';
import { type ArticleSummary, listFlagged } from '../articles/article.queries.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../users/actor.ts';
import { assertCan } from '../users/policy.ts';

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
  const row = await db.kysely
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
  db.changes.publish({ kind: 'block', block });
  return row;
}

// ---- Newsroom edits (audited, announced on the change feed) ----

export class BlockError extends Error {}

const MAX_TITLE = 200;

/** Links in a block are web addresses or site paths; never javascript:, data: or other schemes. */
export function isSafeLink(url: string): boolean {
  return /^(https?:\/\/[^\s"'<>]+|\/(?!\/)[^\s"'<>]*)$/i.test(url);
}

async function checkItem(trx: Kysely<Database>, item: BlockItemInput): Promise<BlockItemInput> {
  const title = item.title.trim();
  const url = item.url.trim();
  if (!title) throw new BlockError('a block item needs a title');
  if (title.length > MAX_TITLE) throw new BlockError(`title longer than ${MAX_TITLE} characters`);
  if (!isSafeLink(url)) throw new BlockError('link must start with http://, https:// or /');
  const imageMediaId = item.imageMediaId ?? null;
  if (imageMediaId !== null) {
    const media = await trx.selectFrom('media').select('id').where('id', '=', imageMediaId).executeTakeFirst();
    if (!media) throw new BlockError(`image ${imageMediaId} is not in the media library`);
  }
  return { title, url, imageMediaId, account: (item.account ?? '').trim().slice(0, 100) };
}

export async function findBlockItem(db: Db, id: number): Promise<BlockItemRow | undefined> {
  return db.kysely.selectFrom('block_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Adds an item at the end of a block, for an editor. */
export async function addBlockItem(db: Db, actor: Actor, block: BlockName, input: BlockItemInput): Promise<BlockItemRow> {
  assertCan(actor, 'blocks.manage');
  const row = await db.kysely.transaction().execute(async (trx) => {
    const item = await checkItem(trx, input);
    const last = await trx
      .selectFrom('block_items')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('block', '=', block)
      .executeTakeFirst();
    const created = await trx
      .insertInto('block_items')
      .values({ block, title: item.title, url: item.url, image_media_id: item.imageMediaId ?? null, account: item.account ?? '', position: Number(last?.max ?? -1) + 1 })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'block.add', targetType: 'block_item', targetId: created.id, detail: { block, title: created.title, url: created.url } });
    return created;
  });
  db.changes.publish({ kind: 'block', block });
  return row;
}

export async function updateBlockItem(db: Db, actor: Actor, id: number, input: BlockItemInput): Promise<BlockItemRow> {
  assertCan(actor, 'blocks.manage');
  const row = await db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('block_items').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new BlockError(`block item ${id} does not exist`);
    const item = await checkItem(trx, input);
    const after = await trx
      .updateTable('block_items')
      .set({ title: item.title, url: item.url, image_media_id: item.imageMediaId ?? null, account: item.account ?? '' })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'block.update',
      targetType: 'block_item',
      targetId: id,
      detail: { block: before.block, from: { title: before.title, url: before.url }, to: { title: after.title, url: after.url } },
    });
    return after;
  });
  db.changes.publish({ kind: 'block', block: row.block });
  return row;
}

export async function deleteBlockItem(db: Db, actor: Actor, id: number): Promise<void> {
  assertCan(actor, 'blocks.manage');
  const block = await db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('block_items').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new BlockError(`block item ${id} does not exist`);
    await trx.deleteFrom('block_items').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'block.delete', targetType: 'block_item', targetId: id, detail: { block: before.block, title: before.title } });
    return before.block;
  });
  db.changes.publish({ kind: 'block', block });
}

/** Moves one item a place up or down (the keyboard and no-JavaScript way to reorder). */
export async function moveBlockItem(db: Db, actor: Actor, id: number, direction: 'up' | 'down'): Promise<void> {
  const item = await findBlockItem(db, id);
  if (!item) throw new BlockError(`block item ${id} does not exist`);
  const ids = (await listBlockItems(db, item.block as BlockName, 1000)).map((row) => row.id);
  const index = ids.indexOf(id);
  const target = direction === 'up' ? index - 1 : index + 1;
  if (target < 0 || target >= ids.length) return;
  [ids[index], ids[target]] = [ids[target]!, ids[index]!];
  await reorderBlockItems(db, actor, item.block as BlockName, ids);
}

/**
 * Puts a block's items in the given order (drag and drop sends the whole list). The list must
 * name every item of the block exactly once, so a stale page cannot drop or duplicate items.
 */
export async function reorderBlockItems(db: Db, actor: Actor, block: BlockName, ids: readonly number[]): Promise<void> {
  assertCan(actor, 'blocks.manage');
  await db.kysely.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('block_items').select('id').where('block', '=', block).orderBy('position').orderBy('id').execute();
    const known = new Set(current.map((row) => row.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) {
      throw new BlockError('the order must list every item of the block once; reload the page and try again');
    }
    for (const [position, id] of ids.entries()) {
      await trx.updateTable('block_items').set({ position }).where('id', '=', id).execute();
    }
    await recordAudit(trx, actor, { action: 'block.reorder', targetType: 'block', targetId: block, detail: { order: ids } });
  });
  db.changes.publish({ kind: 'block', block });
}

// ---- Headline slot, focus carousel and 要闻 pins ----
//
// These show articles, so membership stays where the editor sets it: the article's own flags
// (is_headline, is_focus, is_top). The focus carousel's order is a list of article ids kept in
// the settings table under `block-order:focus`; flagged articles not in that list (newly
// flagged) lead, newest first, followed by the curated order.

const FOCUS_ORDER_KEY = 'block-order:focus';
/** How many flagged stories the newsroom page lists and orders. */
export const FOCUS_CANDIDATES = 30;

type ArticleFlag = 'is_headline' | 'is_focus' | 'is_top';

async function readFocusOrder(db: Db | Kysely<Database>): Promise<number[]> {
  const kysely = 'kysely' in db ? db.kysely : db;
  const row = await kysely.selectFrom('settings').select('value').where('key', '=', FOCUS_ORDER_KEY).executeTakeFirst();
  if (!row) return [];
  try {
    const parsed: unknown = JSON.parse(row.value);
    return Array.isArray(parsed) ? parsed.filter((n): n is number => Number.isInteger(n)) : [];
  } catch {
    return [];
  }
}

/** The focus carousel as readers see it: published, flagged, in the editors' order. */
export async function listFocusArticles(db: Db, limit: number): Promise<ArticleSummary[]> {
  const [flagged, order] = await Promise.all([listFlagged(db, 'is_focus', FOCUS_CANDIDATES), readFocusOrder(db)]);
  const rank = new Map(order.map((id, index) => [id, index]));
  const fresh = flagged.filter((a) => !rank.has(a.id));
  const curated = flagged.filter((a) => rank.has(a.id)).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  return [...fresh, ...curated].slice(0, limit);
}

/** Moves a focus story a place up or down; the whole visible order is then stored. */
export async function moveFocusArticle(db: Db, actor: Actor, articleId: number, direction: 'up' | 'down'): Promise<void> {
  assertCan(actor, 'blocks.manage');
  const ids = (await listFocusArticles(db, FOCUS_CANDIDATES)).map((a) => a.id);
  const index = ids.indexOf(articleId);
  if (index < 0) throw new BlockError(`article ${articleId} is not in the focus carousel`);
  const target = direction === 'up' ? index - 1 : index + 1;
  if (target < 0 || target >= ids.length) return;
  [ids[index], ids[target]] = [ids[target]!, ids[index]!];
  await saveFocusOrder(db, actor, ids);
}

/** Stores the focus order (drag and drop sends it whole); unknown ids are refused. */
export async function saveFocusOrder(db: Db, actor: Actor, ids: readonly number[]): Promise<void> {
  assertCan(actor, 'blocks.manage');
  const flagged = new Set((await listFlagged(db, 'is_focus', FOCUS_CANDIDATES)).map((a) => a.id));
  if (new Set(ids).size !== ids.length || !ids.every((id) => flagged.has(id))) {
    throw new BlockError('the order must list focus stories once each; reload the page and try again');
  }
  await db.kysely.transaction().execute(async (trx) => {
    await writeSetting(trx, FOCUS_ORDER_KEY, ids);
    await recordAudit(trx, actor, { action: 'block.reorder', targetType: 'block', targetId: 'focus', detail: { order: ids } });
  });
  db.changes.publish({ kind: 'block', block: 'focus' });
}

/**
 * Sets or clears one article's curated flag. The headline slot holds one story, so setting it
 * clears every other headline. A published story's working copy gets the same flag, so
 * publishing pending edits later does not undo the editors' choice; the version goes up, so an
 * editor form that still holds the old flag meets an edit conflict instead of undoing it.
 */
export async function setArticleFlag(db: Db, actor: Actor, articleId: number, flag: ArticleFlag, on: boolean): Promise<void> {
  assertCan(actor, 'blocks.manage');
  const touched = await db.kysely.transaction().execute(async (trx) => {
    const article = await trx.selectFrom('articles').select(['id', 'channel_id', 'status', 'title']).where('id', '=', articleId).executeTakeFirst();
    if (!article) throw new BlockError(`article ${articleId} does not exist`);
    if (on && article.status !== 'published') throw new BlockError('only published stories can be placed in a block');
    const others =
      flag === 'is_headline' && on
        ? await trx.selectFrom('articles').select(['id', 'channel_id']).where('is_headline', '=', 1).where('id', '!=', articleId).execute()
        : [];
    const changed = [...others.map((o) => ({ id: o.id, channelId: o.channel_id, value: 0 })), { id: article.id, channelId: article.channel_id, value: on ? 1 : 0 }];
    for (const row of changed) {
      // A new version: an editor form opened before this change must not save the old flag back.
      await trx
        .updateTable('articles')
        .set((eb) => ({ [flag]: row.value, version: eb('version', '+', 1) }))
        .where('id', '=', row.id)
        .execute();
      const copy = await trx.selectFrom('articles').select('working_copy').where('id', '=', row.id).executeTakeFirst();
      if (copy?.working_copy) {
        const fields = JSON.parse(copy.working_copy) as Record<string, unknown>;
        fields[flag] = row.value;
        await trx.updateTable('articles').set({ working_copy: JSON.stringify(fields) }).where('id', '=', row.id).execute();
      }
    }
    await recordAudit(trx, actor, {
      action: `block.${flag.replace('is_', '')}.${on ? 'set' : 'clear'}`,
      targetType: 'article',
      targetId: articleId,
      detail: { title: article.title, ...(others.length ? { replaced: others.map((o) => o.id) } : {}) },
    });
    return changed;
  });
  for (const row of touched) db.changes.publish({ kind: 'article', articleId: row.id, channelIds: [row.channelId] });
}

/** Clears the headline slot (the home page then shows no headline). */
export async function clearHeadline(db: Db, actor: Actor): Promise<void> {
  const current = await db.kysely.selectFrom('articles').select('id').where('is_headline', '=', 1).execute();
  for (const row of current) await setArticleFlag(db, actor, row.id, 'is_headline', false);
}

/** The curated flags of some articles, for the newsroom's blocks page. */
export async function articleFlags(db: Db, ids: readonly number[]): Promise<Map<number, { isHeadline: boolean; isFocus: boolean; isTop: boolean }>> {
  if (!ids.length) return new Map();
  const rows = await db.kysely.selectFrom('articles').select(['id', 'is_headline', 'is_focus', 'is_top']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, { isHeadline: r.is_headline === 1, isFocus: r.is_focus === 1, isTop: r.is_top === 1 }]));
}
