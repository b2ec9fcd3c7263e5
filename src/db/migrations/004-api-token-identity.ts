import type { Kysely } from 'kysely';

/**
 * Each API token acts as its own (disabled, password-less) account, so drafts it writes have an
 * author, the audit log names it, and its channel scope reuses `user_channels`.
 */
export function apiTokenIdentity() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .alterTable('api_tokens')
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .execute();
    },
  };
}
