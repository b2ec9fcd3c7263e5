import { sql } from 'kysely';
import { arg, compiledQuery } from '../../db/compiled-query.ts';
import type { Db } from '../../db/create-db.ts';
import { type ArticleSummary, listSameChannel } from '../articles/article.queries.ts';
import type { PublishedArticle } from '../articles/article.ts';
import { type CandidateRow, searchIndexFor } from './search-index.ts';
import type { MatchClause, RankTerm } from './search-query.ts';
import { relevance } from './search-ranking.ts';
import { extractKeywords } from './search-text.ts';

/** How many related articles are stored (and shown) per article. */
export const RELATED_LIMIT = 6;
const KEYWORDS = 8;
const PAIR_KEYWORDS = 4;
const CANDIDATES = 100;
/** Related news is news of the same period: candidates come from this many days around the article. */
const WINDOW_DAYS = 180;
const SAME_CHANNEL_BONUS = 1.05;

interface Source {
  article_id: number;
  channel_id: number;
  status: string;
  published_at: string | null;
  title: string;
  extra: string;
  body: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The related articles of one published article, best first (not stored). */
export async function computeRelated(db: Db, source: Source): Promise<{ id: number; score: number }[]> {
  if (source.status !== 'published' || !source.published_at) return [];
  const text = `${source.title}\n${source.title}\n${source.extra}\n${source.body.slice(0, 4000)}`;
  const keywords = extractKeywords(text, KEYWORDS);
  if (!keywords.length) return [];
  const terms: RankTerm[] = keywords.map((k) => ({ text: k.keyword, idf: k.weight, pattern: new RegExp(escapeRegExp(k.keyword), 'gu') }));
  const at = Date.parse(source.published_at);
  const filter = {
    includeUnpublished: false,
    excludeIds: [source.article_id],
    from: new Date(at - WINDOW_DAYS * 86_400_000).toISOString(),
    to: new Date(at + WINDOW_DAYS * 86_400_000).toISOString(),
  };
  const index = searchIndexFor(db.dialect);
  // Two shared keywords make a candidate (any pair of the strongest four); one is too loose.
  const top = keywords.slice(0, PAIR_KEYWORDS).map((k) => k.keyword);
  const pairs: MatchClause = [];
  for (let i = 0; i < top.length; i++) {
    for (let j = i + 1; j < top.length; j++) pairs.push({ column: 'words', mode: 'all', tokens: [top[i] ?? '', top[j] ?? ''] });
  }
  let candidates: CandidateRow[] = pairs.length
    ? await index.candidates(db.kysely, [pairs], filter, { limit: CANDIDATES })
    : [];
  if (candidates.length < RELATED_LIMIT) {
    const any: MatchClause = top.map((k) => ({ column: 'words', mode: 'all', tokens: [k] }));
    const more = await index.candidates(db.kysely, [any], filter, { limit: CANDIDATES });
    const seen = new Set(candidates.map((c) => c.article_id));
    candidates = [...candidates, ...more.filter((c) => !seen.has(c.article_id))];
  }
  return candidates
    .map((c) => {
      const content = relevance({ title: `${c.title} ${c.extra}`, body: c.lead, publishedAt: null }, terms, 0);
      // Tie-breakers: closeness in time, then the same channel.
      const days = c.published_at ? Math.abs(Date.parse(c.published_at) - at) / 86_400_000 : WINDOW_DAYS;
      const score = content * (1 + 0.2 * 0.5 ** (days / 30)) * (c.channel_id === source.channel_id ? SAME_CHANNEL_BONUS : 1);
      return { id: c.article_id, score, publishedAt: c.published_at ?? '' };
    })
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0) || b.id - a.id)
    .slice(0, RELATED_LIMIT)
    .map(({ id, score }) => ({ id, score: Math.round(score * 1e6) / 1e6 }));
}

async function storeRelated(db: Db, articleId: number, related: { id: number; score: number }[]): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('related_articles').where('article_id', '=', articleId).execute();
    if (related.length) {
      await trx
        .insertInto('related_articles')
        .values(related.map((r, position) => ({ article_id: articleId, position, related_id: r.id, score: r.score })))
        .execute();
    }
  });
}

async function loadSource(db: Db, articleId: number): Promise<Source | undefined> {
  return db.kysely
    .selectFrom('search_docs as d')
    .innerJoin('search_bodies as b', 'b.article_id', 'd.article_id')
    .select(['d.article_id', 'd.channel_id', 'd.status', 'd.published_at', 'd.title', 'd.extra', 'b.body'])
    .where('d.article_id', '=', articleId)
    .executeTakeFirst();
}

/** Computes and stores one article's list, nothing else (what `inkstone reindex` does per article). */
export async function refreshOwnRelated(db: Db, articleId: number): Promise<void> {
  const source = await loadSource(db, articleId);
  await storeRelated(db, articleId, source ? await computeRelated(db, source) : []);
}

/**
 * Brings 相关新闻 up to date after an article's publish state changed. Call it AFTER the
 * transaction that wrote the article (and ran `syncArticleSearch`) has committed, with the id of
 * the article that was written:
 * - published (or a published story edited): computes and stores its own list, then refreshes
 *   the lists of the articles it is now related to, so older stories can point to the new one;
 * - unpublished, rejected back to draft, or deleted: removes its list and recomputes every list
 *   that pointed to it. (Readers never see an unpublished article in between: lists are read
 *   joined to published articles.)
 * Not transactional with the write on purpose: it reads many articles, and a failure here must
 * not undo a publish. A failed refresh heals with the next refresh or `inkstone reindex`.
 */
export async function refreshRelated(db: Db, articleId: number): Promise<void> {
  const source = await loadSource(db, articleId);
  if (source && source.status === 'published') {
    const related = await computeRelated(db, source);
    await storeRelated(db, articleId, related);
    for (const r of related) await refreshOwnRelated(db, r.id);
    return;
  }
  const referrers = await db.kysely.selectFrom('related_articles').select('article_id').distinct().where('related_id', '=', articleId).execute();
  await storeRelated(db, articleId, []);
  for (const r of referrers) if (r.article_id !== articleId) await refreshOwnRelated(db, r.article_id);
}

/**
 * Every article page asks for its stored list: built and compiled by Kysely once per database and
 * limit. The limit is written into the SQL, because SQLite runs it about twice as fast as with a
 * bound LIMIT (13 µs against 30).
 */
const storedRelated = compiledQuery<[number], { id: number; channel_id: number; title: string; summary: string; cover_media_id: number | null; published_at: string | null }>(
  (db, limit) =>
    db.kysely
      .selectFrom('related_articles as r')
      .innerJoin('articles as a', 'a.id', 'r.related_id')
      .select(['a.id', 'a.channel_id', 'a.title', 'a.summary', 'a.cover_media_id', 'a.published_at'])
      .where('r.article_id', '=', arg<number>(0))
      .where('a.status', '=', 'published')
      .orderBy('r.position')
      .limit(sql.lit(limit)),
);

/** The stored 相关新闻 of an article (published ones only), or the latest of its channel when none is stored. */
export async function listRelated(db: Db, article: PublishedArticle, limit = RELATED_LIMIT): Promise<ArticleSummary[]> {
  const rows = await storedRelated(db, [article.id], Math.max(1, Math.min(Math.trunc(limit), RELATED_LIMIT)));
  if (!rows.length) return listSameChannel(db, article, limit);
  return rows.map((row) => ({
    id: row.id,
    channelId: row.channel_id,
    title: row.title,
    summary: row.summary,
    coverMediaId: row.cover_media_id,
    publishedAt: row.published_at ?? '',
  }));
}
