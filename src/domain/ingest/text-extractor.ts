import { captionFigure } from './body-blocks.ts';
import type { Block } from './extraction.ts';
import {
  findSource,
  isBreadcrumbLine,
  isCopyrightMarker,
  isEndMarker,
  isFurnitureLine,
  isMetaLine,
  isNavLine,
  looksLikeCaption,
  looksLikeSubheading,
  readBreadcrumb,
  readOriginalTitleLine,
} from './zh-conventions.ts';
import { findBylineAuthors, findEditorLabel, findHeaderAuthors, isEmptyEditorLine, matchBylineLine, matchEditorLine } from './bylines.ts';
import { type FoundDate, findDates } from './date-parse.ts';
import { findBodyDate, findTextDate } from './html-metadata.ts';
import { isNoiseLine } from './block-furniture.ts';
import { findLatinByline, findSignedStamp, isLatinBylineLine } from './text-bylines.ts';
import { countTokens, isBarrier, isEntryStamp, isHeadMeta, isInlineBoxLabel, isProse, isSlotLabel, runsOnInto, startsPost } from './text-lines.ts';

/** What reading a pasted page's text gives before the shared body clean-up. */
export interface TextReading {
  title: string;
  subtitle: string;
  metaLine: string;
  /** The publication time: from the 来源/时间 line, else the page head over the body, else the likeliest stamp. */
  published: FoundDate | null;
  source: string;
  authors: string[];
  /** The responsible editor named on a line the body leaves out (本文来源:X 责任编辑:Y, or just after the body). */
  editor: string;
  /** 原标题：… on a line just after the body (one inside it is read by the shared clean-up). */
  originalTitle: string;
  /** The sections of the breadcrumb line over the headline. */
  section: string[];
  blocks: Block[];
}

/** Whether a string is plain text copied from a page rather than HTML. */
export function looksLikePlainText(input: string): boolean {
  if (/^\s*<(!doctype|html|\?xml|head|body|!--)/i.test(input)) return false;
  // A few angle brackets in prose are not a document; a page has structural tags somewhere.
  const structural = /<\/?(html|head|body|div|p|br|table|td|span|a|h[1-6]|article|section|meta|title|script|style|ul|li|img)\b[^<>]*>/gi;
  let count = 0;
  while (structural.exec(input) && ++count < 3);
  if (count < 3 || /^\s*</.test(input)) return count < 3;
  // Copied text may quote markup (a code sample in a developer's article); a page is mostly markup.
  const sample = input.slice(0, 100_000);
  const markup = sample.match(/<[^<>]{0,1000}>/g)?.join('').length ?? 0;
  return markup < sample.length * MARKUP_SHARE_OF_A_PAGE;
}

/** Even a page's text-heavy stretch is a third markup or more; a code sample in prose is far less. */
const MARKUP_SHARE_OF_A_PAGE = 0.2;

/** A whole page copied is a few thousand lines; beyond this many, only the head is read, for a bounded best effort. */
const MAX_LINES = 20_000;

/**
 * Reads text copied from a whole page (navigation, breadcrumb, title, 来源/时间 line, body,
 * editor, 上一篇/下一篇, copyright, comments…). The body is the run of lines densest in prose
 * (bodyRegion); the head (headline, 来源/时间 line, bylines) is read over it.
 */
export function readPlainText(input: string): TextReading {
  const lines = input
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\s\u3000\u00a0]+/g, ' ').trim())
    // A player's buttons, ad labels and counters are noise wherever they sit; left in, they read as a menu that splits the story.
    .filter((l) => l && !isNoiseLine(l))
    .slice(0, MAX_LINES);
  const region = bodyRegion(lines);
  const head = readHead(lines, region);
  const body = readBody(lines, region);
  // The head's 来源 line may name the editor too (来源：网易科学人 作者： 责任编辑：肖春芳): it comes first, as in the HTML reader.
  return { ...head, ...body, editor: head.editor || body.editor };
}

