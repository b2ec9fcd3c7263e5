import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Dialect } from '../../db/create-db.ts';
import type { Database } from '../../db/schema.ts';
import { firstKeyAt, lastKeyAt } from './search-keys.ts';
import type { MatchAlternative, MatchClause } from './search-query.ts';

/**
 * The full-text index behind one interface: FTS5 on SQLite, tsvector + GIN on PostgreSQL.
 * Both receive the same token streams (tokenised in JavaScript) and the same match expression,
 * so they return the same candidate sets; ranking happens above, in JavaScript.
 */
export interface IndexedDoc {
  articleId: number;
  /** See search-keys.ts: publish time, then id; the order of every candidate list. */
  sortKey: bigint;
  channelId: number;
  status: string;
  publishedAt: string | null;
  sourceName: string;
  title: string;
  extra: string;
  lead: string;
  body: string;
  /** The two token streams, space-separated (tokens never contain spaces): cheap to pass between threads. */
  words: string;
  grams: string;
  /** The same two streams for the head alone (title, subtitle, keywords; plus the filter tokens). */
  headWords: string;
  headGrams: string;
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
  /**
   * newest: largest sort key first (publish time, newest first). oldest: the reverse. Either way
   * the engine reads matches in key order and stops after limit + offset.
   */
  order?: 'newest' | 'oldest';
  /** Match in heads (title, subtitle, keywords) only. */
  headsOnly?: boolean;
  /** Inclusive key bounds, on top of the filter's dates (related news reads around an article). */
  afterKey?: bigint;
  beforeKey?: bigint;
}

/**
 * Filter tokens, appended to the words stream of every entry: the channel and the 来源 become
 * terms of the full-text index, so a filtered query is an intersection of doclists and still stops
 * early, instead of walking every match of a common word to find the few in one channel. The exact
 * SQL filters stay: a token only narrows what is read, it never decides alone (a text that happens
 * to contain such a token costs a row read, not a wrong result).
 */
export function channelToken(channelId: number): string {
  return `zzc${Math.trunc(channelId)}`;
}

export function sourceToken(sourceName: string): string {
  let h = 2166136261;
  const name = sourceName.trim();
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return `zzs${(h >>> 0).toString(16)}`;
}

/** The filter as match clauses (see channelToken); the dates are key bounds instead. */
function filterClauses(filter: CandidateFilter): MatchClause[] {
  const clauses: MatchClause[] = [];
  if (filter.channelIds?.length) clauses.push(filter.channelIds.map((id) => ({ column: 'words', mode: 'all', tokens: [channelToken(id)] })));
  if (filter.source) clauses.push([{ column: 'words', mode: 'all', tokens: [sourceToken(filter.source)] }]);
  return clauses;
}

type MatchOrder = Omit<CandidateOptions, 'limit' | 'offset'>;

export interface SearchIndex {
  /** Writes (or rewrites) entries; many at once is much faster (one statement per table). */
  upsertMany(db: Kysely<Database>, docs: readonly IndexedDoc[]): Promise<void>;
  remove(db: Kysely<Database>, articleId: number): Promise<void>;
  candidates(db: Kysely<Database>, clauses: readonly MatchClause[], filter: CandidateFilter, options: CandidateOptions): Promise<CandidateRow[]>;
  /** Number of matches, counting at most `cap` (the walk stops there). */
  count(db: Kysely<Database>, clauses: readonly MatchClause[], filter: CandidateFilter, cap: number): Promise<number>;
  clear(db: Kysely<Database>): Promise<void>;
}

export function searchIndexFor(dialect: Dialect): SearchIndex {
  return dialect === 'postgres' ? postgresIndex : sqliteIndex;
}

function filterSql(filter: CandidateFilter): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (!filter.includeUnpublished) parts.push(sql`d.status = 'published'`);
  if (filter.channelIds) {
    parts.push(filter.channelIds.length ? sql`d.channel_id in (${sql.join(filter.channelIds.map((id) => sql.lit(Math.trunc(id))))})` : sql`1 = 0`);
  }
  if (filter.from) parts.push(sql`d.published_at >= ${filter.from}`);
  if (filter.to) parts.push(sql`d.published_at <= ${filter.to}`);
  if (filter.source) parts.push(sql`d.source_name = ${filter.source}`);
  if (filter.excludeIds?.length) parts.push(sql`d.article_id not in (${sql.join(filter.excludeIds.map((id) => sql.lit(Math.trunc(id))))})`);
  return parts;
}

