import type { Db } from '../../db/create-db.ts';
import type { Role, UserRow } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { nowIso } from '../shared/time.ts';
import { type Actor, ROLES } from './actor.ts';
import { checkPasswordStrength, hashPassword } from './password.ts';
import { assertCan } from './policy.ts';

export class UserError extends Error {}

const USERNAME = /^[a-z0-9][a-z0-9_.-]{1,31}$/;

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  channelIds?: number[];
}

/** Creates an account; `by` is the administrator (or the system, for the CLI and the demo). */
export async function createUser(db: Db, by: Actor, input: NewUser): Promise<UserRow> {
  assertCan(by, 'users.manage');
  if (!USERNAME.test(input.username)) throw new UserError('username must be 2–32 lower-case letters, digits, . _ or -');
  if (!ROLES.includes(input.role)) throw new UserError(`role must be one of ${ROLES.join(', ')}`);
  if (!input.displayName.trim()) throw new UserError('the real name (display name) must not be empty');
  checkPasswordStrength(input.password);
  const existing = await findUserByUsername(db, input.username);
  if (existing) throw new UserError(`user "${input.username}" already exists`);
  const passwordHash = await hashPassword(input.password);
  return db.kysely.transaction().execute(async (trx) => {
    const now = nowIso();
    const user = await trx
      .insertInto('users')
      .values({
        username: input.username,
        password_hash: passwordHash,
        display_name: input.displayName.trim(),
        role: input.role,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        created_at: now,
        password_changed_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const channelId of input.channelIds ?? []) {
      await trx.insertInto('user_channels').values({ user_id: user.id, channel_id: channelId }).execute();
    }
    await recordAudit(trx, by, { action: 'user.create', targetType: 'user', targetId: user.id, detail: { username: user.username, role: user.role } });
    return user;
  });
}

/** Sets a new password and ends every session of that user (a stolen session dies with the old password). */
export async function changePassword(db: Db, by: Actor, username: string, password: string): Promise<void> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new UserError(`no user "${username}"`);
  if (by.userId !== user.id) assertCan(by, 'users.manage');
  checkPasswordStrength(password);
  const passwordHash = await hashPassword(password);
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: nowIso(), failed_logins: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await recordAudit(trx, by, { action: 'user.password', targetType: 'user', targetId: user.id });
  });
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.kysely.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.kysely.selectFrom('users').selectAll().orderBy('id').execute();
}

export async function channelIdsOf(db: Db, userId: number): Promise<number[]> {
  const rows = await db.kysely.selectFrom('user_channels').select('channel_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.channel_id);
}

export async function actorFor(db: Db, user: UserRow, ip: string): Promise<Actor> {
  return {
    userId: user.id,
    name: user.display_name,
    username: user.username,
    role: user.role,
    channelIds: await channelIdsOf(db, user.id),
    ip,
  };
}

/** The user's row, or a UserError that says the account does not exist. */
export async function requireUser(db: Db, id: number): Promise<UserRow> {
  const user = await db.kysely.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!user) throw new UserError(`no user with id ${id}`);
  return user;
}

/** Every user's assigned channels, for the accounts list. */
export async function channelIdsByUser(db: Db): Promise<Map<number, number[]>> {
  const rows = await db.kysely.selectFrom('user_channels').select(['user_id', 'channel_id']).orderBy('channel_id').execute();
  const map = new Map<number, number[]>();
  for (const row of rows) map.set(row.user_id, [...(map.get(row.user_id) ?? []), row.channel_id]);
  return map;
}

/**
 * Changes a user's role and assigned channels. Administrators cannot change their own role, so
 * the last administrator cannot lock everybody out by accident. Sessions pick up the change on
 * their next request (the actor is rebuilt from the database every time).
 */
export async function updateUserAccess(db: Db, by: Actor, userId: number, change: { role: Role; channelIds: number[]; displayName?: string }): Promise<void> {
  assertCan(by, 'users.manage');
  const user = await requireUser(db, userId);
  if (!ROLES.includes(change.role)) throw new UserError(`role must be one of ${ROLES.join(', ')}`);
  if (by.userId === user.id && change.role !== user.role) throw new UserError('you cannot change your own role');
  const displayName = change.displayName?.trim() ?? user.display_name;
  if (!displayName) throw new UserError('the real name (display name) must not be empty');
  const channelIds = [...new Set(change.channelIds)];
  const before = await channelIdsOf(db, user.id);
  await db.kysely.transaction().execute(async (trx) => {
    if (channelIds.length) {
      const known = await trx.selectFrom('channels').select('id').where('id', 'in', channelIds).execute();
      if (known.length !== channelIds.length) throw new UserError('unknown channel in the assignment');
    }
    await trx.updateTable('users').set({ role: change.role, display_name: displayName }).where('id', '=', user.id).execute();
    await trx.deleteFrom('user_channels').where('user_id', '=', user.id).execute();
    for (const channelId of channelIds) {
      await trx.insertInto('user_channels').values({ user_id: user.id, channel_id: channelId }).execute();
    }
    await recordAudit(trx, by, {
      action: 'user.access',
      targetType: 'user',
      targetId: user.id,
      detail: { username: user.username, role: { from: user.role, to: change.role }, channels: { from: before, to: channelIds }, ...(displayName !== user.display_name ? { name: { from: user.display_name, to: displayName } } : {}) },
    });
  });
}

/** Disables or re-enables an account; disabling ends every session of that user at once. */
export async function setUserDisabled(db: Db, by: Actor, userId: number, disabled: boolean): Promise<void> {
  assertCan(by, 'users.manage');
  const user = await requireUser(db, userId);
  if (disabled && by.userId === user.id) throw new UserError('you cannot disable your own account');
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ disabled: disabled ? 1 : 0, failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await recordAudit(trx, by, { action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: user.id, detail: { username: user.username } });
  });
}
