import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';

/**
 * Text → tokens for the search index. Segmentation happens here, in JavaScript, once per write,
 * so SQLite FTS5 and PostgreSQL receive the very same token streams and match identically.
 *
 * Two streams per document:
 * - words: jieba search-mode words (停火, 谈判, 中华, 人民共和国 …), lower-cased, NFKC-folded;
 * - grams: every CJK run as overlapping character bigrams (泽连 连斯 斯基), a lone CJK character
 *   as itself, and Latin/digit words as themselves. A quoted phrase or a name jieba splits
 *   (泽 / 连斯基) is found as a phrase of bigrams, i.e. as an exact substring.
 * Tokens contain only letters and digits, so FTS5's unicode61 tokenizer keeps each one whole and
 * PostgreSQL receives them as literal lexemes; no query syntax can hide inside a token.
 */

let jiebaInstance: Jieba | undefined;
export function jieba(): Jieba {
  jiebaInstance ??= Jieba.withDict(dict);
  return jiebaInstance;
}

let tfidfInstance: TfIdf | undefined;
function tfidf(): TfIdf {
  tfidfInstance ??= TfIdf.withDict(idf);
  return tfidfInstance;
}

/** PostgreSQL keeps at most 16,383 positions per tsvector; both dialects index that many per stream. */
export const MAX_STREAM_TOKENS = 16_383;

const CJK = /[\p{Script=Han}]/u;
const TOKEN_RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** NFKC (full-width ＡＢ１ → AB1) and lower case; the same folding on both sides of a match. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Splits into runs of Han characters and runs of other letters/digits; punctuation separates. */
export function textRuns(normalized: string): string[] {
  const runs = normalized.match(TOKEN_RUN) ?? [];
  // Absurdly long runs (encoded blobs, not words) would exceed PostgreSQL's lexeme limit.
  return runs.some((r) => r.length > MAX_TOKEN_CHARS) ? runs.filter((r) => r.length <= MAX_TOKEN_CHARS || isCjkRun(r)) : runs;
}

/** Longest Latin/digit token indexed; the longest Han word jieba knows is far shorter. */
const MAX_TOKEN_CHARS = 64;

export function isCjkRun(run: string): boolean {
  return CJK.test(run);
}

/** jieba search-mode words of normalized text, letters and digits only. */
export function wordTokens(normalized: string): string[] {
  const out: string[] = [];
  for (const run of textRuns(normalized)) {
    if (!isCjkRun(run)) {
      out.push(run);
      continue;
    }
    for (const word of jieba().cutForSearch(run, true)) if (word.trim()) out.push(word);
    if (out.length >= MAX_STREAM_TOKENS) break;
  }
  return out.slice(0, MAX_STREAM_TOKENS);
}

/** Bigram stream of normalized text (see the module comment). */
export function gramTokens(normalized: string): string[] {
  const out: string[] = [];
  for (const run of textRuns(normalized)) {
    if (!isCjkRun(run)) out.push(run);
    else if (run.length === 1) out.push(run);
    else {
      const chars = Array.from(run);
      for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
    }
    if (out.length >= MAX_STREAM_TOKENS) break;
  }
  return out.slice(0, MAX_STREAM_TOKENS);
}

/** Query-side segmentation of one run: precise mode, so a query word is one index word. */
export function queryWords(run: string): string[] {
  return jieba()
    .cut(run, true)
    .filter((w) => w.trim());
}

/** Whether jieba's dictionary alone (no HMM guessing) keeps the run as one word. */
export function isDictionaryWord(run: string): boolean {
  const cut = jieba().cut(run, false);
  return cut.length === 1 && cut[0] === run;
}

let idfTable: Map<string, number> | undefined;
let idfMedian = 10;

/**
 * Inverse document frequency from jieba's bundled table (a large general corpus). A fixed table
 * keeps ranking identical on both dialects and costs no query; words it does not know (mostly
 * names, such as 泽连斯基) count as rare.
 */
export function termIdf(term: string): number {
  if (!idfTable) {
    idfTable = new Map();
    const values: number[] = [];
    for (const line of Buffer.from(idf).toString('utf8').split('\n')) {
      const space = line.lastIndexOf(' ');
      if (space <= 0) continue;
      const value = Number(line.slice(space + 1));
      if (!Number.isFinite(value)) continue;
      idfTable.set(line.slice(0, space), value);
      values.push(value);
    }
    values.sort((a, b) => a - b);
    idfMedian = values[Math.floor(values.length / 2)] ?? 10;
  }
  return idfTable.get(term) ?? (isCjkRun(term) ? idfMedian + 1 : idfMedian);
}

const STOP_KEYWORDS = new Set(['记者', '表示', '今年', '目前', '进行', '工作', '新华社', '央视网', '消息', '新闻联播', '报道']);

/** The article's most characteristic words (jieba TF-IDF), for related news. */
export function extractKeywords(text: string, topK: number): { keyword: string; weight: number }[] {
  return tfidf()
    .extractKeywords(jieba(), text, topK + STOP_KEYWORDS.size)
    .filter((k) => !STOP_KEYWORDS.has(k.keyword) && /^[\p{L}\p{N}]+$/u.test(k.keyword) && Array.from(k.keyword).length >= 2)
    .map((k) => ({ keyword: normalizeText(k.keyword), weight: k.weight }))
    .slice(0, topK);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of sanitised article HTML: block ends become newlines, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(\/p|\/h[1-6]|br|\/li|\/figcaption|\/blockquote)[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[name.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
