/**
 * How one line of text copied from a page reads: how many words it holds, whether it is prose, whether
 * no article runs across it (a share bar, a comment header, a footer), whether it stamps a post, a box
 * of related links or an ad slot. text-extractor.ts weighs whole runs of lines with these.
 */
import { matchEditorLine } from './bylines.ts';
import { findDates } from './date-parse.ts';
import { isLatinBylineLine } from './text-bylines.ts';
import { isCopyrightMarker, isEndMarker, isMetaLine } from './zh-conventions.ts';

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
export function isProse(line: string, tokens: number): boolean {
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
export function runsOnInto(line: string, tokens: number, next: string): boolean {
  return tokens >= 5 && !/[.!?:;]$/.test(line) && /^\p{Ll}/u.test(next) && !isLatinBylineLine(next);
}

// Where an English page's article is over: share bars, comment threads, lists of other stories.
const LATIN_END_RE =
  /^(related( articles| stories| posts| content| coverage| links| reading| news| topics)?:?$|you (may|might) (also )?(like|enjoy)|more (from|stories)\b|most (popular|read|viewed|shared)\b|\d+\s+(comments?|responses?|replies)\b|\[?\s*(read|view|see|show|load) (all |more )?(\d+ )?comments\b|comments?( \(\d+\))?:?$|leave a (reply|comment)|post a comment|add a comment|join the (conversation|discussion)|about the author|(tags|filed under|categories)\s*:|previous (post|article|story)\b|next (post|article|story)\b|all rights reserved|copyright\b|©)/i;

// More Washington Examiner, More Politics: the heading of a list of the site's other stories (not "More than …").
const MORE_FROM_RE = /^[Mm]ore\s+\p{Lu}[\p{L}\s&'’-]{0,40}$/u;

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
export function isBarrier(line: string): boolean {
  if (isEndMarker(line) || isLegalNotice(line)) return true;
  return line.length <= 80 && (LATIN_END_RE.test(line) || MORE_FROM_RE.test(line) || ZH_END_RE.test(line) || matchEditorLine(line) !== null);
}

/**
 * A short line stamped with a date and a time (由海姑娘张贴 @ 2005-03-18 01:58:01, "Alex on September 17,
 * 2018 at 6:34 am said:"): where one post of an archive, a forum thread or a comment thread starts.
 * An article carries its stamp over its text, never inside it.
 */
export function isEntryStamp(line: string): boolean {
  if (line.length > 200 || countTokens(line) > 30 || /[。！？]$/.test(line) || TABLE_OR_CODE_RE.test(line)) return false;
  return (/\d{1,2}[:：]\d{2}/.test(line) && findDates(line).length > 0) || RELATIVE_TIME_RE.test(line);
}

/** A row of a drawn table (cells apart by │) or a line of code quoting a time ('2020-08-01 17:00'::timestamptz, -- comments): data, not a post's stamp. */
const TABLE_OR_CODE_RE = /[│┃]|^--|::|['"]\d{4}-\d{2}-\d{2}/;

/**
 * A stamp starts a post (a post's closing signature and the next one's stamped title may stand
 * together); three stamps or more one under another are rows of a table or a log.
 */
export function startsPost(stamps: boolean[], i: number): boolean {
  if (!stamps[i]) return false;
  const stamped = (k: number) => stamps[k] === true;
  const before = stamped(i - 1) ? (stamped(i - 2) ? 2 : 1) : 0;
  const after = stamped(i + 1) ? (stamped(i + 2) ? 2 : 1) : 0;
  return before + 1 + after < 3;
}

/** Comment threads and feeds stamp posts by age: 2 days ago at 08:49 am, 3小时前, 昨天 12:08. */
const RELATIVE_TIME_RE =
  /(?:^|\s)(?:\d+|an?)\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|(?:今天|昨天|前天)\s*\d{1,2}[:：]\d{2}/i;

/** Related / 延伸阅读 alone on a line: a box of links that may stand inside a story that goes on after it. */
export function isInlineBoxLabel(line: string): boolean {
  return /^(?:related(?: articles| stories| content| coverage| links| reading| news)?|recommended(?: for you| stories| articles| reading)?|share (?:this|on|via|the story|article)\b.{0,30}|see also|more on this(?: story)?|延伸阅读|相关阅读|相关链接|推荐阅读|相关报道|相关新闻)\s*[:：]?$/i.test(line);
}

/** A 来源/时间 line; a sentence that names its reporter (… (记者:张三)) is prose, not one. */
export function isHeadMeta(line: string): boolean {
  return isMetaLine(line) && !/[。！？]/.test(line);
}

/** The label of an ad slot, or a line with no word at all (a stray bracket, a zero-width joiner): never the story's. */
export function isSlotLabel(line: string): boolean {
  return !/[\p{L}\p{N}]/u.test(line) || /^(advertisement|advertising|sponsored|ad|广告|推广)$/i.test(line);
}
