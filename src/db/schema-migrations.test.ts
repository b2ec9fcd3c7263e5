import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/helpers/databases.ts';
import type { Db } from './create-db.ts';
import type { Database } from './schema.ts';

/**
 * Every column schema.ts declares, table by table. The type makes this list exactly schema.ts's:
 * a column added to (or dropped from) a table type fails `tsc` here until it is listed, and the
 * test below then fails until a migration really adds (or drops) it. A migration that changes
 * the database without schema.ts fails the test too.
 */
const DECLARED: { [T in keyof Database]-?: { [C in keyof Database[T]]-?: true } } = {
  api_tokens: { id: true, name: true, token_hash: true, role: true, created_by: true, created_at: true, last_used_at: true, revoked_at: true, user_id: true },
  articles: {
    id: true, channel_id: true, title: true, subtitle: true, summary: true, body_html: true, cover_media_id: true, source_name: true, source_url: true,
    is_original: true, original_title: true, original_author: true, dateline: true, reporters: true, photographers: true, editor_name: true, keywords: true,
    is_headline: true, is_focus: true, is_top: true, status: true, published_at: true, created_at: true, updated_at: true, version: true, author_id: true,
    working_copy: true, review_comment: true, scheduled_at: true, unpublish_at: true, embargo_until: true,
  },
  audit_log: { id: true, at: true, user_id: true, username: true, action: true, target_type: true, target_id: true, detail: true, ip: true },
  block_items: { id: true, block: true, title: true, url: true, image_media_id: true, account: true, position: true },
  channel_redirects: { old_path: true, channel_id: true },
  channels: { id: true, parent_id: true, slug: true, name: true, kind: true, position: true, in_nav: true, description: true, created_at: true },
  import_progress: { source: true, done: true, imported: true, skipped: true, updated_at: true },
  ingest_fingerprints: { article_id: true, source_url: true, simhash: true, band0: true, band1: true, band2: true, band3: true, created_at: true },
  ingest_items: {
    id: true, provider: true, guid: true, url: true, title: true, summary: true, body_html: true, authors: true, published_at: true, status: true,
    article_id: true, created_at: true, language: true, embargo_until: true, version: true, version_created: true, withdrawn_at: true, agency_updated_at: true,
    withdrawn_from: true,
  },
  media: { id: true, path: true, mime: true, size: true, width: true, height: true, caption: true, credit: true, alt: true, sha256: true, created_at: true },
  related_articles: { article_id: true, position: true, related_id: true, score: true },
  revisions: { id: true, article_id: true, version: true, snapshot: true, author_name: true, created_at: true, author_id: true, note: true },
  search_bodies: { article_id: true, body: true },
  search_docs: { article_id: true, channel_id: true, status: true, published_at: true, source_name: true, title: true, extra: true, lead: true },
  sessions: { id_hash: true, user_id: true, csrf_token: true, created_at: true, expires_at: true, ip: true, user_agent: true },
  settings: { key: true, value: true },
  user_channels: { user_id: true, channel_id: true },
  users: { id: true, username: true, password_hash: true, display_name: true, role: true, disabled: true, failed_logins: true, locked_until: true, created_at: true, password_changed_at: true },
  wire_providers: { id: true, name: true, url: true, interval_minutes: true, enabled: true, last_polled_at: true, last_error: true, created_at: true },
};

/**
 * Search structures are written with raw SQL only (search.service.ts), so they are not typed:
 * the sort key, PostgreSQL's tsvector columns, SQLite's FTS5 tables and their shadow tables.
 */
const RAW_SQL_COLUMNS: Record<string, string[]> = { search_docs: ['sort_key', 'words', 'grams', 'head_words', 'head_grams'] };
const RAW_SQL_TABLE = /^(search_fts|search_heads)(_|$)|^kysely_|^sqlite_/;

async function migratedColumns(db: Db): Promise<Record<string, string[]>> {
  // PostgreSQL introspection sees every schema of the database; the tests' own is the current one.
  const schema = db.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db.kysely)).rows[0]?.s : undefined;
  const tables = await db.kysely.introspection.getTables();
  const columns: Record<string, string[]> = {};
  for (const table of tables) {
    if (RAW_SQL_TABLE.test(table.name) || (schema && table.schema !== schema)) continue;
    const raw = RAW_SQL_COLUMNS[table.name] ?? [];
    columns[table.name] = table.columns.map((c) => c.name).filter((name) => !raw.includes(name)).sort();
  }
  return columns;
}

describeEachDialect('schema.ts and the migrations', (fresh) => {
  it('describe the same tables and columns', async () => {
    const declared = Object.fromEntries(Object.entries(DECLARED).map(([table, columns]) => [table, Object.keys(columns).sort()]));
    expect(await migratedColumns(await fresh())).toEqual(declared);
  });
});
