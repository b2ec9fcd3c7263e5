/**
 * Writes bench/search/judgements.json, the graded relevance judgements of the search benchmark:
 * npx tsx bench/search/judge.ts [--sample N]
 *
 * Reads ../shared/corpus/news-zh.jsonl.gz and keeps only corpus ids and the rules (no corpus text).
 * For each query, gain 2 (`relevant`) when the headline names the query's subject (the rule of the
 * first, binary judgements, unchanged), gain 1 (`bodyRelevant`) when the body is about it by the rule
 * of BODY_RULE below, 0 otherwise. --sample N prints N gain-1 articles picked at random (fixed seed),
 * with the headline and the text around the subject's first mention, for checking the rule by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = process.env.INKSTONE_CORPUS ?? path.resolve(HERE, '../../../shared/corpus/news-zh.jsonl.gz');
const OUT = path.join(HERE, 'judgements.json');

/**
 * A query's subject as alternatives of defining words (lower case): the subject is named when every
 * word of one alternative occurs. Written by hand with the queries of queries.ts.
 */
const SUBJECTS: [query: string, alternatives: string[][]][] = [
  ['淄博烧烤', [['淄博', '烧烤']]], ['泽连斯基', [['泽连斯基']]], ['神舟十六号', [['神舟十六号']]], ['杭州亚运会', [['亚运']]],
  ['成都大运会', [['大运会']]], ['硅谷银行', [['硅谷银行']]], ['ChatGPT', [['chatgpt']]], ['华为Mate60', [['mate60'], ['mate 60']]],
  ['核污染水', [['核污染水']]], ['台风杜苏芮', [['杜苏芮']]], ['土耳其 地震', [['土耳其', '地震']]], ['积石山 地震', [['积石山']]],
  ['加沙', [['加沙']]], ['瓦格纳', [['瓦格纳']]], ['美联储 加息', [['美联储', '加息']]], ['许家印', [['许家印']]],
  ['碧桂园', [['碧桂园']]], ['村超', [['村超']]], ['梅西', [['梅西']]], ['马斯克', [['马斯克']]], ['比亚迪', [['比亚迪']]],
  ['高考 作文', [['高考', '作文']]], ['春运', [['春运']]], ['春晚', [['春晚']]], ['一带一路 高峰论坛', [['一带一路', '高峰论坛']]],
  ['中央经济工作会议', [['中央经济工作会议']]], ['新质生产力', [['新质生产力']]], ['嫦娥六号', [['嫦娥六号']]], ['C919', [['c919']]],
  ['全红婵', [['全红婵']]], ['谷爱凌', [['谷爱凌']]], ['北溪', [['北溪']]], ['泰坦号', [['泰坦号']]], ['乡村振兴', [['乡村振兴']]],
];

/** The body rule's numbers; why these, see ABOUT. */
const LEAD_CHARS = 300;
const MIN_MENTIONS = 3;
const MIN_MENTIONS_PER_1000_CHARS = 3;

const ABOUT =
  'Our own graded relevance judgements for bench/search (nDCG@10 with gains 2^g - 1). Ids are corpus ids of ' +
  '../shared/corpus/news-zh.jsonl.gz; no corpus text is kept here; bench/search/judge.ts writes this file. ' +
  "A query's subject is given by its defining words (`rule`: alternatives, every word of one alternative must occur; " +
  'matching is on lower-cased text). Gain 2 (`relevant`): the headline names the subject (the rule of the first, ' +
  'binary judgements, unchanged). Gain 1 (`bodyRelevant`): the headline does not, but the body is substantially about ' +
  `the subject, i.e. the body names it (every defining word of one alternative) in its lead (the first ${LEAD_CHARS} ` +
  'characters, about the first paragraph or two, where a news story says what it is about), names it again in its ' +
  `second half, and names it at least ${MIN_MENTIONS} times and at least ${MIN_MENTIONS_PER_1000_CHARS} times per 1,000 ` +
  "characters (an alternative's count is that of its rarest word). Why: in a hand-labelled development sample of 40 " +
  'articles passing the lead and 3-mention tests alone, precision was 22/40; the misses were news roundups (国际联播快讯: ' +
  'the subject is one item, named only in the first half) and long features or market reports that name the subject ' +
  'now and then (under 2.5 mentions per 1,000 characters); the second-half and density tests removed 16 of the 18 ' +
  'misses and 6 of the 22 hits. Precision on a fresh hand-checked sample: docs/PERFORMANCE.md, Search, run H. ' +
  'Gain 0 otherwise.';

