/**
 * The pasted-text path measured on the evaluation pages: each page is opened in Chromium and its
 * `document.body.innerText` taken, which is what an editor gets with Ctrl+A, Ctrl+C. The texts are
 * third-party writing, so they are cached outside the repository (under the system's temp folder)
 * and never committed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeBytes } from '../../src/domain/ingest/charset.ts';
import { launchBrowser } from '../../test/helpers/browser.ts';
import { type SetRow } from './scoring.ts';
import { markdownTable } from './report.ts';

/** Bump when the way texts are taken changes, so stale copies are not reused. */
const RENDER_VERSION = 'v2';

export const TEXT_CACHE_DIR = process.env.INKSTONE_PASTED_TEXT_CACHE || path.join(tmpdir(), 'inkstone-pasted-text', RENDER_VERSION);

/** A page that takes longer than this to lay out is given up on (its case then scores as a failure). */
const RENDER_TIMEOUT_MS = 20_000;

export interface CopiedTexts {
  texts: Map<string, string>;
  /** How many pages had to be rendered (the rest came from the cache). */
  rendered: number;
  renderSeconds: number;
  failures: string[];
}

const cacheFile = (id: string) => path.join(TEXT_CACHE_DIR, `${id}.txt`);

/** Each case's copied text, rendering in Chromium only the pages not cached yet. */
export async function copiedTexts(casesDir: string, ids: string[]): Promise<CopiedTexts> {
  mkdirSync(TEXT_CACHE_DIR, { recursive: true });
  const missing = ids.filter((id) => !existsSync(cacheFile(id)));
  const t0 = performance.now();
  const failures = missing.length ? await renderPages(casesDir, missing) : [];
  const renderSeconds = (performance.now() - t0) / 1000;
  const texts = new Map<string, string>();
  for (const id of ids) if (existsSync(cacheFile(id))) texts.set(id, readFileSync(cacheFile(id), 'utf8'));
  return { texts, rendered: missing.length, renderSeconds, failures };
}

/**
 * Opens each page with JavaScript off and every request aborted (no page can hang on the network
 * or rewrite itself), from the bytes decoded by our own charset reader, and saves its innerText.
 */
async function renderPages(casesDir: string, ids: string[]): Promise<string[]> {
  const browser = await launchBrowser({ javaScriptEnabled: false });
  const failures: string[] = [];
  try {
    await browser.context.route('**/*', (route) => route.abort());
    for (const [i, id] of ids.entries()) {
      const html = decodeBytes(readFileSync(path.join(casesDir, id, 'source.html'))).text;
      const page = await browser.context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'domcontentloaded', timeout: RENDER_TIMEOUT_MS });
        const text = await page.evaluate(() => {
          // With JavaScript off, <noscript> shows its markup as text; a reader's browser runs scripts and never shows it.
          for (const el of document.querySelectorAll('noscript')) el.remove();
          return (document.body ?? document.documentElement).innerText;
        });
        writeFileSync(cacheFile(id), text);
      } catch (error) {
        failures.push(`${id}: ${String(error).split('\n')[0]}`);
      } finally {
        await page.close();
      }
      if ((i + 1) % 50 === 0) console.error(`rendered ${i + 1}/${ids.length}`);
    }
  } finally {
    await browser.close();
  }
  return failures;
}

