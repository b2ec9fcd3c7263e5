import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Dialect } from '../../db/create-db.ts';
import type { Database } from '../../db/schema.ts';
import type { MatchAlternative, MatchClause } from './search-query.ts';

/**
 * The full-text index behind one interface: FTS5 on SQLite, tsvector + GIN on PostgreSQL.
 * Both receive the same token streams (tokenised in JavaScript) and the same match expression,
 * so they return the same candidate sets; ranking happens above, in JavaScript.
 */
export interface IndexedDoc {
  articleId: number;
  channelId: number;
  status: string;
  publishedAt: string | null;
  sourceName: string;
  title: string;
  extra: string;
  lead: string;
  body: string;
  words: string[];
  grams: string[];
}

export interface CandidateFilter {
  channelIds?: readonly number[];
  /** Inclusive ISO bounds on published_at. */
  from?: string;
  to?: string;
  source?: string;
  includeUnpublished: boolean;
  excludeIds?: readonly number[];
}

export interface CandidateRow {
  article_id: number;
  channel_id: number;
  status: string;
  published_at: string | null;
  source_name: string;
  title: string;
  extra: string;
  /** The first LEAD_CHARS characters of the body (ranking reads only the lead: news put the point first). */
  lead: string;
}

export interface CandidateOptions {
  limit: number;
  offset?: number;
  /** 'id': newest ids first (cheap on both engines); 'time': by publish time, newest first. */
  order: 'id' | 'time';
}

export interface SearchIndex {
  upsert(db: Kysely<Database>, doc: IndexedDoc): Promise<void>;
  remove(db: Kysely<Database>, articleId: number): Promise<void>;
  candidates(db: Kysely<Database>, clauses: readonly MatchClause[], filter: CandidateFilter, options: CandidateOptions): Promise<CandidateRow[]>;
  count(db: Kysely<Database>, clauses: readonly MatchClause[], filter: CandidateFilter): Promise<number>;
  clear(db: Kysely<Database>): Promise<void>;
}

export function searchIndexFor(dialect: Dialect): SearchIndex {
  return dialect === 'postgres' ? postgresIndex : sqliteIndex;
}

function filterSql(filter: CandidateFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (!filter.includeUnpublished) parts.push(sql`d.status = 'published'`);
  if (filter.channelIds) {
    parts.push(filter.channelIds.length ? sql`d.channel_id in (${sql.join(filter.channelIds.map((id) => sql.lit(Math.trunc(id))))})` : sql`1 = 0`);
  }
  if (filter.from) parts.push(sql`d.published_at >= ${filter.from}`);
  if (filter.to) parts.push(sql`d.published_at <= ${filter.to}`);
  if (filter.source) parts.push(sql`d.source_name = ${filter.source}`);
  if (filter.excludeIds?.length) parts.push(sql`d.article_id not in (${sql.join(filter.excludeIds.map((id) => sql.lit(Math.trunc(id))))})`);
  return parts.length ? sql`and ${sql.join(parts, sql` and `)}` : sql``;
}

const COLUMNS = sql`d.article_id, d.channel_id, d.status, d.published_at, d.source_name, d.title, d.extra, d.lead`;

function orderSql(order: 'id' | 'time', idColumn: string): RawBuilder<unknown> {
  return order === 'time' ? sql`order by d.published_at desc, d.article_id desc` : sql.raw(`order by ${idColumn} desc`);
}

function docValues(doc: IndexedDoc) {
  return {
    article_id: doc.articleId,
    channel_id: doc.channelId,
    status: doc.status,
    published_at: doc.publishedAt,
    source_name: doc.sourceName,
    title: doc.title,
    extra: doc.extra,
    lead: doc.lead,
  };
}

/** The body lives in search_bodies (plain SQL, the same on both dialects). */
async function upsertBody(db: Kysely<Database>, doc: IndexedDoc): Promise<void> {
  await db
    .insertInto('search_bodies')
    .values({ article_id: doc.articleId, body: doc.body })
    .onConflict((oc) => oc.column('article_id').doUpdateSet({ body: doc.body }))
    .execute();
}

// ---------- SQLite FTS5 ----------