interface Judged {
  q: string;
  rule: string[][];
  relevant: string[];
  bodyRelevant: string[];
}

function countOf(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

function namesSubject(text: string, alternatives: string[][]): boolean {
  return alternatives.some((words) => words.every((w) => text.includes(w)));
}

/** How many times the body names the subject: the best alternative, counted by its rarest word. */
function mentionsOf(body: string, alternatives: string[][]): number {
  return Math.max(...alternatives.map((words) => Math.min(...words.map((w) => countOf(body, w)))));
}

function isAboutInBody(body: string, alternatives: string[][]): boolean {
  const mentions = mentionsOf(body, alternatives);
  return (
    mentions >= MIN_MENTIONS &&
    (mentions * 1000) / body.length >= MIN_MENTIONS_PER_1000_CHARS &&
    namesSubject(body.slice(0, LEAD_CHARS), alternatives) &&
    namesSubject(body.slice(Math.floor(body.length / 2)), alternatives)
  );
}

/** Where the subject is first named, with some text either side (for --sample only). */
function firstMention(body: string, alternatives: string[][]): string {
  const at = Math.min(...alternatives.flat().map((w) => body.indexOf(w)).filter((i) => i >= 0));
  return body.slice(Math.max(0, at - 60), at + 100).replace(/\s+/g, ' ');
}

interface Sampled {
  q: string;
  id: string;
  title: string;
  mentions: number;
  context: string;
}

async function judge(sampling: boolean): Promise<{ judged: Judged[]; gainOne: Sampled[] }> {
  const judged: Judged[] = SUBJECTS.map(([q, rule]) => ({ q, rule, relevant: [], bodyRelevant: [] }));
  const gainOne: Sampled[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(CORPUS).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const item = JSON.parse(line) as { id: string; title: string; body: string };
    const title = item.title.toLowerCase();
    const body = item.body.toLowerCase();
    for (const j of judged) {
      if (namesSubject(title, j.rule)) j.relevant.push(item.id);
      else if (isAboutInBody(body, j.rule)) {
        j.bodyRelevant.push(item.id);
        if (sampling) gainOne.push({ q: j.q, id: item.id, title: item.title, mentions: mentionsOf(body, j.rule), context: firstMention(body, j.rule) });
      }
    }
  }
  // A query no headline names cannot be judged by nDCG (no ideal ranking to compare with).
  return { judged: judged.filter((j) => j.relevant.length > 0), gainOne };
}

/** Picks n items with a fixed seed (a linear congruential shuffle), so the hand-checked sample can be re-drawn. */
function sampleOf<T>(items: T[], n: number): T[] {
  const copy = [...items];
  let seed = 20_261_128;
  for (let i = copy.length - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    const k = seed % (i + 1);
    [copy[i], copy[k]] = [copy[k] as T, copy[i] as T];
  }
  return copy.slice(0, n);
}

async function main() {
  const sampleArg = process.argv.indexOf('--sample');
  const sampleSize = sampleArg >= 0 ? Number(process.argv[sampleArg + 1]) : 0;
  if (sampleArg >= 0 && !(Number.isInteger(sampleSize) && sampleSize > 0)) {
    console.error('--sample needs a positive whole number');
    process.exit(2);
  }
  const { judged, gainOne } = await judge(sampleSize > 0);
  fs.writeFileSync(OUT, `${JSON.stringify({ about: ABOUT, queries: judged }, null, 1)}\n`);
  for (const j of judged) console.log(`${j.q}\theadline ${j.relevant.length}\tbody ${j.bodyRelevant.length}`);
  console.log(`wrote ${path.relative(process.cwd(), OUT)}: ${judged.length} queries`);
  for (const s of sampleOf(gainOne, sampleSize)) console.log(`${s.q}\t${s.id}\t${s.mentions}\t${s.title}\t…${s.context}…`);
}

await main();
