import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/create-db.ts';
import type { Role } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { nowIso } from '../shared/time.ts';
import { type Actor, ROLES } from './actor.ts';
import { hashPassword } from './password.ts';
import { assertCan } from './policy.ts';
import { hashToken, newToken } from './session.service.ts';
import { channelIdsOf } from './user.service.ts';

/**
 * API tokens for integrations (a CMS feed, a wire importer, a mobile app backend).
 *
 * - Only administrators create and revoke tokens. The plain token is returned once, at creation;
 *   the database keeps only its SHA-256, so a leaked table cannot be replayed.
 * - A token acts with its role's rights everywhere, through the same policy as people.
 * - Each token acts as its own account (a disabled user with an unguessable password, named
 *   "API · <name>"), so drafts it writes have an author, reporter tokens can continue their own
 *   drafts (and only those), and the audit log names the token.
 * - Channel scope: chief and admin tokens work in every channel. Editor and reporter tokens work
 *   only in the channels given at creation (stored as that account's `user_channels`); without
 *   any they can read what they wrote and upload media, nothing else.
 * - `last_used_at` is written at most once a minute per token, so busy integrations do not turn
 *   every read into a write.
 */

export class ApiTokenError extends Error {}

/** Plain tokens start with this, so a leaked one is easy to recognise in logs and scanners. */
export const TOKEN_PREFIX = 'ink_';
const TOUCH_INTERVAL_MS = 60_000;

export interface ApiToken {
  id: number;
  name: string;
  role: Role;
  channelIds: number[];
  createdAt: string;
  createdByName: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewApiToken {
  name: string;
  role: Role;
  /** For editor and reporter tokens; ignored for chief and admin tokens, which work everywhere. */
  channelIds?: number[];
}

/** Creates a token and returns its plain value, which is never shown again. */
export async function createApiToken(db: Db, by: Actor, input: NewApiToken): Promise<{ token: string; record: ApiToken }> {
  assertCan(by, 'tokens.manage');
  const name = input.name.trim();
  if (!name || name.length > 80) throw new ApiTokenError('the token name must have 1–80 characters');
  if (!ROLES.includes(input.role)) throw new ApiTokenError(`role must be one of ${ROLES.join(', ')}`);
  const scoped = input.role === 'editor' || input.role === 'reporter';
  const channelIds = scoped ? [...new Set(input.channelIds ?? [])] : [];
  if (channelIds.length) {
    const found = await db.kysely.selectFrom('channels').select('id').where('id', 'in', channelIds).execute();
    if (found.length !== channelIds.length) throw new ApiTokenError('a chosen channel does not exist');
  }
  const token = TOKEN_PREFIX + newToken();
  // Nobody knows this password and the account is disabled: the token is the only way in.
  const passwordHash = await hashPassword(newToken());
  const id = await db.kysely.transaction().execute(async (trx) => {
    const now = nowIso();
    const user = await trx
      .insertInto('users')
      .values({
        username: `api-${randomBytes(6).toString('hex')}`,
        password_hash: passwordHash,
        display_name: `API · ${name}`,
        role: input.role,
        disabled: 1,
        failed_logins: 0,
        locked_until: null,
        created_at: now,
        password_changed_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const channelId of channelIds) {
      await trx.insertInto('user_channels').values({ user_id: user.id, channel_id: channelId }).execute();
    }
    const row = await trx
      .insertInto('api_tokens')
      .values({ name, token_hash: hashToken(token), role: input.role, created_by: by.userId, created_at: now, user_id: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, by, { action: 'token.create', targetType: 'api_token', targetId: row.id, detail: { name, role: input.role, channelIds } });
    return row.id;
  });
  const record = (await listApiTokens(db, by)).find((t) => t.id === id);
  if (!record) throw new Error(`token ${id} vanished after creation`);
  return { token, record };
}

/** Every token, newest first, revoked ones included (they stay for the record). */
export async function listApiTokens(db: Db, by: Actor): Promise<ApiToken[]> {
  assertCan(by, 'tokens.manage');
  const rows = await db.kysely
    .selectFrom('api_tokens')
    .leftJoin('users as creator', 'creator.id', 'api_tokens.created_by')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.role',
      'api_tokens.user_id',
      'api_tokens.created_at',
      'api_tokens.last_used_at',
      'api_tokens.revoked_at',
      'creator.display_name as creator_name',
    ])
    .orderBy('api_tokens.id', 'desc')
    .execute();
  const userIds = rows.map((r) => r.user_id).filter((id): id is number => id !== null);
  const scopes = userIds.length
    ? await db.kysely.selectFrom('user_channels').select(['user_id', 'channel_id']).where('user_id', 'in', userIds).execute()
    : [];
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role,
    channelIds: scopes.filter((s) => s.user_id === row.user_id).map((s) => s.channel_id),
    createdAt: row.created_at,
    createdByName: row.creator_name ?? '',
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }));
}

/** Revokes a token at once; its next request is refused. Revoking twice changes nothing. */
export async function revokeApiToken(db: Db, by: Actor, id: number): Promise<void> {
  assertCan(by, 'tokens.manage');
  await db.kysely.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('api_tokens').select(['id', 'name', 'revoked_at']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new ApiTokenError(`token ${id} does not exist`);
    if (row.revoked_at) return;
    await trx.updateTable('api_tokens').set({ revoked_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, by, { action: 'token.revoke', targetType: 'api_token', targetId: id, detail: { name: row.name } });
  });
}

/** The actor a presented token acts as, or undefined for an unknown or revoked token. */
export async function authenticateApiToken(db: Db, token: string, ip: string): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
  const row = await db.kysely
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'api_tokens.role', 'api_tokens.last_used_at', 'api_tokens.revoked_at', 'users.id as user_id', 'users.username', 'users.display_name'])
    .where('api_tokens.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at) return undefined;
  const now = new Date();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= TOUCH_INTERVAL_MS) {
    const cutoff = new Date(now.getTime() - TOUCH_INTERVAL_MS).toISOString();
    // The condition repeats the check in SQL so concurrent requests write once.
    await db.kysely
      .updateTable('api_tokens')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', cutoff)]))
      .execute();
  }
  const scoped = row.role === 'editor' || row.role === 'reporter';
  return {
    userId: row.user_id,
    name: row.display_name,
    username: row.username,
    role: row.role,
    channelIds: scoped ? await channelIdsOf(db, row.user_id) : [],
    ip,
  };
}
