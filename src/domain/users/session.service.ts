import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/create-db.ts';
import type { UserRow } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { nowIso } from '../shared/time.ts';
import { type Actor, systemActor } from './actor.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { actorFor, findUserByUsername } from './user.service.ts';

export const SESSION_HOURS = 12;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export type LoginFailure = 'bad_credentials' | 'locked' | 'disabled';

export class LoginError extends Error {
  constructor(readonly reason: LoginFailure) {
    super(reason);
  }
}

export interface Session {
  user: UserRow;
  actor: Actor;
  csrfToken: string;
  expiresAt: string;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// Verifying against a real hash when the user does not exist keeps the answer time the same,
// so response times do not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

/** Checks the password, counts failures towards a lockout, and opens a new session (new id every login). */
export async function login(
  db: Db,
  input: { username: string; password: string; ip: string; userAgent: string },
): Promise<{ sessionId: string; session: Session }> {
  const user = await findUserByUsername(db, input.username.trim().toLowerCase());
  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(await dummyHash, input.password);
    throw new LoginError('bad_credentials');
  }
  if (user.locked_until && user.locked_until > nowIso()) throw new LoginError('locked');
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await recordFailure(db, user, input.ip);
    throw new LoginError('bad_credentials');
  }
  if (user.disabled) throw new LoginError('disabled');

  const sessionId = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000).toISOString();
  const actor = await actorFor(db, user, input.ip);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await trx
      .insertInto('sessions')
      .values({
        id_hash: hashToken(sessionId),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: nowIso(),
        expires_at: expiresAt,
        ip: input.ip,
        user_agent: input.userAgent.slice(0, 300),
      })
      .execute();
    await recordAudit(trx, actor, { action: 'session.login', targetType: 'user', targetId: user.id });
  });
  return { sessionId, session: { user, actor, csrfToken, expiresAt } };
}

async function recordFailure(db: Db, user: UserRow, ip: string): Promise<void> {
  const failures = user.failed_logins + 1;
  const lockedUntil = failures >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_logins: lockedUntil ? 0 : failures, locked_until: lockedUntil })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(trx, { ...systemActor(), username: user.username, ip }, {
      action: lockedUntil ? 'session.locked' : 'session.failed',
      targetType: 'user',
      targetId: user.id,
    });
  });
}

/** The live session for a cookie value, or undefined when unknown, expired, or the user is disabled. */
export async function findSession(db: Db, sessionId: string, ip: string): Promise<Session | undefined> {
  if (!sessionId || sessionId.length > 100) return undefined;
  const row = await db.kysely
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id_hash', '=', hashToken(sessionId))
    .executeTakeFirst();
  if (!row || row.expires_at <= nowIso() || row.disabled) return undefined;
  const { csrf_token, expires_at, ...user } = row;
  return { user, actor: await actorFor(db, user, ip), csrfToken: csrf_token, expiresAt: expires_at };
}

export async function logout(db: Db, sessionId: string, actor: Actor): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id_hash', '=', hashToken(sessionId)).execute();
    await recordAudit(trx, actor, { action: 'session.logout', targetType: 'user', targetId: actor.userId ?? '' });
  });
}
