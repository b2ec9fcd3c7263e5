import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Accuracy, SetRow } from './scoring.ts';

const f3 = (x: number | null) => (x === null ? '–' : x.toFixed(3));
const fa = (a: Accuracy) => (a.n ? `${(a.acc ?? 0).toFixed(3)} (${a.n})` : '–');

const HEAD = ['set', 'cases', 'body F1', 'title', 'published', 'author', 'source', 'fail', 'median ms'];

function cells(r: SetRow): string[] {
  return [r.set, String(r.cases), f3(r.bodyF1), fa(r.title), fa(r.published), fa(r.author), fa(r.source), String(r.failures), r.medianMs.toFixed(1)];
}

export function renderTable(rows: SetRow[]): string {
  const data = rows.map(cells);
  const w = HEAD.map((h, i) => Math.max(h.length, ...data.map((d) => (d[i] ?? '').length)));
  const line = (cs: string[]) => cs.map((c, i) => (i === 0 ? c.padEnd(w[i] ?? 0) : c.padStart(w[i] ?? 0))).join('  ');
  return [line(HEAD), w.map((n) => '-'.repeat(n)).join('  '), ...data.map(line)].join('\n');
}

function markdownTable(rows: SetRow[]): string {
  const head = `| ${HEAD.join(' | ')} |\n|${HEAD.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`;
  return [head, ...rows.map((r) => `| ${cells(r).join(' | ')} |`)].join('\n');
}

export function renderMarkdown(rows: Record<string, SetRow[]>, cases: number): string {
  const parts = [
    '## Extraction',
    '',
    `Measured by \`npx tsx bench/extract/run.ts\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}), ${cases} cases of`,
    '`../shared/extraction/cases`, both systems in one process, one page at a time; scores use the metric',
    'functions of `../shared/tools/score-extraction.mjs` (body = token F1, CJK characters one token each;',
    'title exact; published = same calendar date; author/source containment). Time is extraction only',
    '(decode + parse + extract), not process start-up. Readability is @mozilla/readability 0.6 on linkedom',
    'after the same charset decoding as ours. The `readability` set\'s expected answers are Readability\'s',
    'own output, so it scores 1.0 there by construction.',
    '',
  ];
  for (const [system, rs] of Object.entries(rows)) {
    parts.push(`### ${system === 'inkstone' ? 'Inkstone extractor' : 'Readability.js (baseline)'}`, '', markdownTable(rs), '');
  }
  parts.push(
    'Notes:',
    '- Titles: the four Chinese pages of the `readability` set expect the whole `<title>` with its site suffix',
    '  (`…_科技_腾讯网`, Readability\'s own answer); Inkstone returns the headline, which is what an editor wants.',
    '- Authors are not a target: `cwced`/`gne` often give the responsible editor (责任编辑) or a blog user name as',
    '  "author"; Inkstone reports reporters/bylines in `authors` and the responsible editor in `editor`.',
    '- Times come from a shared 2-core machine with other work running; compare the two systems in the same',
    '  run rather than across runs. The score tool itself (`--cmd \'npx inkstone extract {html} --json\'`) adds',
    '  about a second of process start-up per page.',
    '',
  );
  return parts.join('\n');
}

/** Replaces (or appends) the `## Extraction` section, leaving other engineers' sections alone. */
export function writePerformanceSection(file: string, section: string): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n';
  const start = current.indexOf('\n## Extraction');
  if (start < 0) {
    writeFileSync(file, `${current.trimEnd()}\n\n${section.trimEnd()}\n`);
    return;
  }
  const next = current.indexOf('\n## ', start + 1);
  const after = next < 0 ? '' : current.slice(next);
  writeFileSync(file, `${current.slice(0, start).trimEnd()}\n\n${section.trimEnd()}\n${after}`);
}