/** Headline, 副标题, 来源/时间 line, time and writers, from the lines over the body (and, for writers, those closing it). */
function readHead(lines: string[], region: Region): Omit<TextReading, 'blocks' | 'originalTitle'> {
  const metaIndex = findMetaAbove(lines, region.start);
  const titleIndex = findHeadline(lines, metaIndex, region);
  const metaLine = metaIndex >= 0 ? (lines[metaIndex] ?? '') : '';
  const head = lines.slice(Math.max(0, titleIndex), region.start);
  const crumb = lines.slice(0, Math.max(0, titleIndex)).findLast(isBreadcrumbLine) ?? '';
  return {
    section: readBreadcrumb(crumb),
    editor: head.filter(isMetaLine).map(findEditorLabel).find(Boolean) ?? '',
    title: titleIndex >= 0 ? (lines[titleIndex] ?? '') : '',
    subtitle: findSubtitle(lines, titleIndex, metaIndex > titleIndex ? metaIndex : region.start),
    metaLine,
    published: findDates(metaLine)[0] ?? findTextDate(head.join('\n'), lines[region.start] ?? '', () => lines.join('\n')) ?? findBodyDate(lines[region.start] ?? '', () => lines.join('\n')),
    source: findSource(metaLine),
    authors: findAuthors(lines, region, titleIndex, metaLine),
  };
}

/** A line under the headline, before the 来源 line or the body, that opens with a dash is the 副标题. */
function findSubtitle(lines: string[], titleIndex: number, headEnd: number): string {
  if (titleIndex < 0) return '';
  const line = lines.slice(titleIndex + 1, Math.min(headEnd, titleIndex + 3)).find(isSubtitleLine) ?? '';
  return line.replace(/^[—–-]{1,2}\s*/, '');
}

/** The story's writers: from the head, else the name under an essay's headline, else the line that closes the story. */
function findAuthors(lines: string[], region: Region, titleIndex: number, metaLine: string): string[] {
  // Bylines may stand over the headline too (a kicker, the writer, then the headline), and the body's run takes in those just over it.
  let bylinesEnd = region.start;
  while (bylinesEnd < region.end && isBylineLine(lines[bylinesEnd] ?? '')) bylinesEnd++;
  const windowStart = Math.max(0, Math.min(titleIndex < 0 ? region.start : titleIndex, region.start - BYLINE_WINDOW));
  return orElse(findHeadAuthors(metaLine, lines.slice(windowStart, bylinesEnd)), () =>
    orElse(findNameUnderHeadline(lines, titleIndex), () => findTrailerAuthors(lines, region)),
  );
}

/** Bylines over the body: on the 来源 line, or a line of the head (记者 张三, By Jane Doe). */
function findHeadAuthors(metaLine: string, head: string[]): string[] {
  // 记者 张三 on the 来源 line, or an old portal's name in brackets after the time: 08:19 [ 黄宇 ] 来源：….
  const onMeta = findHeaderAuthors(metaLine);
  if (onMeta.length) return onMeta;
  // The labelled byline nearest the body is the story's (one further up may be a teaser's); a name signing a stamp comes after.
  const nearest = (find: (line: string, i: number) => string[]) => {
    for (let i = head.length - 1; i >= 0; i--) {
      const names = find(head[i] ?? '', i);
      if (names.length) return names;
    }
    return [];
  };
  return orElse(
    nearest((line) => orElse(findLatinByline(line), () => findBylineAuthors(line))),
    () => nearest((line, i) => findSignedStamp(line, head[i + 1] ?? '')),
  );
}

/** 编辑：金金 来源：21世纪经济报道 作者：宋怡 杨志华 closing the story (the last such line in it, or just after it): its writers, when its head names none. */
function findTrailerAuthors(lines: string[], region: Region): string[] {
  for (let i = Math.min(lines.length, region.end + EDITOR_REACH) - 1; i >= region.start; i--) {
    const line = lines[i] ?? '';
    const names = isHeadMeta(line) ? findBylineAuthors(line) : [];
    if (names.length) return names;
  }
  return [];
}

/** An essay's author stands alone on the line under its headline: 胡平. */
function findNameUnderHeadline(lines: string[], titleIndex: number): string[] {
  const next = titleIndex >= 0 ? (lines[titleIndex + 1] ?? '') : '';
  return next.length <= 8 ? matchBylineLine(next, { bare: true }) : [];
}

function orElse(names: string[], fallback: () => string[]): string[] {
  return names.length ? names : fallback();
}

/**
 * A menu flattened into one line. Short words alone make one in Chinese (首页 新闻 政务 图片); in
 * English most words are short (Old ferry pier to be rebuilt), so there it takes separators (Home | News | Sport).
 */
function isMenuLine(line: string): boolean {
  return isNavLine(line) && (/\p{Script=Han}/u.test(line) || (line.match(/\s[|｜·•/]\s/g)?.length ?? 0) >= 2);
}

function isFrameLine(line: string): boolean {
  return isNavLine(line) || isBreadcrumbLine(line) || isFurnitureLine(line);
}

function findTitleAbove(lines: string[], metaIndex: number): number {
  for (let i = metaIndex - 1; i >= 0; i--) if (!isFrameLine(lines[i] ?? '')) return i;
  return -1;
}

