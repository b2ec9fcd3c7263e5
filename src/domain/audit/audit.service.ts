import type { Kysely } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../shared/time.ts';
import type { Actor } from '../users/actor.ts';

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string | number;
  detail?: Record<string, unknown>;
}

/** Writes one audit row; call it inside the transaction of the change it records. */
export async function recordAudit(trx: Kysely<Database>, actor: Actor, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      user_id: actor.userId,
      username: actor.username,
      action: entry.action,
      target_type: entry.targetType ?? '',
      target_id: entry.targetId === undefined ? '' : String(entry.targetId),
      detail: entry.detail ? JSON.stringify(entry.detail) : '',
      ip: actor.ip,
    })
    .execute();
}

export async function listAudit(db: Db, options: { page: number; pageSize: number; action?: string; username?: string }) {
  let query = db.kysely.selectFrom('audit_log');
  if (options.action) query = query.where('action', '=', options.action);
  if (options.username) query = query.where('username', '=', options.username);
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await query
    .selectAll()
    .orderBy('id', 'desc')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / options.pageSize)) };
}

/** Every action name in the log, for the viewer's filter. */
export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.kysely.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
}
