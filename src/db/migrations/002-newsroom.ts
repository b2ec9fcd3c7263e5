import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-db.ts';
import { textDefault, withIdColumn } from '../dialect.ts';

/** The newsroom: accounts, sessions, channel assignments, workflow columns, audit log, API tokens. */
export function newsroom(dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await withIdColumn(dialect, db.schema.createTable('users'))
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('password_changed_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('user_channels')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('channel_id', 'integer', (c) => c.notNull().references('channels.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('user_channels_pk', ['user_id', 'channel_id'])
        .execute();

      // The session id is never stored: only its SHA-256, so a leaked table cannot be replayed.
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', textDefault)
        .addColumn('user_agent', 'text', textDefault)
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await db.schema
        .alterTable('articles')
        .addColumn('author_id', 'integer', (c) => c.references('users.id'))
        .execute();
      await db.schema.alterTable('articles').addColumn('working_copy', 'text').execute();
      await db.schema.alterTable('articles').addColumn('review_comment', 'text', textDefault).execute();
      await db.schema.alterTable('articles').addColumn('scheduled_at', 'text').execute();
      await db.schema.alterTable('articles').addColumn('unpublish_at', 'text').execute();
      await db.schema.createIndex('articles_status_updated').on('articles').columns(['status', 'updated_at']).execute();
      await db.schema.createIndex('articles_scheduled').on('articles').columns(['status', 'scheduled_at']).execute();
      await db.schema.createIndex('articles_author').on('articles').columns(['author_id', 'updated_at']).execute();
      await db.schema.alterTable('revisions').addColumn('author_id', 'integer').execute();
      await db.schema.alterTable('revisions').addColumn('note', 'text', textDefault).execute();

      await withIdColumn(dialect, db.schema.createTable('audit_log'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer')
        .addColumn('username', 'text', textDefault)
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text', textDefault)
        .addColumn('target_id', 'text', textDefault)
        .addColumn('detail', 'text', textDefault)
        .addColumn('ip', 'text', textDefault)
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

      await withIdColumn(dialect, db.schema.createTable('api_tokens'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await sql`select 1`.execute(db);
    },
  };
}
