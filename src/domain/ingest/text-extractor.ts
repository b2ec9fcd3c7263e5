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
} from './zh-conventions.ts';
import { findBylineAuthors, findEditorLabel, isEmptyEditorLine, matchBylineLine, matchEditorLine } from './bylines.ts';
import { type FoundDate, findDates } from './date-parse.ts';
import { findTextDate } from './html-metadata.ts';

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
 * (bodyRegion); the headline is the line above it, or above the 来源/时间 line that heads it.
 */
export function readPlainText(input: string): TextReading {
  const lines = input
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\s\u3000\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .slice(0, MAX_LINES);
  const region = bodyRegion(lines);
  const metaIndex = findMetaAbove(lines, region.start);
  const titleIndex = findHeadline(lines, metaIndex, region);
  const title = titleIndex >= 0 ? (lines[titleIndex] ?? '') : '';
  const metaLine = metaIndex >= 0 ? (lines[metaIndex] ?? '') : '';
  // A line under the headline, before the 来源 line or the body, that opens with a dash is the 副标题.
  const headEnd = metaIndex > titleIndex ? metaIndex : region.start;
  const between = titleIndex >= 0 ? (lines.slice(titleIndex + 1, Math.min(headEnd, titleIndex + 3)).find(isSubtitleLine) ?? '') : '';
  const head = lines.slice(Math.max(0, titleIndex), region.start);
  // Bylines may stand over the headline too (a kicker, the writer, then the headline), and the body's run takes in those just over it.
  let bylinesEnd = region.start;
  while (bylinesEnd < region.end && isBylineLine(lines[bylinesEnd] ?? '')) bylinesEnd++;
  const bylineWindow = lines.slice(Math.max(0, Math.min(titleIndex < 0 ? region.start : titleIndex, region.start - BYLINE_WINDOW)), bylinesEnd);
  return {
    title,
    subtitle: between.replace(/^[—–-]{1,2}\s*/, ''),
    metaLine,
    published: findDates(metaLine)[0] ?? findTextDate(head.join('\n'), lines[region.start] ?? '', () => lines.join('\n')),
    source: findSource(metaLine),
    authors: orElse(findHeadAuthors(metaLine, bylineWindow), () => orElse(findNameUnderHeadline(lines, titleIndex), () => findTrailerAuthors(lines, region))),
    ...readBody(lines, region),
  };
}
/** Bylines over the body: on the 来源 line, or a line of the head (记者 张三, By Jane Doe). */
function findHeadAuthors(metaLine: string, head: string[]): string[] {
  const onMeta = findBylineAuthors(metaLine);
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

/** Words as a reader counts them: each Han character one, each run of letters or digits one. */
export function countTokens(line: string): number {
  // A line of a megabyte is counted from its head: what matters is that it is long.
  if (line.length > TOKEN_SAMPLE) return Math.round((countTokens(line.slice(0, TOKEN_SAMPLE)) * line.length) / TOKEN_SAMPLE);
  // One pass over the characters (this runs on every line, several times): Han one each, runs of letters or digits one each.
  let tokens = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) {
      tokens++;
      inWord = false;
      continue;
    }
    const wordChar = c < 0x80 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : isOtherLetter(c, line.charAt(i));
    if (wordChar && !inWord) tokens++;
    inWord = wordChar;
  }
  return tokens;
}

/** Letters and digits beyond ASCII (é, ß, Кирилица, かな), without asking a regular expression about punctuation and symbols. */
function isOtherLetter(code: number, char: string): boolean {
  if ((code >= 0x2000 && code <= 0x2bff) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef) || (code >= 0xd800 && code <= 0xdfff)) return false;
  return LETTER_RE.test(char);
}

const LETTER_RE = /[\p{L}\p{N}]/u;

const TOKEN_SAMPLE = 2000;

/**
 * A line of running text: long, or a sentence, or a hand-wrapped stretch of one (old pages break
 * prose every 30-odd characters, mid-sentence, but keep its commas).
 */