/** What the numbers do not say by themselves: faults fixed and faults left, by kind. */
export const TEXT_NOTES: string[] = [
  '- Before this work (the reader of commit 473a4f3, which anchored on the 来源/时间 line and took everything',
  '  below it up to the first end marker; run on the same cached texts) they scored body F1 0.718 overall /',
  '  0.768 Chinese, titles 0.057, dates 0.674, authors 0.073. Faults fixed, commonest first, each with a',
  '  made-up test in `src/domain/ingest/text-extractor.test.ts`:',
  '  - the whole page, or one line, taken as the body: now the run of lines densest in prose (each prose line',
  '    counts its words, any other line costs 8, a long stretch of short lines such as a chart at most 64),',
  '    between lines no article crosses (share bars, comment headers, related lists, tag lines, the',
  '    editor\'s sign-off, a footer with its year or rights; not a picture\'s credit, not a sentence that',
  '    says 侵权 after a clause; a "More <site or section>" heading); a box of related links or a share bar',
  '    inside a story is crossed when the story goes on strongly after it;',
  '  - comment threads and blog archives: a line stamped with a date and time, or an age (2 days ago, 3小时前),',
  '    starts another post, unless three stamps stand in a row (a table, a log); the first run half as strong',
  '    as the strongest is the article;',
  '  - prose broken by hand, list items with clauses, ad-slot labels, a long comma headline read as prose;',
  '  - headlines: the headline-like line over the body (or its 来源 line) whose words the story repeats, else',
  '    the one over the byline or time stamp; never a reading prompt, a caption or credit, a 副标题, a numbered',
  '    section;',
  '  - writers: the labelled byline nearest the story (By, Par, Por, Posted on … by; 记者/作者), a name signing',
  '    a date, a time or a reading time, an essay\'s author under its headline, a 作者 label closing the story;',
  '  - dates: the head over the body first, as the HTML reader does; huge pastes: the first 20,000 lines only.',
  '- Left, by kind: titles of the `readability` set are the whole `<title>` with the site\'s name (not in copied',
  '  text); of the 186 title misses the expected title is a line of the text on 83 only (wcxb\'s shop, listing',
  '  and documentation pages name a category there; CSS `text-transform` capitalises some headlines). Dates and',
  '  sources mostly live in metadata that copying never carries: of the 54 date misses, the expected date is',
  '  written in the text on 9. Authors: of 117 misses we name nobody on 111; `gne`\'s expected author is the',
  '  责任编辑 (ours in `editor`), blogs sign with user names without a label. Bodies: pages that show their',
  '  text only through JavaScript (`readability-seattletimes-1`, `wcxb-dev-0384`, `-0504`, `-4147` copy as',
  '  nothing or one character), forum pages where a reply index follows the first post, tables and charts',
  '  whose cells are the main content (league tables, shops, listings), and text a page\'s own style sheet',
  '  would hide (the folded rest after 展开全文, which the annotators left out) but which, without the sheet,',
  '  these copies hold.',
  '- 2026-11-27: headlines no longer taken from a Home / … breadcrumb, a consent banner or a "you may like" box',
  '  (titles 0.377 → 0.384); the editor read from the head\'s 来源 line and up to six lines after the story',
  '  (Chinese authors 0.439 → 0.455; the scorer counts authors only). Labels in traditional characters now',
  '  match too; on `readability-pixnet` (a Taiwanese blog) the blog menu\'s 相關文章 above the post now reads',
  '  as a related list, and the copied page loses its post (body 0.379 → 0.203; the HTML reader is unaffected).',
  '- Time: rendering the 550 pages in Chromium took 143 s (about 0.26 s a page, once; `rendered … in Chromium`',
  '  in the output); a run from the cached texts takes 12-20 s of wall time, most of it extracting and scoring',
  '  both paths; the pasted-text extraction itself is the median per page in the table. 4 MB of pasted lines',
  '  (200,000 paragraphs, 900,000 menu lines, or one 4 MB line) take 0.13-0.24 s.',
];

/** The "## Extraction from pasted text" section of docs/PERFORMANCE.md. */
export function renderTextMarkdown(rows: { text: SetRow[]; html: SetRow[] }, cases: number, notes: string[]): string {
  return [
    '## Extraction from pasted text',
    '',
    `Measured by \`npx tsx bench/extract/run.ts --as-text\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}), the same`,
    `${cases} cases and scorer functions as "## Extraction". The text of each case is what an editor gets by`,
    'selecting the whole page and copying it: the page\'s bytes are decoded by our `decodeBytes`, given to',
    'Debian\'s Chromium (`page.setContent`, JavaScript off, every network request aborted, so external',
    'style sheets and images are missing and hidden-by-stylesheet menus show, as on a page saved without',
    'its files), `<noscript>` elements are removed (a reader\'s browser runs scripts and never shows them)',
    'and `document.body.innerText` is taken. Those texts are cached outside the repository',
    `(\`${path.join('$TMPDIR', 'inkstone-pasted-text', RENDER_VERSION)}\`) and never committed. Then \`extractArticle(text)\` reads each one;`,
    'time is that call only. The HTML table beside it is the same extractor on the same pages\' bytes in the',
    'same run: what pasting loses against giving the page itself.',
    '',
    '### Inkstone extractor, pasted text',
    '',
    markdownTable(rows.text),
    '',
    '### Inkstone extractor, the same pages as HTML (same run)',
    '',
    markdownTable(rows.html),
    '',
    ...(notes.length ? ['Notes:', ...notes, ''] : []),
  ].join('\n');
}