/** With nothing to anchor on: the page's first line that reads as a headline. */
function findFirstTitle(lines: string[]): number {
  const headline = lines.findIndex(isHeadlineLike);
  return headline >= 0 ? headline : lines.findIndex((l) => !isFrameLine(l) && l.length >= 4 && l.length <= 80 && !/[。！？]$/.test(l));
}

/** Lines [start, end) of a pasted page that hold its article. */
interface Region {
  start: number;
  end: number;
}

/**
 * The article's lines: the run of lines, between two barriers, where prose outweighs the frame
 * most (each prose line counts its words, every other line costs FRAME_LINE_COST). Menus, link
 * lists and comment headers are many short lines, so they fall outside; a subheading or a caption
 * between paragraphs costs little. Bylines just before it and the credits, bylines and editor just
 * after it are taken in for the shared clean-up to read.
 */
function bodyRegion(lines: string[]): Region {
  const runs = proseRuns(lines);
  const best = Math.max(0, ...runs.map((r) => r.score));
  const chosen = runs.find((r) => r.score >= best * LEAD_RUN_SHARE);
  if (!chosen) return { start: 0, end: lines.length };
  return widenToBylines(lines, skipLeadingHeadline(lines, chosen));
}

/**
 * A long headline with a comma reads as prose (运营商手机促销方式曝光，禁止提供购机补贴); when the run
 * opens with a line that ends no sentence and a short line (昨天, a time stamp) follows it, that line is the head.
 */
