import { captionFigure } from './body-blocks.ts';
import type { Block } from './extraction.ts';
import {
  findSource,
  isBreadcrumbLine,
  isEndMarker,
  isFurnitureLine,
  isMetaLine,
  isNavLine,
  looksLikeCaption,
  looksLikeSubheading,
} from './zh-conventions.ts';
import { findBylineAuthors, findEditorLabel, matchEditorLine } from './bylines.ts';

/** What reading a pasted page's text gives before the shared body clean-up. */
export interface TextReading {
  title: string;
  subtitle: string;
  metaLine: string;
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
  return count < 3;
}

/**
 * Reads text copied from a whole page (navigation, breadcrumb, title, 来源/时间 line, body,
 * editor, 上一篇/下一篇, copyright…). The 来源/时间 line anchors the layout: the title is the
 * line above it and the body starts below it.
 */
export function readPlainText(input: string): TextReading {
  const lines = input
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\s\u3000\u00a0]+/g, ' ').trim())
    .filter(Boolean);
  const metaIndex = lines.findIndex((l, i) => i < Math.max(12, lines.length / 3) && isMetaLine(l));
  const titleIndex = metaIndex > 0 ? findTitleAbove(lines, metaIndex) : findFirstTitle(lines);
  const title = titleIndex >= 0 ? (lines[titleIndex] ?? '') : '';
  const metaLine = metaIndex >= 0 ? (lines[metaIndex] ?? '') : '';
  const bodyStart = Math.max(metaIndex, titleIndex) + 1;
  // A line between the headline and the 来源 line that opens with a dash is the 副标题.
  const between = titleIndex >= 0 && metaIndex > titleIndex + 1 ? (lines[titleIndex + 1] ?? '') : '';
  return {
    title,
    subtitle: /^[—–-]{1,2}/.test(between) ? between.replace(/^[—–-]{1,2}\s*/, '') : '',
    metaLine,
    source: findSource(metaLine),
    authors: findBylineAuthors(metaLine),
    ...readBody(lines, bodyStart),
  };
}

function isFrameLine(line: string): boolean {
  return isNavLine(line) || isBreadcrumbLine(line) || isFurnitureLine(line);
}

function findTitleAbove(lines: string[], metaIndex: number): number {
  for (let i = metaIndex - 1; i >= 0; i--) if (!isFrameLine(lines[i] ?? '')) return i;
  return -1;
}

function findFirstTitle(lines: string[]): number {
  return lines.findIndex((l) => !isFrameLine(l) && l.length >= 4 && l.length <= 80 && !/[。！？]$/.test(l));
}

/** How many lines after the body may still name the editor. */
const EDITOR_REACH = 3;

/**
 * Body lines run until the site's frame starts; the editor line is kept for the shared clean-up.
 * An editor named on a furniture line (本文来源:X 责任编辑:Y) or just after the body is noted.
 */
function readBody(lines: string[], start: number): { editor: string; blocks: Block[] } {
  const out: string[] = [];
  let end = lines.length;
  for (const [i, line] of lines.slice(start).entries()) {
    if (isEndMarker(line)) {
      // A share bar over the story (分享到:…) is the head's furniture; after the story, the frame begins.
      if (!out.some((l) => !isFurnitureLine(l))) continue;
      end = start + i;
      break;
    }
    out.push(line);
    if (matchEditorLine(line)) {
      end = start + i + 1;
      break;
    }
  }
  const furniture = out.filter(isFurnitureLine);
  const editor = [...furniture, ...lines.slice(end, end + EDITOR_REACH)].map(findEditorLabel).find(Boolean) ?? '';
  return { editor, blocks: linesToBlocks(out.filter((l) => !isFurnitureLine(l))) };
}

function linesToBlocks(lines: string[]): Block[] {
  return lines.map((line, i): Block => {
    if (looksLikeCaption(line)) return captionFigure(line);
    const isLast = i === lines.length - 1;
    if (!isLast && looksLikeSubheading(line) && !matchEditorLine(line)) return { kind: 'h', level: 2, text: line };
    return { kind: 'p', text: line };
  });
}