/** Tokens are letters and digits only; quoting makes each a literal (never an operator such as NEAR). */
function ftsToken(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

function ftsAlternative(alt: MatchAlternative): string {
  if (alt.mode === 'all') return `(${alt.tokens.map((t) => `${alt.column} : ${ftsToken(t)}`).join(' AND ')})`;
  if (alt.mode === 'prefix') return `${alt.column} : ${ftsToken(alt.tokens[0] ?? '')} *`;
  return `${alt.column} : ${ftsToken(alt.tokens.join(' '))}`;
}

export function toFtsMatch(clauses: readonly MatchClause[]): string {
  return clauses.map((clause) => `(${clause.map(ftsAlternative).join(' OR ')})`).join(' AND ');
}

// CROSS JOIN makes SQLite walk the full-text matches first (never every row of search_docs).
const sqliteIndex: SearchIndex = {
  async upsert(db, doc) {
    await db.insertInto('search_docs').values(docValues(doc)).onConflict((oc) => oc.column('article_id').doUpdateSet(docValues(doc))).execute();
    await upsertBody(db, doc);
    await sql`delete from search_fts where rowid = ${doc.articleId}`.execute(db);
    await sql`insert into search_fts (rowid, words, grams) values (${doc.articleId}, ${doc.words.join(' ')}, ${doc.grams.join(' ')})`.execute(db);
  },
  async remove(db, articleId) {
    await db.deleteFrom('search_docs').where('article_id', '=', articleId).execute();
    await db.deleteFrom('search_bodies').where('article_id', '=', articleId).execute();
    await sql`delete from search_fts where rowid = ${articleId}`.execute(db);
  },
  async candidates(db, clauses, filter, options) {
    if (!clauses.length) return [];
    const result = await sql<CandidateRow>`
      select ${COLUMNS} from search_fts f cross join search_docs d on d.article_id = f.rowid
      where search_fts match ${toFtsMatch(clauses)} ${filterSql(filter)}
      ${orderSql(options.order, 'f.rowid')} limit ${options.limit} offset ${options.offset ?? 0}`.execute(db);
    return result.rows;
  },
  async count(db, clauses, filter) {
    if (!clauses.length) return 0;
    const result = await sql<{ n: number }>`
      select count(*) as n from search_fts f cross join search_docs d on d.article_id = f.rowid
      where search_fts match ${toFtsMatch(clauses)} ${filterSql(filter)}`.execute(db);
    return Number(result.rows[0]?.n ?? 0);
  },
  async clear(db) {
    await db.deleteFrom('search_docs').execute();
    await db.deleteFrom('search_bodies').execute();
    await sql`delete from search_fts`.execute(db);
  },
};

// ---------- PostgreSQL tsvector ----------

function pgLexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** A tsvector literal with positions (1-based, as FTS5 counts them), so phrases match alike. */
export function toTsvectorLiteral(tokens: readonly string[]): string {
  const positions = new Map<string, number[]>();
  tokens.forEach((token, index) => {
    const list = positions.get(token);
    if (list) list.push(index + 1);
    else positions.set(token, [index + 1]);
  });
  return Array.from(positions, ([token, list]) => `${pgLexeme(token)}:${list.join(',')}`).join(' ');
}

function tsquery(alt: MatchAlternative): string {
  if (alt.mode === 'all') return alt.tokens.map(pgLexeme).join(' & ');
  if (alt.mode === 'prefix') return `${pgLexeme(alt.tokens[0] ?? '')}:*`;
  return alt.tokens.map(pgLexeme).join(' <-> ');
}

function pgMatch(clauses: readonly MatchClause[]): RawBuilder<unknown> {
  return sql.join(
    clauses.map((clause) => sql`(${sql.join(clause.map((alt) => sql`${sql.ref(`d.${alt.column}`)} @@ ${tsquery(alt)}::tsquery`), sql` or `)})`),
    sql` and `,
  );
}

const postgresIndex: SearchIndex = {
  async upsert(db, doc) {
    const words = toTsvectorLiteral(doc.words);
    const grams = toTsvectorLiteral(doc.grams);
    const v = docValues(doc);
    await sql`
      insert into search_docs (article_id, channel_id, status, published_at, source_name, title, extra, lead, words, grams)
      values (${v.article_id}, ${v.channel_id}, ${v.status}, ${v.published_at}, ${v.source_name}, ${v.title}, ${v.extra}, ${v.lead}, ${words}::tsvector, ${grams}::tsvector)
      on conflict (article_id) do update set channel_id = excluded.channel_id, status = excluded.status,
        published_at = excluded.published_at, source_name = excluded.source_name, title = excluded.title,
        extra = excluded.extra, lead = excluded.lead, words = excluded.words, grams = excluded.grams`.execute(db);
    await upsertBody(db, doc);
  },
  async remove(db, articleId) {
    await db.deleteFrom('search_docs').where('article_id', '=', articleId).execute();
    await db.deleteFrom('search_bodies').where('article_id', '=', articleId).execute();
  },
  async candidates(db, clauses, filter, options) {
    if (!clauses.length) return [];
    const result = await sql<CandidateRow>`
      select ${COLUMNS} from search_docs d
      where ${pgMatch(clauses)} ${filterSql(filter)}
      ${orderSql(options.order, 'd.article_id')} limit ${options.limit} offset ${options.offset ?? 0}`.execute(db);
    return result.rows;
  },
  async count(db, clauses, filter) {
    if (!clauses.length) return 0;
    const result = await sql<{ n: number }>`select count(*) as n from search_docs d where ${pgMatch(clauses)} ${filterSql(filter)}`.execute(db);
    return Number(result.rows[0]?.n ?? 0);
  },
  async clear(db) {
    await db.deleteFrom('search_docs').execute();
    await db.deleteFrom('search_bodies').execute();
  },
};
