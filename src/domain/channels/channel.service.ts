import type { Kysely } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import type { ChannelKind, ChannelRow, Database } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { nowIso } from '../shared/time.ts';
import type { Actor } from '../users/actor.ts';
import { assertCan } from '../users/policy.ts';
import { ChannelTree } from './channel-tree.ts';

export interface ChannelInput {
  slug: string;
  name: string;
  parentId?: number | null;
  kind?: ChannelKind;
  position?: number;
  inNav?: boolean;
  description?: string;
}

export class ChannelError extends Error {}

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const KINDS: readonly ChannelKind[] = ['list', 'photo', 'topics', 'section'];

export async function loadChannelTree(db: Db): Promise<ChannelTree> {
  return new ChannelTree(await db.kysely.selectFrom('channels').selectAll().execute());
}

export async function createChannel(db: Db, input: ChannelInput): Promise<ChannelRow> {
  checkChannelInput(input);
  const row = await db.kysely
    .insertInto('channels')
    .values({
      slug: input.slug,
      name: input.name.trim(),
      parent_id: input.parentId ?? null,
      kind: input.kind ?? 'list',
      position: input.position ?? 0,
      in_nav: input.inNav === false ? 0 : 1,
      description: input.description ?? '',
      created_at: nowIso(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error: Error) => {
      throw new ChannelError(`cannot create channel "${input.slug}": ${error.message}`);
    });
  db.changes.publish({ kind: 'channels' });
  return row;
}

/**
 * Changes a channel's slug. Every old path under it (the channel and its descendants) is kept as
 * a redirect, so published URLs keep working and answer 301 to their new place.
 */
export async function changeChannelSlug(db: Db, channelId: number, slug: string): Promise<void> {
  if (!SLUG.test(slug)) throw new ChannelError(`slug "${slug}" must be lower-case letters, digits and hyphens`);
  await db.kysely.transaction().execute(async (trx) => {
    const channel = await trx.selectFrom('channels').select('parent_id').where('id', '=', channelId).executeTakeFirst();
    if (!channel) throw new ChannelError(`channel ${channelId} does not exist`);
    await relocateChannel(trx, channelId, { slug, parentId: channel.parent_id });
  });
  db.changes.publish({ kind: 'channels' });
}

/**
 * Gives a channel a new slug and/or parent inside the caller's transaction. Every old path under
 * it becomes a redirect; a path that is live again (a move undone) stops redirecting. A channel
 * that changes parent goes to the end of its new siblings.
 */
async function relocateChannel(trx: Kysely<Database>, channelId: number, to: { slug: string; parentId: number | null }): Promise<void> {
  const tree = new ChannelTree(await trx.selectFrom('channels').selectAll().execute());
  const channel = tree.byId.get(channelId);
  if (!channel) throw new ChannelError(`channel ${channelId} does not exist`);
  if (to.parentId !== null && !tree.byId.has(to.parentId)) throw new ChannelError(`parent channel ${to.parentId} does not exist`);
  if (to.parentId !== null && tree.subtreeIds(channelId).includes(to.parentId)) {
    throw new ChannelError('a channel cannot move under itself or one of its own sub-channels');
  }
  const newParent = to.parentId !== channel.parent_id;
  if (!newParent && to.slug === channel.slug) return;
  await assertSlugFree(trx, to.parentId, to.slug, channelId);
  const moved = tree.subtreeIds(channelId).map((id) => ({ old_path: tree.pathOf(id), channel_id: id }));
  const position = newParent ? await nextPosition(trx, to.parentId) : channel.position;
  await trx.updateTable('channels').set({ slug: to.slug, parent_id: to.parentId, position }).where('id', '=', channelId).execute();
  const after = new ChannelTree(await trx.selectFrom('channels').selectAll().execute());
  const livePaths = moved.map((m) => after.pathOf(m.channel_id));
  await trx.deleteFrom('channel_redirects').where('old_path', 'in', livePaths).execute();
  for (const redirect of moved) {
    await trx
      .insertInto('channel_redirects')
      .values(redirect)
      .onConflict((oc) => oc.column('old_path').doUpdateSet({ channel_id: redirect.channel_id }))
      .execute();
  }
}

/** The channel that used to live at an old path, if any. */
export async function findRedirectedChannel(db: Db, oldPath: string): Promise<number | undefined> {
  const row = await db.kysely
    .selectFrom('channel_redirects')
    .select('channel_id')
    .where('old_path', '=', oldPath)
    .executeTakeFirst();
  return row?.channel_id;
}

function checkChannelInput(input: ChannelInput): void {
  if (!SLUG.test(input.slug)) throw new ChannelError(`slug "${input.slug}" must be lower-case letters, digits and hyphens`);
  if (!input.name.trim()) throw new ChannelError('channel name must not be empty');
  if (input.kind && !KINDS.includes(input.kind)) throw new ChannelError(`unknown channel kind "${input.kind}"`);
}

// ---- Newsroom edits (audited, announced on the change feed) ----

export interface ChannelChange {
  name: string;
  slug: string;
  kind: ChannelKind;
  inNav: boolean;
  /** A new parent (null = top level); undefined keeps the current one. */
  parentId?: number | null;
}

/** Creates a channel on behalf of an administrator: audited, and the public pages are told. */
export async function createChannelAs(db: Db, actor: Actor, input: ChannelInput): Promise<ChannelRow> {
  assertCan(actor, 'channels.manage');
  checkChannelInput(input);
  const parentId = input.parentId ?? null;
  const row = await db.kysely.transaction().execute(async (trx) => {
    if (parentId !== null && !(await trx.selectFrom('channels').select('id').where('id', '=', parentId).executeTakeFirst())) {
      throw new ChannelError(`parent channel ${parentId} does not exist`);
    }
    await assertSlugFree(trx, parentId, input.slug);
    const created = await trx
      .insertInto('channels')
      .values({
        slug: input.slug,
        name: input.name.trim(),
        parent_id: parentId,
        kind: input.kind ?? 'list',
        position: input.position ?? (await nextPosition(trx, parentId)),
        in_nav: input.inNav === false ? 0 : 1,
        description: input.description ?? '',
        created_at: nowIso(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'channel.create',
      targetType: 'channel',
      targetId: created.id,
      detail: { slug: created.slug, name: created.name, parentId },
    });
    return created;
  });
  db.changes.publish({ kind: 'channels' });
  return row;
}

/**
 * Changes a channel's name, kind, nav visibility, slug and parent in one transaction. A new slug
 * or parent keeps every old URL under the channel answering with a redirect.
 */
export async function updateChannel(db: Db, actor: Actor, channelId: number, change: ChannelChange): Promise<ChannelRow> {
  assertCan(actor, 'channels.manage');
  checkChannelInput(change);
  const after = await db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('channels').selectAll().where('id', '=', channelId).executeTakeFirst();
    if (!before) throw new ChannelError(`channel ${channelId} does not exist`);
    const parentId = change.parentId === undefined ? before.parent_id : change.parentId;
    await relocateChannel(trx, channelId, { slug: change.slug, parentId });
    const row = await trx
      .updateTable('channels')
      .set({ name: change.name.trim(), kind: change.kind, in_nav: change.inNav ? 1 : 0 })
      .where('id', '=', channelId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, from, to] of [
      ['name', before.name, row.name],
      ['slug', before.slug, row.slug],
      ['parentId', before.parent_id, row.parent_id],
      ['kind', before.kind, row.kind],
      ['inNav', before.in_nav === 1, row.in_nav === 1],
    ] as const) {
      if (from !== to) changed[key] = { from, to };
    }
    await recordAudit(trx, actor, { action: 'channel.update', targetType: 'channel', targetId: channelId, detail: changed });
    return row;
  });
  db.changes.publish({ kind: 'channels' });
  return after;
}