/** Key bounds implied by the dates and the options; the exact date test stays in filterSql. */
function keyBounds(filter: CandidateFilter, options: Pick<CandidateOptions, 'afterKey' | 'beforeKey'>): { low?: bigint; high?: bigint } {
  const lows = [filter.from ? firstKeyAt(filter.from) : undefined, options.afterKey].filter((k): k is bigint => k !== undefined);
  const highs = [filter.to ? lastKeyAt(filter.to) : undefined, options.beforeKey].filter((k): k is bigint => k !== undefined);
  return {
    low: lows.length ? lows.reduce((a, b) => (a > b ? a : b)) : undefined,
    high: highs.length ? highs.reduce((a, b) => (a < b ? a : b)) : undefined,
  };
}

function keySql(column: string, bounds: { low?: bigint; high?: bigint }): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (bounds.low !== undefined) parts.push(sql`${sql.raw(column)} >= ${bounds.low}`);
  if (bounds.high !== undefined) parts.push(sql`${sql.raw(column)} <= ${bounds.high}`);
  return parts;
}

function andAll(parts: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return parts.length ? sql`and ${sql.join(parts, sql` and `)}` : sql``;
}

const COLUMNS = sql`d.article_id, d.channel_id, d.status, d.published_at, d.source_name, d.title, d.extra, d.lead`;

function orderSql(column: string, order: CandidateOptions['order']): RawBuilder<unknown> {
  return sql.raw(`order by ${column} ${order === 'oldest' ? 'asc' : 'desc'}`);
}

function docColumns(doc: IndexedDoc) {
  return [doc.sortKey, doc.articleId, doc.channelId, doc.status, doc.publishedAt, doc.sourceName, doc.title, doc.extra, doc.lead] as const;
}

function idList(docs: readonly IndexedDoc[]): RawBuilder<unknown> {
  return sql.join(docs.map((d) => sql.lit(Math.trunc(d.articleId))));
}

/** The body lives in search_bodies (plain SQL, the same on both dialects). */
async function upsertBodies(db: Kysely<Database>, docs: readonly IndexedDoc[]): Promise<void> {
  await db
    .insertInto('search_bodies')
    .values(docs.map((doc) => ({ article_id: doc.articleId, body: doc.body })))
    .onConflict((oc) => oc.column('article_id').doUpdateSet((eb) => ({ body: eb.ref('excluded.body') })))
    .execute();
}

/** Rows per multi-row statement: stays far below both engines' parameter limits. */
const ROWS_PER_STATEMENT = 100;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
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

/**
 * Matches in key order, joined to their entries. The FTS5 rowid is the sort key, so SQLite walks
 * the doclists newest (or oldest) first, within the key bounds, and stops at the limit; CROSS JOIN
 * keeps it from starting anywhere else.
 */
function sqliteMatches(clauses: readonly MatchClause[], filter: CandidateFilter, options: MatchOrder, columns: RawBuilder<unknown>): RawBuilder<unknown> {
  const table = options.headsOnly ? 'search_heads' : 'search_fts';
  const where = [sql`${sql.raw(table)} match ${toFtsMatch([...clauses, ...filterClauses(filter)])}`, ...keySql('f.rowid', keyBounds(filter, options)), ...filterSql(filter)];
  return sql`select ${columns} from ${sql.raw(table)} f cross join search_docs d on d.sort_key = f.rowid
    where ${sql.join(where, sql` and `)} ${orderSql('f.rowid', options.order)}`;
}

