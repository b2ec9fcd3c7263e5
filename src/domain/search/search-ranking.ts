import type { RankTerm } from './search-query.ts';

/**
 * BM25F-style relevance computed in JavaScript over the candidates the index matched, so both
 * dialects rank identically. Term frequency is counted in the stored plain text (a word, a name
 * jieba splits, or a phrase all count the same way); the title counts TITLE_BOOST times; length
 * normalisation uses fixed average lengths (a news archive's are stable, and a fixed value keeps
 * writes free of global statistics); a recency factor favours recent news without burying the
 * archive.
 */
const K1 = 1.2;
const B = 0.75;
const TITLE_BOOST = 4;
const AVG_TITLE_CHARS = 24;
const AVG_BODY_CHARS = 1000;
/** Recent news gains up to RECENCY_WEIGHT; the bonus halves every RECENCY_HALF_LIFE_DAYS. */
const RECENCY_WEIGHT = 0.3;
const RECENCY_HALF_LIFE_DAYS = 60;

/** Lower case and NFKC per character, keeping every index so matches map back to the original. */
export function foldForMatch(text: string): string {
  const fast = text.normalize('NFKC').toLowerCase();
  // Nearly always the folding keeps every character in place; only then is the fast path exact enough.
  if (fast.length === text.length) return fast;
  let out = '';
  for (const ch of text) {
    const folded = ch.normalize('NFKC').toLowerCase();
    out += folded.length === ch.length ? folded : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}

export function countMatches(folded: string, pattern: RegExp, cap = 50): number {
  // Plain Han text (most terms) needs no regular expression: indexOf is several times faster.
  if (/^\p{Script=Han}+$/u.test(pattern.source)) {
    let count = 0;
    for (let at = folded.indexOf(pattern.source); at >= 0 && count < cap; at = folded.indexOf(pattern.source, at + pattern.source.length)) count++;
    return count;
  }
  pattern.lastIndex = 0;
  let count = 0;
  while (count < cap && pattern.exec(folded)) count++;
  pattern.lastIndex = 0;
  return count;
}

export interface RankInput {
  title: string;
  body: string;
  publishedAt: string | null;
}

export function relevance(doc: RankInput, terms: readonly RankTerm[], now: number): number {
  const title = foldForMatch(doc.title);
  const body = foldForMatch(doc.body);
  const titleNorm = 1 - B + (B * Math.max(title.length, 1)) / AVG_TITLE_CHARS;
  const bodyNorm = 1 - B + (B * Math.max(body.length, 1)) / AVG_BODY_CHARS;
  let score = 0;
  for (const term of terms) {
    const tf = (TITLE_BOOST * countMatches(title, term.pattern)) / titleNorm + countMatches(body, term.pattern) / bodyNorm;
    if (tf > 0) score += term.idf * ((tf * (K1 + 1)) / (tf + K1));
  }
  return score * recencyFactor(doc.publishedAt, now);
}

export function recencyFactor(publishedAt: string | null, now: number): number {
  if (!publishedAt) return 1;
  const ageDays = Math.max(0, (now - Date.parse(publishedAt)) / 86_400_000);
  return 1 + RECENCY_WEIGHT * 0.5 ** (ageDays / RECENCY_HALF_LIFE_DAYS);
}
