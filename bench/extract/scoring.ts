import type { Run } from './systems.ts';

/** The metric functions exported by ../shared/tools/score-extraction.mjs. */
export interface Scorer {
  bodyPRF(pred: string, exp: string): { p: number; r: number; f1: number };
  titleMatch(pred: string | null, exp: string): boolean;
  dateMatch(pred: string | null, exp: string): boolean;
  authorMatch(pred: string[], exp: string): boolean;
  sourceMatch(pred: string | null, exp: string): boolean;
}

export interface Expected {
  id: string;
  set: string;
  lang: string;
  url: string | null;
  title: string | null;
  body: string;
  author: string | null;
  published: string | null;
  source: string | null;
}

interface FieldScore {
  match: boolean;
  expected: string;
  predicted: unknown;
}

export interface CaseScore {
  id: string;
  set: string;
  lang: string;
  ok: boolean;
  error?: string;
  ms: number;
  body?: { p: number; r: number; f1: number };
  title?: FieldScore;
  published?: FieldScore;
  author?: FieldScore;
  source?: FieldScore;
}

export function scoreCase(s: Scorer, id: string, e: Expected, run: Run): CaseScore {
  const r: CaseScore = { id, set: e.set, lang: e.lang, ok: run.ok, error: run.error, ms: run.ms };
  if (e.body?.trim()) r.body = run.ok ? s.bodyPRF(run.body, e.body) : { p: 0, r: 0, f1: 0 };
  if (e.title) r.title = { match: run.ok && s.titleMatch(run.title, e.title), expected: e.title, predicted: run.title };
  if (e.published) r.published = { match: run.ok && s.dateMatch(run.published, e.published), expected: e.published, predicted: run.published };
  if (e.author) r.author = { match: run.ok && s.authorMatch(run.authors, e.author), expected: e.author, predicted: run.authors };
  if (e.source) r.source = { match: run.ok && s.sourceMatch(run.source, e.source), expected: e.source, predicted: run.source };
  return r;
}

export interface Accuracy {
  acc: number | null;
  n: number;
}

export interface SetRow {
  set: string;
  cases: number;
  bodyF1: number | null;
  title: Accuracy;
  published: Accuracy;
  author: Accuracy;
  source: Accuracy;
  failures: number;
  medianMs: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return 0;
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function row(set: string, cs: CaseScore[]): SetRow {
  const acc = (k: 'title' | 'published' | 'author' | 'source'): Accuracy => {
    const xs = cs.filter((c) => c[k]);
    return { acc: xs.length ? xs.filter((c) => c[k]?.match).length / xs.length : null, n: xs.length };
  };
  return {
    set,
    cases: cs.length,
    bodyF1: mean(cs.flatMap((c) => (c.body ? [c.body.f1] : []))),
    title: acc('title'),
    published: acc('published'),
    author: acc('author'),
    source: acc('source'),
    failures: cs.filter((c) => !c.ok).length,
    medianMs: median(cs.map((c) => c.ms)),
  };
}

/** One row per set, then all cases, then the Chinese cases (lang=zh) across sets. */
export function aggregate(cs: CaseScore[]): SetRow[] {
  const sets = [...new Set(cs.map((c) => c.set))].sort();
  return [...sets.map((s) => row(s, cs.filter((c) => c.set === s))), row('overall', cs), row('lang=zh', cs.filter((c) => c.lang === 'zh'))];
}
