import type { Block, ExtractedImage } from './extraction.ts';
import { findEditorLabel, isEmptyEditorLine, matchBylineLine, matchEditorLine, readPhotographerCredit, takeTrailingEditor, takeTrailingReporters } from './bylines.ts';
import { findSource, isBreadcrumbLine, isCopyrightMarker, isEndMarker, isMetaLine, readOriginalTitleLine, splitCredit, splitDateline } from './zh-conventions.ts';

/** What the body's own conventions tell about the article, besides the body itself. */
export interface BodyFacts {
  blocks: Block[];
  dateline: string;
  reporters: string[];
  /** Named in a closing (摄影:X) credit. */
  photographers: string[];
  editor: string;
  /** 来源 named on a line closing the story (来源：新闻晨报, alone or with the editor). */
  source: string;
  /** The original title a repost names at its start or end: (原标题：…). The line stays where it is: reposts print it. */
  originalTitle: string;
}

/** 原标题 on one of the first two or last five lines of the story. */
function findOriginalTitle(blocks: Block[]): string {
  const texts = blocks.flatMap((b) => (b.kind === 'p' ? [b.text] : []));
  return [...texts.slice(0, 2), ...texts.slice(-5)].map(readOriginalTitleLine).find(Boolean) ?? '';
}

/**
 * Cleans a run of blocks the same way for HTML and plain text: stops at the site's frame
 * (上一篇, 相关新闻, 版权声明), takes out the editor line, the 电头 and the trailing (记者:…).
 */
export function finishBlocks(input: Block[]): BodyFacts {
  let editor = '';
  let source = '';
  const kept: Block[] = [];
  for (const [i, block] of input.entries()) {
    const text = blockText(block);
    if (block.kind !== 'figure' && isEndMarker(text) && kept.length > 0) {
      // 延伸阅读 or 相关链接 inside an article that goes on: drop the line, keep the article.
      if (!isCopyrightMarker(text) && continuesWithProse(input, i + 1)) continue;
      break;
    }
    const named = block.kind === 'p' ? matchEditorLine(text) : null;
    if (block.kind === 'p' && isEmptyEditorLine(text)) continue;
    if (named) {
      editor ||= named;
      source ||= findSource(text);
      continue;
    }
    kept.push(block);
  }
  // Read before the frame is trimmed: a closing 原标题 line stands among the short lines trimFrame drops.
  const originalTitle = findOriginalTitle(kept);
  dropLeadingMeta(kept);
  const closing = takeClosingBylines(kept);
  editor ||= closing.editor;
  source ||= closing.source;
  trimFrame(kept);
  const reporters = [...takeLeadingBylines(kept), ...closing.names];
  let dateline = '';
  // The 电头 opens the story's first paragraph, or its second under a short lead-in (a promotion, an 编者按 label).
  const paragraphs = kept.flatMap((b, i) => (b.kind === 'p' ? [i] : [])).slice(0, 2);
  for (const [n, index] of paragraphs.entries()) {
    const block = kept[index];
    if (block?.kind !== 'p') break;
    const split = splitDateline(block.text);
    if (split.dateline) {
      dateline = split.dateline;
      reporters.push(...split.reporters);
      kept[index] = { kind: 'p', text: split.rest };
      break;
    }
    if (n === 0 && block.text.length > 120) break;
  }
  const lastIndex = findLastIndex(kept, (b) => b.kind === 'p');
  const last = kept[lastIndex];
  if (last?.kind === 'p') {
    const withoutEditor = takeTrailingEditor(last.text);
    editor ||= withoutEditor.editor;
    const trailing = takeTrailingReporters(withoutEditor.text);
    reporters.push(...trailing.reporters);
    if (trailing.text) kept[lastIndex] = { kind: 'p', text: trailing.text };
    else kept.splice(lastIndex, 1);
  }
  return { blocks: kept, dateline, reporters: [...new Set(reporters)], photographers: closing.photographers, editor, source, originalTitle };
}

function findLastIndex<T>(xs: T[], test: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (test(xs[i] as T)) return i;
  return -1;
}

export function blockText(block: Block): string {
  switch (block.kind) {
    case 'figure':
      return [block.caption, block.credit].filter(Boolean).join(' ');
    case 'list':
      return block.items.join('\n');
    default:
      return block.text;
  }
}

/** A caption paragraph becomes a figure; its credit is split off (新华社记者曹阳摄). */
export function captionFigure(text: string, src = '', alt = ''): Block {
  const { caption, credit } = splitCredit(text);
  return { kind: 'figure', src, alt: alt || caption, caption, credit };
}

