import type { Db } from '../../db/create-db.ts';
import type { ChannelKind, ChannelRow } from '../../db/schema.ts';
import { nowIso } from '../shared/time.ts';
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
const KINDS: readonly ChannelKind[] = ['list', 'photo', 'topics', 'section'];

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
  return row;
}

/**
 * Changes a channel's slug. Every old path under it (the channel and its descendants) is kept as
 * a redirect, so published URLs keep working and answer 301 to their new place.
 */
export async function changeChannelSlug(db: Db, channelId: number, slug: string): Promise<void> {
  if (!SLUG.test(slug)) throw new ChannelError(`slug "${slug}" must be lower-case letters, digits and hyphens`);
  await db.kysely.transaction().execute(async (trx) => {
    const tree = new ChannelTree(await trx.selectFrom('channels').selectAll().execute());
    if (!tree.byId.has(channelId)) throw new ChannelError(`channel ${channelId} does not exist`);
    const moved = tree.subtreeIds(channelId).map((id) => ({ old_path: tree.pathOf(id), channel_id: id }));
    await trx.updateTable('channels').set({ slug }).where('id', '=', channelId).execute();
    const after = new ChannelTree(await trx.selectFrom('channels').selectAll().execute());
    // A path that is live again (a slug changed back) must stop redirecting.
    const livePaths = moved.map((m) => after.pathOf(m.channel_id));
    await trx.deleteFrom('channel_redirects').where('old_path', 'in', livePaths).execute();
    for (const redirect of moved) {
      await trx
        .insertInto('channel_redirects')
        .values(redirect)
        .onConflict((oc) => oc.column('old_path').doUpdateSet({ channel_id: redirect.channel_id }))
        .execute();
    }
  });
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
