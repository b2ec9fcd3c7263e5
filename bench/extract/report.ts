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

const pct = (a: Accuracy) => (a.n ? `${((a.acc ?? 0) * 100).toFixed(1)}%` : '–');

/** Each set's body F1, title and date before and after, for a run compared with an earlier one. */
export function renderComparison(before: SetRow[], after: SetRow[]): string {
  const head = ['set', 'body F1 before', 'after', 'title before', 'after', 'published before', 'after'];
  const data = after.map((r) => {
    const b = before.find((x) => x.set === r.set);
    return [r.set, b ? f3(b.bodyF1) : '–', f3(r.bodyF1), b ? pct(b.title) : '–', pct(r.title), b ? pct(b.published) : '–', pct(r.published)];
  });
  const w = head.map((h, i) => Math.max(h.length, ...data.map((d) => (d[i] ?? '').length)));
  const line = (cs: string[]) => cs.map((c, i) => (i === 0 ? c.padEnd(w[i] ?? 0) : c.padStart(w[i] ?? 0))).join('  ');
  return [line(head), ...data.map(line)].join('\n');
}

export function markdownTable(rows: SetRow[]): string {
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
    '- Titles: the four title misses among the Chinese cases are the Chinese pages of the `readability` set, whose',
    '  expected title is Readability\'s own answer, the whole `<title>`. Evidence per case (ours / expected / page):',
    '  - `readability-qq`: 「DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶」 / the same + `_科技_腾讯网`; the page\'s',
    '    `<h1>` is exactly ours; no og:title.',
    '  - `readability-gmw`: 「宇航员在太空中喝酒会怎么样？后果很严重」 / the same + ` _探索者 _光明网`; `<h1>` is exactly ours;',
    '    no og:title.',
    '  - `readability-pixnet`: 「新竹尖石_美樹營地賞楓 (2)」 / the same + ` @ 史蒂文的家_藍天 :: 痞客邦 PIXNET ::` (= `<title>` =',
    '    og:title); the post\'s `<h2>` is exactly ours, the page\'s two `<h1>` are the platform logo and the blog name.',
    '  - `readability-youth`: 「海外留学生看两会：出国前后关注点大不同」 / the same + `_教育频道_中国青年网`; the page has no',
    '    `<h1>`/`<h2>`, og:title or JSON-LD headline, so ours is `<title>` without its channel and site suffix.',
    '  Keeping the whole `<title>` when a page offers no headline element was tried: it fixed `youth` and one',
    '  English page but broke `readability-title-en-dash` and `wcxb-dev-4544` (`wcxb-dev` 68.0 % → 67.3 %) and two',
    '  `cwced` bodies (the headline also drops its repetition from the body), so it was not taken. The gne set',
    '  (human-made titles) is 20/20, and the property test in `src/domain/ingest/extractor.test.ts` (300 generated',
    '  pages: `<title>` in nine styles such as `标题_频道_站名`, `标题——站名`, `站名 | 标题` or the bare headline; the',
    '  headline in `<h1>`, `<h2>`, a title `<div>` or nowhere; minified or not) finds the clean headline every time.',
    '  The two sets contradict each other: 12 of the 20 `gne` pages have a `<title>` with the same kind of site suffix',
    '  (`…曝露？_网易财经`, `…_凤凰网资讯_凤凰网`, `…_新浪财经_新浪网`) and their answers drop it, while the `readability`',
    '  answers keep it (`…_科技_腾讯网`, `…_教育频道_中国青年网`). A rule that drops the suffix scores at most 20/24',
    '  (83.3 %), one that keeps it 12/24; 95 % (23/24) would need telling the two sets apart, not reading the page.',
    '- Dates: the four date misses among the Chinese cases are disputable answers: `cwced-05e98007` (page stamp',
    '  `7/5/2005 9:23:57 PM`, the text reports events of 2005-07-03; expected 2005-05-07), `cwced-d5bced5e` (a',
    '  Wikipedia article; expected is a 2020 maintenance-tag date, JSON-LD datePublished is 2011-06-17),',
    '  `cwced-e8847578` (meta PubDate 2022-01-28, the notice is signed 2022年1月27日; expected the signature),',
    '  `gne-qq-qq` (expected 2019-09-05; the page says pubtime 2019-09-07 19:02 and apub:time 2019-9-7; 2019-9-5 is',
    '  only the video player\'s version stamp).',
    '- Annotation conventions differ between sets: `cwced` takes the first entry of a blog archive and only the',
    '  opening post of a forum page; `wcxb-dev` takes a whole forum thread or listing. Inkstone takes the first',
    '  entry when entries carry their own headline and date (an archive), and not when posts are replies.',
    '- Authors are not a target: `cwced`/`gne` often give the responsible editor (责任编辑) or a blog user name as',
    '  "author"; Inkstone reports reporters/bylines in `authors` and the responsible editor in `editor`, so on the',
    '  12 `gne` pages whose expected "author" is the 责任编辑 the name is in our `editor`, not counted here. Of',
    '  the 66 Chinese cases with an author, the expected name is in our `authors` or `editor` on 56. Of the ten',
    '  left, four are blog owners named only in the sidebar, one an organisation, one a reposted story whose',
    '  expected "author" is the blogger while we give the reporters of its dateline (实习记者 樊亮 张明超 记者惠禾).',
    '  `authors` lists people only (since 2026-11-27): an organisation typed as the JSON-LD author, an agency or desk',
    '  byline (Reuters, BBC News, Staff), a CMS account (admin) or the outlet\'s own name is not an author; an agency',
    '  becomes the `source` when the page states none. The `readability` and `wcxb-dev` answers count such names as',
    '  authors (Contributors to Wikimedia projects, Docker Inc, Paycom, BBC News, admin), which costs about 0.05 on',
    '  the author score of those sets.',
    '- Times come from a shared 2-core machine with other work running; compare the two systems in the same',
    '  run rather than across runs. The score tool itself (`--cmd \'npx inkstone extract {html} --json\'`) adds',
    '  about a second of process start-up per page.',
    '',
  );
  return parts.join('\n');
}

/** Replaces (or appends) one section (by default `## Extraction`), leaving other engineers' sections alone. */
export function writePerformanceSection(file: string, section: string, heading = '## Extraction'): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n';
  // The whole heading line, so that "## Extraction" does not find "## Extraction from pasted text".
  const start = `${current}\n`.indexOf(`\n${heading}\n`);
  if (start < 0) {
    writeFileSync(file, `${current.trimEnd()}\n\n${section.trimEnd()}\n`);
    return;
  }
  const next = current.indexOf('\n## ', start + 1);
  const after = next < 0 ? '' : current.slice(next);
  writeFileSync(file, `${current.slice(0, start).trimEnd()}\n\n${section.trimEnd()}\n${after}`);
}