/** Escapes text content the way the sanitiser writes it (quotes stay as they are outside attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/** Blocks → HTML in the editor's schema (p, h2/h3, figure with caption and credit, lists, quotes). */
export function blocksToHtml(blocks: Block[]): string {
  return blocks.map(blockToHtml).filter(Boolean).join('\n');
}

function blockToHtml(block: Block): string {
  switch (block.kind) {
    case 'p':
      return block.text ? `<p>${escapeHtml(block.text)}</p>` : '';
    case 'h':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'quote':
      return `<blockquote><p>${escapeHtml(block.text)}</p></blockquote>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'figure': {
      const img = /^https?:\/\//i.test(block.src) ? `<img src="${escapeAttribute(block.src)}" alt="${escapeAttribute(block.alt)}" />` : '';
      const credit = block.credit ? `${block.caption ? ' ' : ''}<span class="credit">${escapeHtml(block.credit)}</span>` : '';
      const caption = block.caption || block.credit ? `<figcaption>${escapeHtml(block.caption)}${credit}</figcaption>` : '';
      return img || caption ? `<figure>${img}${caption}</figure>` : '';
    }
  }
}

/** Body text: one block per line, what search, summaries and scoring read. */
export function blocksToText(blocks: Block[]): string {
  return blocks.map(blockText).filter((t) => t.trim()).join('\n');
}

export function blocksToImages(blocks: Block[]): ExtractedImage[] {
  return blocks.flatMap((b) => (b.kind === 'figure' && b.src ? [{ url: b.src, caption: b.caption, credit: b.credit }] : []));
}

/** First paragraph, cut to a summary length at a sentence end where possible. */
export function summarise(blocks: Block[], max = 120): string {
  const first = blocks.find((b) => b.kind === 'p' && readsAsLead(b.text)) ?? blocks.find((b) => b.kind === 'p');
  if (!first || first.kind !== 'p') return '';
  if (first.text.length <= max) return first.text;
  const cut = first.text.slice(0, max);
  const stop = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('. '));
  return stop > max / 3 ? cut.slice(0, stop + 1) : `${cut}…`;
}

/** A paragraph that can lead the summary: prose, not a (原标题:…) line, a 来源/时间 line or a stamp (原创 GameForce 2019-09-04 22:18). */
function readsAsLead(text: string): boolean {
  return text.length >= 20 && /[。！？，,.!?;；]/.test(text) && !readOriginalTitleLine(text) && !isMetaLine(text) && !STAMP_RE.test(text);
}

/** Whether real paragraphs follow: two sentences or more of prose right after a marker. */
function continuesWithProse(blocks: Block[], from: number): boolean {
  const prose = blocks
    .slice(from, from + 10)
    .filter((b) => b.kind === 'p' && b.text.length >= 40 && /[。！？.!?]/.test(b.text) && !/^[①②③④⑤]/.test(b.text));
  return prose.reduce((n, b) => n + blockText(b).length, 0) >= 150;
}

const DATE_ONLY_RE = /^[\s(（[]*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?[\s)）\]]*$/;

/** "Updated 5:27 am CST, Wednesday…", "Published 18 November 2019": page furniture, not prose. */
const STAMP_RE = /^(updated|published|posted|last updated|modified|first published|by)\b[^.!?]{0,80}$/i;

/** A paragraph that cannot end an article: short, no sentence punctuation (list titles, labels, dates). */
function isFrameTail(block: Block): boolean {
  if (block.kind === 'figure') return !block.caption;
  if (block.kind === 'list') return true;
  const text = blockText(block);
  if (isWrappedProse(text)) return false;
  return text.length < 60 && !/[。！？.!?…”」』"）)]$/.test(text);
}

/**
 * A line of prose broken by hand (old pages wrap text with <br> every 30-odd characters): it has
 * clause punctuation inside, which labels and link lists do not. Commas inside numbers ($4,799) do not count.
 */
function isWrappedProse(text: string): boolean {
  return text.length >= 20 && /[，；]|[,;]\s/.test(text);
}

/**
 * Removes what frames an article inside its own container: bare dates anywhere, and the trailing
 * run of short unpunctuated lines (lists of other stories, labels) after the last real paragraph.
 */
function trimFrame(blocks: Block[]): void {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i];
    if (b?.kind === 'p' && (DATE_ONLY_RE.test(b.text) || STAMP_RE.test(b.text))) blocks.splice(i, 1);
  }
  let end = blocks.length;
  while (end > 0 && isFrameTail(blocks[end - 1] as Block) && !matchEditorLine(blockText(blocks[end - 1] as Block))) end--;
  // Only cut a tail of several lines: one short closing line (a signature, 来源) is the author's.
  if (blocks.length - end < 2 || end === 0) return;
  // A frame is small beside its article; a tail a quarter as long as the body is content (a data table, a list of steps).
  if (charsOf(blocks.slice(end)) > charsOf(blocks.slice(0, end)) * 0.25) return;
  blocks.splice(end);
}

function charsOf(blocks: Block[]): number {
  return blocks.reduce((n, b) => n + blockText(b).length, 0);
}

/**
 * Byline lines among the first blocks (光明日报记者 王建宏 张文攀): their names, the lines taken out of the body.
 * The very first block may name the author without a role (胡平 under an essay's headline).
 */
function takeLeadingBylines(blocks: Block[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < Math.min(3, blocks.length); i++) {
    const block = blocks[i];
    // Pasted text turns a short byline line into a subheading; it is still a byline.
    const found = block?.kind === 'p' || block?.kind === 'h' ? matchBylineLine(block.text, { bare: i === 0 && names.length === 0 && blocks.length > 1 }) : [];
    if (!found.length) continue;
    names.push(...found);
    blocks.splice(i--, 1);
  }
  return names;
}

/** How many blocks from the end a closing byline may sit: frame lines (最新动态, 扫一扫) can follow it. */
const CLOSING_REACH = 4;

/**
 * Byline lines among the last blocks (记者 刘涛, (总台记者 张倩), □ 本报记者 葛灵丹 (责编:萧潇)):
 * their names and any editor named with them; the lines are taken out of the body.
 */
function takeClosingBylines(blocks: Block[]): { names: string[]; photographers: string[]; editor: string; source: string } {
  const names: string[] = [];
  const photographers: string[] = [];
  let editor = '';
  let source = '';
  for (let i = blocks.length - 1; i >= Math.max(1, blocks.length - CLOSING_REACH); i--) {
    const block = blocks[i];
    if (block?.kind !== 'p' && block?.kind !== 'h') continue;
    const credits = bracketedCredits(block.text);
    if (credits) {
      names.unshift(...credits.reporters);
      photographers.unshift(...credits.photographers);
      blocks.splice(i, 1);
      continue;
    }
    const found = matchBylineLine(block.text);
    // 来源:巴彦淖尔日报 编辑:苏亮 (or 来源 alone) closing the article is the site's frame; editor and source are kept.
    const metaEditor = isMetaLine(block.text) ? findEditorLabel(block.text) : '';
    const metaSource = isMetaLine(block.text) && block.text.length < 60 ? findSource(block.text) : '';
    if (!found.length && !metaEditor && !metaSource) continue;
    names.unshift(...found);
    editor ||= metaEditor || findEditorLabel(block.text);
    source ||= metaSource;
    blocks.splice(i, 1);
  }
  return { names, photographers, editor, source };
}

/**
 * A closing line made only of bracketed credits: (记者 张倩), (常书香 马丹阳), (记者:赵磊、黄欣然)(摄影:赵磊).
 * Null when any bracket names nobody, so that an aside in brackets stays in the story.
 */
function bracketedCredits(line: string): { reporters: string[]; photographers: string[] } | null {
  const text = line.trim();
  const groups = text.match(/[(（][^()（）]+[)）]/g);
  if (!groups || groups.join('').replace(/\s/g, '') !== text.replace(/\s/g, '')) return null;
  const credits = { reporters: [] as string[], photographers: [] as string[] };
  for (const group of groups) {
    const inner = group.slice(1, -1).trim();
    const shot = readPhotographerCredit(inner);
    const shooters = shot ?? [];
    const writers = shot ? [] : matchBylineLine(inner, { bare: true });
    if (!shooters.length && !writers.length) return null;
    credits.photographers.push(...shooters);
    credits.reporters.push(...writers);
  }
  return credits;
}

/** 来源:… 时间:… lines that sit inside the article container before the first paragraph. */
function dropLeadingMeta(blocks: Block[]): void {
  while (blocks.length && blocks[0]?.kind === 'p' && isHeadLine(blocks[0].text)) blocks.shift();
}

/** 来源/时间 lines, 当前位置：… breadcrumbs, and a stamp naming a time (原创 GameForce 2019-09-04 22:18:34). */
function isHeadLine(text: string): boolean {
  if (text.length >= 100) return false;
  const stamp = text.length < 60 && !/[。，！？,.!?]/.test(text.replace(/\d[.:]\d/g, '')) && /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}/.test(text);
  return isMetaLine(text) || isBreadcrumbLine(text) || stamp;
}
