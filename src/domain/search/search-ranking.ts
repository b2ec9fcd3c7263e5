import type { RankTerm } from './search-query.ts';

/**
 * BM25F-style relevance computed in JavaScript over the candidates the index matched, so both
 * dialects rank identically. Term frequency is counted in the stored plain text (a word, a name
 * jieba splits, or a phrase all count the same way); the title counts TITLE_BOOST times and
 * saturates on its own, so a headline match adds to a body match and a body that repeats the word
 * cannot equal a story whose headline is about it (in a large archive many are); length
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

/**
 * Characters whose NFKC form and lower case are themselves or one fixed character: ASCII, the
 * unified Han block, common Chinese punctuation and symbols (▲ ‰ × 〔〕), full-width ASCII
 * (，！Ａ１ → ,!a1) and the ideographic space; … stays itself, as in the per-character path
 * below (its NFKC form is longer). Nearly all news text is made of these alone.
 */
const SIMPLE_TEXT =
  /^[\u0000-\u007f\u00a9\u00b0\u00b1\u00b7\u00d7\u00f7\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2030\u2190-\u2193\u2264\u2265\u2500-\u257f\u25a0-\u25ff\u2605\u2606\u3000-\u3003\u3005\u3007-\u3011\u3014\u3015\u30fb\u4e00-\u9fff\uff01-\uff5e]*$/;
const SIMPLE_FOLDS = /[A-Z\u3000\uff01-\uff5e]/g;

function foldSimpleChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x3000) return ' ';
  return String.fromCharCode(code >= 0xff01 ? code - 0xfee0 : code).toLowerCase();
}

/** Lower case and NFKC per character, keeping every index so matches map back to the original. */
export function foldForMatch(text: string): string {
  // Ranking folds hundreds of leads per query: ICU normalisation of each costs more than the
  // whole database read, so the common case maps its few foldable characters directly.
  if (SIMPLE_TEXT.test(text)) return text.replace(SIMPLE_FOLDS, foldSimpleChar);
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

const hanLiterals = new WeakMap<RegExp, string | null>();

/** The pattern's literal text when it is plain Han characters (most terms), else null; cached per pattern. */
function hanLiteral(pattern: RegExp): string | null {
  let literal = hanLiterals.get(pattern);
  if (literal === undefined) {
    literal = /^\p{Script=Han}+$/u.test(pattern.source) ? pattern.source : null;
    hanLiterals.set(pattern, literal);
  }
  return literal;
}

export function countMatches(folded: string, pattern: RegExp, cap = 50): number {
  // Plain Han text needs no regular expression: indexOf is several times faster.
  const literal = hanLiteral(pattern);
  if (literal !== null) {
    let count = 0;
    for (let at = folded.indexOf(literal); at >= 0 && count < cap; at = folded.indexOf(literal, at + literal.length)) count++;
    return count;
  }
  pattern.lastIndex = 0;
  let count = 0;
  while (count < cap && pattern.exec(folded)) count++;
  pattern.lastIndex = 0;
  return count;
}

/**
 * A text as matching sees it. Folding never moves characters and, in simple text, never makes or
 * changes a Han character, so Han terms count the same in the raw text: the folded copy is made
 * only when a term needs it (Latin letters, digits) or the text has unusual characters.
 */
class MatchText {
  private folded: string | undefined;
  private readonly simple: boolean;
  constructor(readonly raw: string) {
    this.simple = SIMPLE_TEXT.test(raw);
  }
  count(pattern: RegExp): number {
    if (this.simple && hanLiteral(pattern) !== null) return countMatches(this.raw, pattern);
    this.folded ??= foldForMatch(this.raw);
    return countMatches(this.folded, pattern);
  }
}

export interface RankInput {
  title: string;
  body: string;
  publishedAt: string | null;
}

export function relevance(doc: RankInput, terms: readonly RankTerm[], now: number): number {
  const title = new MatchText(doc.title);
  const body = new MatchText(doc.body);
  // Folding keeps lengths, so the raw lengths are the folded ones.
  const titleNorm = 1 - B + (B * Math.max(doc.title.length, 1)) / AVG_TITLE_CHARS;
  const bodyNorm = 1 - B + (B * Math.max(doc.body.length, 1)) / AVG_BODY_CHARS;
  let score = 0;
  for (const term of terms) {
    const inTitle = (TITLE_BOOST * title.count(term.pattern)) / titleNorm;
    const inBody = body.count(term.pattern) / bodyNorm;
    score += term.idf * (saturate(inTitle) + saturate(inBody));
  }
  return score * recencyFactor(doc.publishedAt, now);
}

function saturate(tf: number): number {
  return (tf * (K1 + 1)) / (tf + K1);
}

export function recencyFactor(publishedAt: string | null, now: number): number {
  if (!publishedAt) return 1;
  const ageDays = Math.max(0, (now - Date.parse(publishedAt)) / 86_400_000);
  return 1 + RECENCY_WEIGHT * 0.5 ** (ageDays / RECENCY_HALF_LIFE_DAYS);
}
