import { gramTokens, isCjkRun, isDictionaryWord, normalizeText, queryWords, termIdf, textRuns } from './search-text.ts';

/**
 * A reader's query → a match expression both index implementations render, plus the terms used
 * for ranking and highlighting. Only letters and digits survive parsing, and every token is
 * quoted when rendered, so full-text syntax (" * : ( ) NEAR AND OR NOT -) and SQL in a query are
 * plain words or nothing — never an error.
 */

/** Queries longer than this are cut: nobody types more, and the match expression stays small. */
export const MAX_QUERY_CHARS = 100;
/** At most this many terms (words, names, phrases) are required to match. */
export const MAX_TERMS = 8;

/** One way of matching one query term in one token stream of the index. */
export interface MatchAlternative {
  column: 'words' | 'grams';
  /** all: every token present; phrase: tokens consecutive; prefix: one token as a prefix. */
  mode: 'all' | 'phrase' | 'prefix';
  tokens: string[];
}

/** A query term: one of its alternatives must match. All terms must match. */
export type MatchClause = MatchAlternative[];

/** What ranking counts in a document for one query term. */
export interface RankTerm {
  text: string;
  idf: number;
  /** Finds the term in folded text (lower case, NFKC per character); global. */
  pattern: RegExp;
}

export interface ParsedQuery {
  clauses: MatchClause[];
  rankTerms: RankTerm[];
  /** What the reader asked, cleaned (for echoing back). */
  display: string;
}

const QUOTED = /["“”「」『』]([^"“”「」『』]*)["“”「」『』]?/g;
const SEPARATOR = '[^\\p{L}\\p{N}]*';
const LATIN_BEFORE = '(?<!(?!\\p{Script=Han})[\\p{L}\\p{N}])';
const LATIN_AFTER = '(?!(?!\\p{Script=Han})[\\p{L}\\p{N}])';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for a sequence of runs: punctuation/space may sit between runs; Latin words match whole. */
function runsPattern(runs: string[]): RegExp {
  const parts = runs.map((run) => (isCjkRun(run) ? escapeRegExp(run) : `${LATIN_BEFORE}${escapeRegExp(run)}${LATIN_AFTER}`));
  return new RegExp(parts.join(SEPARATOR), 'gu');
}

function rankTerm(runs: string[], idf: number): RankTerm {
  return { text: runs.join(''), idf, pattern: runsPattern(runs) };
}

/** Parses a query; an empty result (no clauses) means "nothing to search for". */
export function parseQuery(raw: string): ParsedQuery {
  const input = Array.from(raw).slice(0, MAX_QUERY_CHARS).join('');
  const clauses: MatchClause[] = [];
  const rankTerms: RankTerm[] = [];
  const seen = new Set<string>();
  const add = (key: string, clause: MatchClause, terms: RankTerm[]) => {
    if (clauses.length >= MAX_TERMS || seen.has(key)) return;
    seen.add(key);
    clauses.push(clause);
    rankTerms.push(...terms);
  };

  // Quoted phrases first: an exact sequence, matched as consecutive bigrams (a substring).
  const phrases: string[] = [];
  const rest = input.replace(QUOTED, (_, inner: string) => {
    phrases.push(inner);
    return ' ';
  });
  for (const phrase of phrases) {
    const runs = joinCjk(textRuns(normalizeText(phrase)));
    if (!runs.length) continue;
    if (runs.length === 1 && !isCjkRun(runs[0] ?? '')) {
      addRun(runs[0] ?? '', add);
      continue;
    }
    const tokens = gramTokens(runs.join(' '));
    const idf = Math.max(...runs.map((r) => termIdf(r)));
    add(`"${runs.join(' ')}"`, [{ column: 'grams', mode: 'phrase', tokens }], [rankTerm(runs, idf)]);
  }
  for (const run of textRuns(normalizeText(rest))) addRun(run, add);
  return { clauses, rankTerms, display: input.trim() };
}

/** Inside a quoted phrase, spaces between Han characters are not meant: "俄乌 谈判" = 俄乌谈判. */
function joinCjk(runs: string[]): string[] {
  const out: string[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last !== undefined && isCjkRun(last) && isCjkRun(run)) out[out.length - 1] = last + run;
    else out.push(run);
  }
  return out;
}

/** A Latin token's letter and digit parts in order: mate60 → mate, 60; chatgpt → itself alone. */
function letterDigitParts(run: string): string[] {
  return run.match(/\p{N}+|\P{N}+/gu) ?? [run];
}

/** A Latin token that also matches its letter and digit parts written apart (Mate 60, Mate-60). */
function latinRankTerm(run: string, parts: string[]): RankTerm {
  const pattern = new RegExp(`${LATIN_BEFORE}${parts.map(escapeRegExp).join(SEPARATOR)}${LATIN_AFTER}`, 'gu');
  return { text: run, idf: termIdf(run), pattern };
}

function addRun(run: string, add: (key: string, clause: MatchClause, terms: RankTerm[]) => void): void {
  if (!isCjkRun(run)) {
    // Model names are written both ways (华为Mate60 and 华为Mate 60 name the same phone), and the
    // index keeps mate60 whole but mate and 60 apart: so also match the parts in a row.
    const parts = letterDigitParts(run);
    const clause: MatchClause = [{ column: 'words', mode: 'all', tokens: [run] }];
    if (parts.length > 1) clause.push({ column: 'words', mode: 'phrase', tokens: parts });
    add(run, clause, [latinRankTerm(run, parts)]);
    return;
  }
  const chars = Array.from(run);
  if (chars.length === 1) {
    // A single character: a word of its own, or the start of a bigram.
    add(run, [{ column: 'words', mode: 'all', tokens: [run] }, { column: 'grams', mode: 'prefix', tokens: [run] }], [rankTerm([run], termIdf(run))]);
    return;
  }
  const words = queryWords(run);
  const terms: RankTerm[] = [];
  for (const word of words) if (Array.from(word).length >= 2 && !(words.length === 1)) terms.push(rankTerm([word], termIdf(word)));
  // The run itself ranks too (泽连斯基 although jieba says 泽 / 连斯基); rare runs weigh most.
  const runIdf = words.length === 1 ? termIdf(run) : Math.max(termIdf(run), ...words.map((w) => termIdf(w)));
  terms.unshift(rankTerm([run], runIdf));
  // A dictionary word of two or three characters is always in the words stream (search mode emits
  // such words even inside longer ones), so the slower bigram phrase adds nothing but noise.
  const wordsOnly = chars.length <= 3 && isDictionaryWord(run);
  // Single characters (泽 of 泽/连斯基) are in half the archive: requiring them costs much and
  // selects nothing the bigram phrase does not already require.
  const longWords = words.filter((w) => Array.from(w).length > 1);
  const alternatives: MatchClause = longWords.length ? [{ column: 'words', mode: 'all', tokens: longWords }] : [];
  if (!wordsOnly || !alternatives.length) alternatives.push({ column: 'grams', mode: 'phrase', tokens: gramTokens(run) });
  add(run, alternatives, terms);
}