/**
 * Deletes an empty channel. A channel with sub-channels or with any story (in any state) is
 * refused with the reason, so nothing published can lose its place; move them first.
 */
export async function deleteChannel(db: Db, actor: Actor, channelId: number): Promise<void> {
  assertCan(actor, 'channels.manage');
  await db.kysely.transaction().execute(async (trx) => {
    const channel = await trx.selectFrom('channels').selectAll().where('id', '=', channelId).executeTakeFirst();
    if (!channel) throw new ChannelError(`channel ${channelId} does not exist`);
    const children = await siblingsQuery(trx, channelId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(children.n) > 0) throw new ChannelError(`"${channel.name}" has ${children.n} sub-channels; move or delete them first`);
    const stories = await trx.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('channel_id', '=', channelId).executeTakeFirstOrThrow();
    if (Number(stories.n) > 0) throw new ChannelError(`"${channel.name}" still holds ${stories.n} stories; move them to another channel first`);
    // Redirects to it and channel assignments of staff and tokens go with it (foreign keys cascade).
    await trx.deleteFrom('channels').where('id', '=', channelId).execute();
    await recordAudit(trx, actor, { action: 'channel.delete', targetType: 'channel', targetId: channelId, detail: { slug: channel.slug, name: channel.name } });
  });
  db.changes.publish({ kind: 'channels' });
}

/** Moves a channel one place up or down among its siblings (the nav bar's order for top-level channels). */
export async function moveChannel(db: Db, actor: Actor, channelId: number, direction: 'up' | 'down'): Promise<void> {
  assertCan(actor, 'channels.manage');
  const moved = await db.kysely.transaction().execute(async (trx) => {
    const channel = await trx.selectFrom('channels').selectAll().where('id', '=', channelId).executeTakeFirst();
    if (!channel) throw new ChannelError(`channel ${channelId} does not exist`);
    const siblings = await siblingsQuery(trx, channel.parent_id).selectAll().orderBy('position').orderBy('id').execute();
    const index = siblings.findIndex((s) => s.id === channelId);
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= siblings.length) return false;
    const order = siblings.map((s) => s.id);
    [order[index], order[target]] = [order[target]!, order[index]!];
    // Positions are rewritten 1..n, which also repairs ties left by older data.
    for (const [i, id] of order.entries()) {
      await trx.updateTable('channels').set({ position: i + 1 }).where('id', '=', id).execute();
    }
    await recordAudit(trx, actor, { action: 'channel.move', targetType: 'channel', targetId: channelId, detail: { direction, position: target + 1 } });
    return true;
  });
  if (moved) db.changes.publish({ kind: 'channels' });
}

function siblingsQuery(trx: Kysely<Database>, parentId: number | null) {
  return trx.selectFrom('channels').where((eb) => (parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId)));
}

/** The place after the last of a parent's children. */
async function nextPosition(trx: Kysely<Database>, parentId: number | null): Promise<number> {
  const last = await siblingsQuery(trx, parentId)
    .select((eb) => eb.fn.max('position').as('max'))
    .executeTakeFirst();
  return Number(last?.max ?? 0) + 1;
}

async function assertSlugFree(trx: Kysely<Database>, parentId: number | null, slug: string, exceptId?: number): Promise<void> {
  let query = siblingsQuery(trx, parentId).select('id').where('slug', '=', slug);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  const taken = await query.executeTakeFirst();
  if (taken) throw new ChannelError(`slug "${slug}" is already used by another channel at this level`);
}