function isProse(line: string, tokens: number): boolean {
  if (tokens >= 40) return true;
  // A sentence may close with a bracketed note: …继续举行。（记者 王晓）
  const sentence = line.replace(/\s*[(（][^()（）]{1,40}[)）]$/, '');
  if (tokens >= 8 && /[。！？.!?…][”"’'」』)）]?$/.test(sentence)) return true;
  if (tokens >= 20 && /[，；、]|[,;]\s/.test(line)) return true;
  return tokens >= LATIN_CLAUSE_TOKENS && !/\p{Script=Han}/u.test(line) && /[,;]\s|\s[–—-]\s|\.\s+\p{Lu}/u.test(line);
}

/** A list item or a note without a full stop that still has clauses (Book caterer – schedule tastings, review menus) is text. */
const LATIN_CLAUSE_TOKENS = 8;

/** A line of hand-wrapped Latin prose: the sentence it starts goes on, in lower case, on the next line. */
function runsOnInto(line: string, tokens: number, next: string): boolean {
  return tokens >= 5 && !/[.!?:;]$/.test(line) && /^\p{Ll}/u.test(next) && !LATIN_BYLINE_RE.test(next);
}

/** What a short line that is not prose (a menu item, a label, a time stamp) costs a run of lines that crosses it. */
const FRAME_LINE_COST = 8;

// Where an English page's article is over: share bars, comment threads, lists of other stories.
const LATIN_END_RE =
  /^(share (this|on|via|the story|article)\b|related( articles| stories| posts| content| coverage| links| reading| news| topics)?:?$|you (may|might) (also )?(like|enjoy)|more (from|stories|on)\b|recommended( for you| stories| articles)?:?$|most (popular|read|viewed|shared)\b|\d+\s+(comments?|responses?|replies)\b|\[?\s*(read|view|see|show|load) (all |more )?(\d+ )?comments\b|comments?( \(\d+\))?:?$|leave a (reply|comment)|post a comment|add a comment|join the (conversation|discussion)|about the author|(tags|filed under|categories)\s*:|previous (post|article|story)\b|next (post|article|story)\b|all rights reserved|copyright\b|©)/i;

// The same on Chinese pages, beyond the markers the HTML reader shares: comment threads, tag lines, the editor's sign-off.
const ZH_END_RE = /^(热门评论|最新评论|全部评论|精彩评论|网友评论|评论区|用户评论|读者评论|已有\d+条评论|标签|关键词|关键字)/;

/** 版权声明…, © 2024…; not a sentence of the story that happens to say 侵权 after a clause (需要指出的是，这里的“侵权”…). */
function isLegalNotice(line: string): boolean {
  if (!isCopyrightMarker(line)) return false;
  // A picture's credit (Image copyright Getty Images, © Reuters) is no site footer; a footer names its year or its rights.
  if (!/\p{Script=Han}/u.test(line) && !/\b(?:19|20)\d{2}\b|rights|reserved/i.test(line)) return false;
  const keyword = line.search(/版权|免责|侵权|copyright|©/i);
  return keyword < 0 || !/[，,]/.test(line.slice(0, keyword));
}

/** A line that no article runs across: where the frame, comments or other stories begin. */
function isBarrier(line: string): boolean {
  if (isEndMarker(line) || isLegalNotice(line)) return true;
  return line.length <= 80 && (LATIN_END_RE.test(line) || ZH_END_RE.test(line) || matchEditorLine(line) !== null);
}

/**
 * A short line stamped with a date and a time (由海姑娘张贴 @ 2005-03-18 01:58:01, "Alex on September 17,
 * 2018 at 6:34 am said:"): where one post of an archive, a forum thread or a comment thread starts.
 * An article carries its stamp over its text, never inside it.
 */
function isEntryStamp(line: string): boolean {
  if (line.length > 200 || countTokens(line) > 30 || /[。！？]$/.test(line) || TABLE_OR_CODE_RE.test(line)) return false;
  return (/\d{1,2}[:：]\d{2}/.test(line) && findDates(line).length > 0) || RELATIVE_TIME_RE.test(line);
}

/** A row of a drawn table (cells apart by │) or a line of code quoting a time ('2020-08-01 17:00'::timestamptz, -- comments): data, not a post's stamp. */
const TABLE_OR_CODE_RE = /[│┃]|^--|::|['"]\d{4}-\d{2}-\d{2}/;

/**
 * A stamp starts a post (a post's closing signature and the next one's stamped title may stand
 * together); three stamps or more one under another are rows of a table or a log.
 */
function startsPost(stamps: boolean[], i: number): boolean {
  if (!stamps[i]) return false;
  const stamped = (k: number) => stamps[k] === true;
  const before = stamped(i - 1) ? (stamped(i - 2) ? 2 : 1) : 0;
  const after = stamped(i + 1) ? (stamped(i + 2) ? 2 : 1) : 0;
  return before + 1 + after < 3;
}

/** Comment threads and feeds stamp posts by age: 2 days ago at 08:49 am, 3小时前, 昨天 12:08. */
const RELATIVE_TIME_RE =
  /(?:^|\s)(?:\d+|an?)\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|(?:今天|昨天|前天)\s*\d{1,2}[:：]\d{2}/i;

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

/** Related / 延伸阅读 alone on a line: a box of links that may stand inside a story that goes on after it. */
function isInlineBoxLabel(line: string): boolean {
  return /^(?:related(?: articles| stories| content| coverage| links| reading| news)?|see also|more on this(?: story)?|延伸阅读|相关阅读|相关链接|推荐阅读|相关报道|相关新闻)\s*[:：]?$/i.test(line);
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

/** A 来源/时间 line; a sentence that names its reporter (… (记者:张三)) is prose, not one. */
function isHeadMeta(line: string): boolean {
  return isMetaLine(line) && !/[。！？]/.test(line);
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
    if (LATIN_BYLINE_RE.test(line) || isBylineLine(line) || (countTokens(line) <= 12 && findDates(line).length > 0)) return i;
  }
  return -1;
}

// Page furniture that reads like a short headline: skip links, "continue reading", calls to act.
const CHROME_RE = /^(skip to|jump to|continue reading|read more|sign (up|in)|log ?in|subscribe|advertisement|share|follow us|photo|image|video|listen|close|menu|search|loading)\b/i;

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
  if (isMetaLine(line) || isBylineLine(line) || LATIN_BYLINE_RE.test(line) || CHROME_RE.test(line)) return false;
  return findDates(line).length === 0;
}

// By Jane Doe, Posted by Jane Doe on May 5, 2020, Written by A and B | Staff Writer.
// By, and its French, Spanish, German and Dutch twins (Par Sébastien Farcis); a leading // or bullet is decoration.
const LATIN_BYLINE_RE = /^[^\p{L}]{0,3}(?:(?:posted|written|words|story|reporting|text|photos?)\s+)?(?:by|par|por|von|door)[:\s]\s*(.+)$/iu;
// Posted on May 5, 2024 by Jane Doe.
const DATED_BYLINE_RE = /^(?:(?:posted|published|updated)\s+)?on\s+.{4,40}?\s+by\s+(.+)$/i;
const NAME_WORD_RE = /^(?:\p{Lu}[\p{L}'’.-]*|de|da|del|der|di|du|la|le|van|von|bin|al|and|&)$/u;

/** A line that opens with a byline label (By …, Posted on … by …): the story's head, however long. */
function isLatinBylineLine(line: string): boolean {
  return LATIN_BYLINE_RE.test(line) || DATED_BYLINE_RE.test(line);
}

/** The people a Latin-script byline line names (By Jane Doe), without its label and the date or role after them. */
export function findLatinByline(line: string): string[] {
  const m = LATIN_BYLINE_RE.exec(line) ?? DATED_BYLINE_RE.exec(line);
  // After a By, one word may be a name (By Catherine); unlabelled, a name has two words at least.
  return m?.[1] ? latinNames(m[1], 1) : [];
}

/**
 * A name standing alone over a time stamp, or running into one (Jane Doe - Apr 16, 2015 8:02 pm):
 * how blogs and magazines sign a story without a By.
 */
function findSignedStamp(line: string, next: string): string[] {
  const dated = findDates(line)[0];
  if (dated) return dated.index > 0 && /[-–—|·•]\s*$/.test(line.slice(0, dated.index)) ? latinNames(line.slice(0, dated.index)) : [];
  return findDates(next)[0]?.index === 0 || SIGNATURE_NEXT_RE.test(next) ? latinNames(line) : [];
}

/** What blogs put under the writer's name: a reading time, a follow button. */
const SIGNATURE_NEXT_RE = /^(?:\d+\s+min(?:ute)?s?\s+read|follow)$/i;

/** Names in what follows a byline label: the date, a role or a reading time after them is dropped; every name must be capitalised words. */
function latinNames(text: string, minWords = 2): string[] {
  const names = text
    .replace(/\s*[(（][^)）]*[)）]/g, '')
    .replace(/\s*@\w+/g, '')
    .replace(/\s+(?:on|at|updated|published|posted|in)\b.*$/i, '')
    .replace(/\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d.*$/i, '')
    .replace(/\s*\d.*$/, '')
    .replace(/\s*[|•·–—]\s*.*$|\s*[,-]\s+.*$|\s+[-–—|·•]?$/, '')
    .split(/\s*(?:&|\b(?:and|y|et|und|e)\b)\s*/i)
    .map((n) => n.trim())
    .filter(Boolean);
  const isName = (n: string) => {
    const words = n.split(/\s+/);
    return words.length >= minWords && words.length <= 4 && words.every((w) => NAME_WORD_RE.test(w));
  };
  return names.length && names.length <= 6 && names.every(isName) ? names : [];
}

/** How many lines after the body may still name the editor. */
const EDITOR_REACH = 3;

/**
 * The region's lines less the page furniture inside it; the editor line is kept for the shared
 * clean-up. An editor named on a furniture line (本文来源:X 责任编辑:Y) or just after the body is noted.
 */
function readBody(lines: string[], region: Region): { editor: string; blocks: Block[] } {
  const inside = lines.slice(region.start, region.end);
  const furniture = inside.filter(isFurnitureLine);
  const editor = [...furniture, ...lines.slice(region.end, region.end + EDITOR_REACH)].map(findEditorLabel).find(Boolean) ?? '';
  const kept = withoutLinkBoxes(inside).filter((l) => !isFurnitureLine(l) && !isSlotLabel(l));
  return { editor, blocks: linesToBlocks(kept) };
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

/** The label of an ad slot, or a line with no word at all (a stray bracket, a zero-width joiner): never the story's. */
function isSlotLabel(line: string): boolean {
  return !/[\p{L}\p{N}]/u.test(line) || /^(advertisement|advertising|sponsored|ad|广告|推广)$/i.test(line);
}

function linesToBlocks(lines: string[]): Block[] {
  return lines.map((line, i): Block => {
    if (looksLikeCaption(line)) return captionFigure(line);
    const isLast = i === lines.length - 1;
    if (!isLast && looksLikeSubheading(line) && !matchEditorLine(line)) return { kind: 'h', level: 2, text: line };
    return { kind: 'p', text: line };
  });
}
