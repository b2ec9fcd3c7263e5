/**
 * Extraction quality and speed: our extractor and @mozilla/readability (on linkedom) over every case
 * in ../shared/extraction/cases, in the same run, scored with ../shared/tools/score-extraction.mjs's
 * own metric functions. Prints a table per set, writes JSON to bench/results/ and the table into
 * docs/PERFORMANCE.md (section "## Extraction").
 *
 *   npx tsx bench/extract/run.ts [--filter gne-,cwced-] [--no-readability] [--no-docs] [--show-misses]
 *                                [--compare bench/results/extract-<earlier>.json] [--as-text]
 *
 * --compare prints our scores per set beside those of an earlier run's JSON, to see that no set drops.
 * --as-text measures the pasted-text path instead: each page's text as Chromium shows it (as-text.ts),
 * read by our extractor, beside our extractor on the same pages' HTML (no Readability); its table goes
 * into the section "## Extraction from pasted text".
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sharedPath } from '../../test/helpers/shared.ts';
import { aggregate, type CaseScore, type Expected, type Scorer, type SetRow, scoreCase } from './scoring.ts';
import { runOurs, runReadability } from './systems.ts';
import { renderComparison, renderMarkdown, renderTable, writePerformanceSection } from './report.ts';
import { copiedTexts, renderTextMarkdown, TEXT_NOTES } from './as-text.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const filterArg = args[args.indexOf('--filter') + 1];
const filters = args.includes('--filter') && filterArg ? filterArg.split(',') : [];
const compareArg = args.includes('--compare') ? args[args.indexOf('--compare') + 1] : undefined;

const scorer = (await import(pathToFileURL(sharedPath('tools', 'score-extraction.mjs')).href)) as Scorer;
const casesDir = sharedPath('extraction', 'cases');
const ids = readdirSync(casesDir)
  .filter((id) => !filters.length || filters.some((f) => id.includes(f)))
  .sort();

const asText = flag('--as-text');
const copied = asText ? await copiedTexts(casesDir, ids) : null;
if (copied) {
  console.log(`texts: ${copied.rendered} rendered in Chromium (${copied.renderSeconds.toFixed(1)} s), ${ids.length - copied.rendered} from the cache`);
  for (const failure of copied.failures) console.log(`  not rendered: ${failure}`);
}

type System = 'inkstone' | 'readability' | 'pasted';
const systems: readonly System[] = asText ? ['pasted', 'inkstone'] : flag('--no-readability') ? ['inkstone'] : ['inkstone', 'readability'];
/** The system whose misses --show-misses lists and whose table the docs get first. */
const main: System = asText ? 'pasted' : 'inkstone';
const scores: Record<string, CaseScore[]> = { inkstone: [], readability: [], pasted: [] };
const t0 = performance.now();
for (const id of ids) {
  const bytes = readFileSync(path.join(casesDir, id, 'source.html'));
  const expected = JSON.parse(readFileSync(path.join(casesDir, id, 'expected.json'), 'utf8')) as Expected;
  const url = expected.url ?? '';
  for (const system of systems) {
    const run = system === 'inkstone' ? runOurs(bytes, url) : system === 'readability' ? runReadability(bytes, url) : runOurs(copied?.texts.get(id) ?? '', url);
    scores[system]?.push(scoreCase(scorer, id, expected, run));
  }
}
if (asText) console.log(`extraction and scoring: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const rows: Record<string, SetRow[]> = {};
for (const system of systems) rows[system] = aggregate(scores[system] ?? []);
for (const system of systems) {
  console.log(`\n${system}`);
  console.log(renderTable(rows[system] ?? []));
}
if (flag('--show-misses')) {
  for (const s of scores[main] ?? []) {
    const misses = [s.body && s.body.f1 < 0.8 ? `body f1=${s.body.f1.toFixed(2)} p=${s.body.p.toFixed(2)} r=${s.body.r.toFixed(2)}` : '', s.title && !s.title.match ? `title ${JSON.stringify(s.title.predicted)} ≠ ${JSON.stringify(s.title.expected)}` : '', s.published && !s.published.match ? `date ${s.published.predicted} ≠ ${s.published.expected}` : '', s.author && !s.author.match ? `author ${JSON.stringify(s.author.predicted)} ≠ ${s.author.expected}` : ''].filter(Boolean);
    if (misses.length && (asText || s.lang === 'zh')) console.log(`${s.id}: ${misses.join(' | ')}`);
  }
}
if (compareArg) {
  const earlier = JSON.parse(readFileSync(compareArg, 'utf8')) as { date: string; rows: Record<string, SetRow[]> };
  console.log(`\n${main}, before (${earlier.date}) → now`);
  console.log(renderComparison(earlier.rows[main] ?? [], rows[main] ?? []));
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
mkdirSync('bench/results', { recursive: true });
const out = `bench/results/extract${asText ? '-text' : ''}-${stamp}.json`;
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, filters, rows, cases: scores }, null, 1));
console.log(`\nwrote ${out}`);
if (!flag('--no-docs') && !filters.length) {
  if (asText) {
    const heading = '## Extraction from pasted text';
    writePerformanceSection('docs/PERFORMANCE.md', renderTextMarkdown({ text: rows.pasted ?? [], html: rows.inkstone ?? [] }, ids.length, TEXT_NOTES), heading);
    console.log(`updated docs/PERFORMANCE.md (${heading})`);
  } else {
    writePerformanceSection('docs/PERFORMANCE.md', renderMarkdown(rows, ids.length));
    console.log('updated docs/PERFORMANCE.md (## Extraction)');
  }
}