const sqliteIndex: SearchIndex = {
  async upsertMany(db, docs) {
    for (const part of chunks(docs, ROWS_PER_STATEMENT)) {
      // The old key may differ from the new one (a publish time changed): delete by the stored key.
      await sql`delete from search_fts where rowid in (select sort_key from search_docs where article_id in (${idList(part)}))`.execute(db);
      await sql`delete from search_heads where rowid in (select sort_key from search_docs where article_id in (${idList(part)}))`.execute(db);
      await sql`delete from search_docs where article_id in (${idList(part)})`.execute(db);
      await sql`insert into search_docs (sort_key, article_id, channel_id, status, published_at, source_name, title, extra, lead)
        values ${sql.join(part.map((doc) => sql`(${sql.join(docColumns(doc))})`))}`.execute(db);
      await sql`insert into search_fts (rowid, words, grams)
        values ${sql.join(part.map((doc) => sql`(${doc.sortKey}, ${doc.words}, ${doc.grams})`))}`.execute(db);
      await sql`insert into search_heads (rowid, words, grams)
        values ${sql.join(part.map((doc) => sql`(${doc.sortKey}, ${doc.headWords}, ${doc.headGrams})`))}`.execute(db);
      await upsertBodies(db, part);
    }
  },
  async remove(db, articleId) {
    await sql`delete from search_fts where rowid in (select sort_key from search_docs where article_id = ${articleId})`.execute(db);
    await sql`delete from search_heads where rowid in (select sort_key from search_docs where article_id = ${articleId})`.execute(db);
    await db.deleteFrom('search_docs').where('article_id', '=', articleId).execute();
    await db.deleteFrom('search_bodies').where('article_id', '=', articleId).execute();
  },
  async candidates(db, clauses, filter, options) {
    if (!clauses.length) return [];
    const result = await sql<CandidateRow>`${sqliteMatches(clauses, filter, options, COLUMNS)} limit ${options.limit} offset ${options.offset ?? 0}`.execute(db);
    return result.rows;
  },
  async count(db, clauses, filter, cap) {
    if (!clauses.length) return 0;
    const result = await sql<{ n: number }>`select count(*) as n from (${sqliteMatches(clauses, filter, {}, sql`1`)} limit ${cap})`.execute(db);
    return Number(result.rows[0]?.n ?? 0);
  },
  async clear(db) {
    await db.deleteFrom('search_docs').execute();
    await db.deleteFrom('search_bodies').execute();
    await sql`delete from search_fts`.execute(db);
    await sql`delete from search_heads`.execute(db);
  },
};

// ---------- PostgreSQL tsvector ----------

function pgLexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function splitTokens(stream: string): string[] {
  return stream ? stream.split(' ') : [];
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

/**
 * A clause's alternatives on the same column become ONE tsquery joined with |, so PostgreSQL
 * answers them with one GIN scan instead of a bitmap OR of several (related news ORs six pairs).
 */
function pgClause(clause: MatchClause, prefix: '' | 'head_'): RawBuilder<unknown> {
  const columns = (['words', 'grams'] as const).filter((column) => clause.some((alt) => alt.column === column));
  const tests = columns.map((column) => {
    const query = clause
      .filter((alt) => alt.column === column)
      .map((alt) => `(${tsquery(alt)})`)
      .join(' | ');
    return sql`${sql.ref(`d.${prefix}${column}`)} @@ ${query}::tsquery`;
  });
  return sql`(${sql.join(tests, sql` or `)})`;
}

type KeyRange = { low?: bigint; high?: bigint };

/** A phrase loosened to "every token present": what GIN answers without reading a row's tsvector. */
function loosened(clause: MatchClause): MatchClause {
  return clause.map((alt) => (alt.mode === 'phrase' ? { ...alt, mode: 'all' } : alt));
}

/** A phrase of one token (a bigram such as 村超) is a plain token: loosening it changes nothing. */
function hasPhrase(clause: MatchClause): boolean {
  return clause.some((alt) => alt.mode === 'phrase' && alt.tokens.length > 1);
}

/**
 * The keys of the first `limit` matches within a key range, in walk order. GIN answers the
 * loosened clauses; a phrase is then tested on those matches in key order, only until `limit`
 * pass, so it costs a tsvector read per key returned (plus the few rows that hold its tokens
 * apart), not one per row that holds its tokens. Keys only: reading every match's columns (the
 * lead is compressed) in a bitmap scan costs six times what reading its key does.
 */
function pgWindowKeys(clauses: readonly MatchClause[], filter: CandidateFilter, options: MatchOrder, range: KeyRange, limit: number): RawBuilder<unknown> {
  const prefix = options.headsOnly ? 'head_' : '';
  const where = [...clauses.map((clause) => pgClause(loosened(clause), prefix)), ...keySql('d.sort_key', range), ...filterSql(filter)];
  const order = orderSql('d.sort_key', options.order);
  const phrases = clauses.filter(hasPhrase);
  if (!phrases.length) return sql`select d.sort_key from search_docs d where ${sql.join(where, sql` and `)} ${order} limit ${limit}`;
  // OFFSET 0 keeps the phrase test out of the scan, where it would run on every row.
  return sql`select d.sort_key from (select d.sort_key, ${sql.ref(`d.${prefix}words`)}, ${sql.ref(`d.${prefix}grams`)} from search_docs d
      where ${sql.join(where, sql` and `)} ${order} offset 0) d
    where ${sql.join(phrases.map((clause) => pgClause(clause, prefix)), sql` and `)} ${order} limit ${limit}`;
}

/*
 * PostgreSQL reads matches in windows of the sort key, newest (or oldest) first, instead of
 * letting the planner choose. Left alone it walks the sort-key btree and tests every row's
 * tsvector, which detoasts several KB per row: right for a word in half the archive, but for a
 * word in a tenth of it, older than the newest rows or narrowed by a channel or 来源, it tests
 * 20,000–55,000 rows (0.2–0.6 s). In a window the GIN match is ANDed with the key range as
 * bitmaps, so only rows that match are read, and a phrase is checked only on the newest of them.
 * The first window holds FIRST_WINDOW_PER_MATCH keys per wanted match; each next one is
 * WINDOW_GROWTH times larger, and when the matches seen so far promise at most READ_REST_BELOW
 * in the whole index the rest is read at once. Windows are disjoint and taken in key order, so
 * the first `want` matches collected are exactly the first `want` of the whole key order.
 */
const FIRST_WINDOW_PER_MATCH = 4;
const MIN_FIRST_WINDOW = 1000;
const WINDOW_GROWTH = 4;
const READ_REST_BELOW = 4000;

/**
 * Index scans and sequential scans off for the window reads, so PostgreSQL answers them from
 * bitmaps (GIN match ∧ key range), and back on for the window bounds, which need the btree's
 * index scan. The settings are local to the transaction. Turning them off rides along with the
 * statement that reads a window's bound (it is planned before it runs, with them still on).
 */
function plannerSwitch(db: Kysely<Database>) {
  let saved: { was_indexscan: string; was_seqscan: string } | undefined;
  let off = false;
  return {
    /** Select-list items that turn the settings off, reporting what they were. */
    turnOff: sql`current_setting('enable_indexscan') as was_indexscan, current_setting('enable_seqscan') as was_seqscan,
      set_config('enable_indexscan', 'off', true) as indexscan, set_config('enable_seqscan', 'off', true) as seqscan`,
    turnedOff(row: { was_indexscan: string; was_seqscan: string }): void {
      saved ??= row;
      off = true;
    },
    async restore(): Promise<void> {
      if (!off || !saved) return;
      await sql`select set_config('enable_indexscan', ${saved.was_indexscan}, true), set_config('enable_seqscan', ${saved.was_seqscan}, true)`.execute(db);
      off = false;
    },
  };
}

type PlannerSwitch = ReturnType<typeof plannerSwitch>;

/**
 * The key that closes a window of `size` keys starting at `edge` (inclusive) in walk order, or
 * undefined when fewer keys remain before `end`; with the planner's count of index rows (for the
 * decision after the window). Leaves the planner switched to bitmaps.
 */
async function windowEnd(db: Kysely<Database>, planner: PlannerSwitch, edge: bigint | undefined, end: bigint | undefined, size: number, newest: boolean): Promise<{ close?: bigint; rows: number }> {
  const [from, to] = newest ? ['<=', '>='] : ['>=', '<='];
  const parts = [
    ...(edge === undefined ? [] : [sql`sort_key ${sql.raw(from)} ${edge}`]),
    ...(end === undefined ? [] : [sql`sort_key ${sql.raw(to)} ${end}`]),
  ];
  const where = parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``;
  const result = await sql<{ key: string | null; n: number; was_indexscan: string; was_seqscan: string }>`select
    (select sort_key::text as key from search_docs ${where} order by sort_key ${sql.raw(newest ? 'desc' : 'asc')} offset ${size - 1} limit 1) as key,
    (select reltuples::float8 from pg_class where oid = 'search_docs'::regclass) as n, ${planner.turnOff}`.execute(db);
  const row = result.rows[0];
  if (row) planner.turnedOff(row);
  return { close: row?.key == null ? undefined : BigInt(row.key), rows: Number(row?.n ?? 0) };
}

/**
 * Runs `work` in the caller's transaction, with the planner settings put back at the end, or in
 * a transaction of its own (whose end drops them).
 */
async function withPlannerSwitch<T>(db: Kysely<Database>, work: (trx: Kysely<Database>, planner: PlannerSwitch) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute((trx) => work(trx, plannerSwitch(trx)));
  const planner = plannerSwitch(db);
  try {
    return await work(db, planner);
  } finally {
    // After a database error the transaction is aborted and the settings go with it.
    await planner.restore().catch(() => undefined);
  }
}

/**
 * The first `want` matches in key order (newest first unless options.order is oldest), window by
 * window; `read` returns at most the number asked for within one key range.
 */
async function walkWindows<T>(
  db: Kysely<Database>,
  planner: PlannerSwitch,
  filter: CandidateFilter,
  options: MatchOrder,
  want: number,
  read: (range: KeyRange, wanted: number) => Promise<T[]>,
): Promise<T[]> {
  const found: T[] = [];
  if (want <= 0) return found;
  const newest = options.order !== 'oldest';
  const bounds = keyBounds(filter, options);
  let edge = newest ? bounds.high : bounds.low;
  const end = newest ? bounds.low : bounds.high;
  let size = Math.max(MIN_FIRST_WINDOW, want * FIRST_WINDOW_PER_MATCH);
  let scanned = 0;
  let readRest = false;
  for (;;) {
    if (readRest) {
      // The whole range again rather than the rest: a bitmap over the few matches is cheaper
      // than one over the btree's many keys, and the first `want` of it are the answer.
      return read(bounds, want);
    }
    await planner.restore();
    const { close, rows } = await windowEnd(db, planner, edge, end, size, newest);
    const range: KeyRange = newest ? { low: close ?? end, high: edge } : { low: edge, high: close ?? end };
    found.push(...(await read(range, want - found.length)));
    if (close === undefined || found.length >= want) return found;
    edge = newest ? close - 1n : close + 1n;
    scanned += size;
    if ((found.length / scanned) * rows <= READ_REST_BELOW) readRest = true;
    else size *= WINDOW_GROWTH;
  }
}

const postgresIndex: SearchIndex = {
  async upsertMany(db, docs) {
    for (const part of chunks(docs, ROWS_PER_STATEMENT)) {
      await sql`delete from search_docs where article_id in (${idList(part)})`.execute(db);
      const tsvector = (stream: string) => sql`${toTsvectorLiteral(splitTokens(stream))}::tsvector`;
      const rows = part.map(
        (doc) => sql`(${sql.join(docColumns(doc))}, ${tsvector(doc.words)}, ${tsvector(doc.grams)}, ${tsvector(doc.headWords)}, ${tsvector(doc.headGrams)})`,
      );
      await sql`insert into search_docs (sort_key, article_id, channel_id, status, published_at, source_name, title, extra, lead, words, grams, head_words, head_grams)
        values ${sql.join(rows)}`.execute(db);
      await upsertBodies(db, part);
    }
  },
  async remove(db, articleId) {
    await db.deleteFrom('search_docs').where('article_id', '=', articleId).execute();
    await db.deleteFrom('search_bodies').where('article_id', '=', articleId).execute();
  },
  async candidates(db, clauses, filter, options) {
    if (!clauses.length) return [];
    const offset = options.offset ?? 0;
    const want = offset + options.limit;
    // Head tsvectors hold a title's worth of tokens, stored in the row: testing them along the
    // btree is cheap, and the planner's own plan is the faster one there.
    if (options.headsOnly) {
      const where = [...clauses.map((clause) => pgClause(clause, 'head_')), ...keySql('d.sort_key', keyBounds(filter, options)), ...filterSql(filter)];
      const result = await sql<CandidateRow>`select ${COLUMNS} from search_docs d where ${sql.join(where, sql` and `)} ${orderSql('d.sort_key', options.order)}
        limit ${options.limit} offset ${offset}`.execute(db);
      return result.rows;
    }
    // The columns of a window's matches are read by key, after the keys (see pgWindowKeys).
    return withPlannerSwitch(db, async (trx, planner) => {
      const rows = await walkWindows(trx, planner, filter, options, want, async (range, wanted) => {
        const result = await sql<CandidateRow>`select ${COLUMNS} from search_docs d
          where d.sort_key in (${pgWindowKeys(clauses, filter, options, range, wanted)}) ${orderSql('d.sort_key', options.order)}`.execute(trx);
        return result.rows;
      });
      return rows.slice(offset);
    });
  },
  async count(db, clauses, filter, cap) {
    if (!clauses.length) return 0;
    const keys = await withPlannerSwitch(db, (trx, planner) =>
      walkWindows(trx, planner, filter, {}, cap, async (range, wanted) => (await sql<{ sort_key: unknown }>`${pgWindowKeys(clauses, filter, {}, range, wanted)}`.execute(trx)).rows),
    );
    return keys.length;
  },
  async clear(db) {
    await db.deleteFrom('search_docs').execute();
    await db.deleteFrom('search_bodies').execute();
  },
};