function skipLeadingHeadline(lines: string[], run: Region): Region {
  const first = lines[run.start] ?? '';
  const next = lines[run.start + 1] ?? '';
  const opensHead = run.end - run.start > 2 && !/[。！？.!?…”"」』)）]$/.test(first) && !isProse(next, countTokens(next));
  return opensHead ? { start: run.start + 1, end: run.end } : run;
}

/** What a short line that is not prose (a menu item, a label, a time stamp) costs a run of lines that crosses it. */
const FRAME_LINE_COST = 8;

/** The article comes before its comments, and an archive shows its newest entry first: the first run half as strong as the strongest wins. */
const LEAD_RUN_SHARE = 0.5;

/** Each stretch between barriers, cut to its best-scoring run of lines, in page order. */
function proseRuns(lines: string[]): (Region & { score: number })[] {
  const runs: (Region & { score: number })[] = [];
  let best = { start: 0, end: 0, score: 0 };
  let start = 0;
  let score = 0;
  let gap = 0;
  const stamps = lines.map(isEntryStamp);
  const close = () => {
    if (best.score > 0) runs.push(best);
    best = { start: 0, end: 0, score: 0 };
  };
  for (const [i, line] of lines.entries()) {
    const box = isInlineBoxLabel(line);
    if (!box && (isBarrier(line) || startsPost(stamps, i))) {
      close();
      start = i + 1;
      score = 0;
      continue;
    }
    const tokens = countTokens(line);
    const prose = isProse(line, tokens) || runsOnInto(line, tokens, lines[i + 1] ?? '');
    const isText = prose && !isHeadMeta(line) && !isLatinBylineLine(line);
    // A stretch of short lines inside an article (a chart's labels, a table) costs at most GAP_COST_CAP.
    const value = box ? -INLINE_BOX_COST : isText ? tokens : gap + FRAME_LINE_COST <= GAP_COST_CAP ? -FRAME_LINE_COST : 0;
    gap = isText ? 0 : gap + FRAME_LINE_COST;
    if (score + value <= 0) {
      close();
      start = i + 1;
      score = 0;
      continue;
    }
    score += value;
    if (score > best.score) best = { start, end: i + 1, score };
  }
  close();
  return runs;
}

/** What the longest stretch of short lines costs: eight menu lines' worth, so a chart inside a story does not split it. */
const GAP_COST_CAP = 8 * FRAME_LINE_COST;

/** What crossing a box of related links costs, on top of its lines: a story must go on strongly after it to be read across it. */
const INLINE_BOX_COST = GAP_COST_CAP;

/** How many lines next to the densest run may still be the story's own bylines or editor. */
const BYLINE_REACH = 3;

function widenToBylines(lines: string[], region: Region): Region {
  let { start, end } = region;
  while (start > 0 && region.start - start < BYLINE_REACH && isBylineLine(lines[start - 1] ?? '')) start--;
  while (end < lines.length && end - region.end < BYLINE_REACH && isClosingLine(lines[end] ?? '')) end++;
  return { start, end };
}

function isBylineLine(line: string): boolean {
  return matchBylineLine(line).length > 0;
}

/** (记者 李四), 记者:张三, 编辑:王五, 来源:X 编辑:Y after the last paragraph. */
function isClosingLine(line: string): boolean {
  const bracketed = /^[(（](.+)[)）]$/.exec(line);
  return (
    isBylineLine(line) ||
    (bracketed?.[1] ? matchBylineLine(bracketed[1], { bare: true }).length > 0 : false) ||
    matchEditorLine(line) !== null ||
    isEmptyEditorLine(line) ||
    (isMetaLine(line) && findEditorLabel(line) !== '')
  );
}

/** How far above the article a 来源/时间 line may head it (a share bar or a comment count can sit between). */
const META_REACH = 15;

function findMetaAbove(lines: string[], start: number): number {
  for (let i = start - 1; i >= Math.max(0, start - META_REACH); i--) {
    const line = lines[i] ?? '';
    if (isHeadMeta(line)) return i;
    if (isProse(line, countTokens(line))) break;
  }
  return -1;
}

/** How far above the body a byline may stand: a By line is unmistakable, so it may be looked for far. */
const BYLINE_WINDOW = 30;

/** How far above the article its headline may stand (time stamps, bylines, photo credits between). */
const HEADLINE_REACH = 10;

/**
 * The headline: the nearest line that reads as one above the line that dates or signs the story
 * (来源/时间, By …, a time stamp), else above the body itself.
 */
function findHeadline(lines: string[], metaIndex: number, region: Region): number {
  const bodyStart = region.start;
  const telling = findTellingHeadline(lines, region, metaIndex >= 0 ? metaIndex : region.start);
  if (telling >= 0) return telling;
  const anchor = metaIndex >= 0 ? metaIndex : findStampAbove(lines, bodyStart);
  const found = anchor >= 0 ? findHeadlineAbove(lines, anchor) : -1;
  if (found >= 0) return found;
  if (metaIndex > 0) return findTitleAbove(lines, metaIndex);
  const aboveBody = findHeadlineAbove(lines, bodyStart);
  return aboveBody >= 0 ? aboveBody : findFirstTitle(lines);
}

/** How much of the body's start is compared with a headline: a story names its subject early. */
const HEADLINE_WORDS_FROM = 5000;

/** How far above the body a headline is looked for by its words. */
const HEADLINE_WORD_REACH = 25;
/** The share of a headline's words the body repeats; menus, prompts and other stories' headlines share few. */
const HEADLINE_WORD_SHARE = 0.5;

/**
 * The line over the body that reads as a headline and whose words the body uses most: a headline
 * names what the story is about, a menu item or a reading prompt does not. Among equals, the nearest.
 */
function findTellingHeadline(lines: string[], region: Region, above: number): number {
  // The story's sentences only: the furniture a run takes in (我要说说 打印 推荐) would vouch for menus.
  const prose = lines.slice(region.start, region.end).filter((l) => isProse(l, countTokens(l)));
  const body = new Set(contentWords(prose.join('\n').slice(0, HEADLINE_WORDS_FROM)));
  let best = -1;
  let bestShare = HEADLINE_WORD_SHARE;
  for (let i = above - 1; i >= Math.max(0, above - HEADLINE_WORD_REACH); i--) {
    const line = lines[i] ?? '';
    if (isBarrier(line) && !isFurnitureLine(line)) break;
    const words = contentWords(line);
    if (words.length < 2 || !isHeadlineLike(line)) continue;
    const share = words.filter((w) => body.has(w)).length / words.length;
    if (share > bestShare) {
      best = i;
      bestShare = share;
    }
  }
  return best;
}

const SHORT_WORDS = new Set(['the', 'and', 'for', 'with', 'you', 'your', 'are', 'how', 'what', 'this', 'that', 'from', 'why', 'who', 'its', 'has', 'was', 'not', 'but', 'all', 'can', 'our', 'will']);

/** Words that carry meaning: Latin words of three letters or more (lower case), Han characters in pairs. */
function contentWords(line: string): string[] {
  const latin = (line.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((w) => !/\p{Script=Han}/u.test(w) && !SHORT_WORDS.has(w));
  const han: string[] = [];
  for (const run of line.match(/\p{Script=Han}+/gu) ?? []) for (let i = 0; i + 1 < run.length; i++) han.push(run.slice(i, i + 2));
  return [...latin, ...han];
}

/** The nearest line over the body that reads as a headline; only a line that ends another part of the page (相关新闻, Related) stops the search. */
function findHeadlineAbove(lines: string[], start: number): number {
  for (let i = start - 1; i >= Math.max(0, start - HEADLINE_REACH); i--) {
    const line = lines[i] ?? '';
    if (isBarrier(line) && !isFurnitureLine(line)) break;
    if (isHeadlineLike(line)) return i;
  }
  return -1;
}

/** A byline or time stamp line over the body of a page without a 来源 line (By Jane Doe, May 5, 2020). */
function findStampAbove(lines: string[], start: number): number {
  for (let i = start - 1; i >= Math.max(0, start - HEADLINE_REACH); i--) {
    const line = lines[i] ?? '';
    if (isLatinBylineLine(line) || isBylineLine(line) || (countTokens(line) <= 12 && findDates(line).length > 0)) return i;
  }
  return -1;
}

// Page furniture that reads like a short headline: skip links, "continue reading", calls to act, a picture's caption or
// credit, consent banners (Please accept our privacy terms), recommendation boxes (Blogs you may like).
const CHROME_RE =
  /^(?:(?:skip to|jump to|go to|continue reading|read more|sign (?:up|in)|log ?(?:in|out)|subscribe|advertisement|share|follow us|photo|image|video|listen|close|menu|search|loading|(?:media |image |photo )?caption)\b|credits?\s*:)|\b(?:you may (?:also )?like|(?:accept|about|manage)\b.{0,20}\b(?:privacy|cookies?)|care about your privacy|official website of)\b/i;

/** ——当代中国的精神危机: a 副标题 under the headline opens with a dash. */
function isSubtitleLine(line: string): boolean {
  return /^[—–-]{1,2}\s*\S/.test(line);
}

/** 一、理解文革, 2. Results, 第三章: a numbered section of the text, not its headline. */
const SECTION_NUMBER_RE = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、)]\s|第[一二三四五六七八九十\d]+[章节部分篇])/;

function isHeadlineLike(line: string): boolean {
  if (isSubtitleLine(line) || SECTION_NUMBER_RE.test(line)) return false;
  const tokens = countTokens(line);
  if (tokens < 4 || tokens > 40 || /[。.，,:：;；]$/.test(line)) return false;
  if (isMenuLine(line) || isBreadcrumbLine(line) || isFurnitureLine(line)) return false;
  if (isMetaLine(line) || isBylineLine(line) || isLatinBylineLine(line) || CHROME_RE.test(line)) return false;
  return findDates(line).length === 0;
}

/** How many lines after the body may still name the editor (tags, a 原标题 line and a share count can come between). */
const EDITOR_REACH = 6;

/**
 * The region's lines less the page furniture inside it; the editor line is kept for the shared
 * clean-up. An editor named on a furniture line (本文来源:X 责任编辑:Y) or just after the body is noted.
 */
function readBody(lines: string[], region: Region): Pick<TextReading, 'editor' | 'originalTitle' | 'blocks'> {
  const inside = lines.slice(region.start, region.end);
  const furniture = inside.filter(isFurnitureLine);
  const after = linesAfter(lines, region);
  const editor = [...furniture, ...after].map(findEditorLabel).find(Boolean) ?? '';
  const kept = withoutLinkBoxes(inside).filter((l) => !isFurnitureLine(l) && !isSlotLabel(l));
  return { editor, originalTitle: after.map(readOriginalTitleLine).find(Boolean) ?? '', blocks: linesToBlocks(kept) };
}

/**
 * The lines just after the body, up to the site's lists (相关新闻, 上一篇…): where a closing 责任编辑 stands.
 * A copyright or disclaimer line does not stop them: portals print the editor under it.
 */
function linesAfter(lines: string[], region: Region): string[] {
  const after = lines.slice(region.end, region.end + EDITOR_REACH);
  const frame = after.findIndex((line) => isEndMarker(line) && !isCopyrightMarker(line));
  return frame >= 0 ? after.slice(0, frame) : after;
}

/** A Related / 延伸阅读 label inside the story and the short lines (its links) up to the next paragraph. */
function withoutLinkBoxes(lines: string[]): string[] {
  const out: string[] = [];
  let inBox = false;
  for (const line of lines) {
    if (isInlineBoxLabel(line)) inBox = true;
    else if (inBox && isProse(line, countTokens(line))) inBox = false;
    if (!inBox) out.push(line);
  }
  return out;
}

function linesToBlocks(lines: string[]): Block[] {
  return lines.map((line, i): Block => {
    if (looksLikeCaption(line)) return captionFigure(line);
    const isLast = i === lines.length - 1;
    if (!isLast && looksLikeSubheading(line) && !matchEditorLine(line)) return { kind: 'h', level: 2, text: line };
    return { kind: 'p', text: line };
  });
}
