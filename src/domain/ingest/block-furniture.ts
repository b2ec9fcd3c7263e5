/**
 * What a page prints inside the article's box that is not the article: ad-slot labels, tool lines,
 * a gallery's repeated captions and viewer buttons, a comment thread, and the prompts to the reader
 * that close the box. Works on blocks, whichever reader made them.
 */
import type { Block } from './extraction.ts';
import { creditLine, isFurnitureLine } from './zh-conventions.ts';

/** The article's blocks without the page's furniture. */
export function dropPageFurniture(blocks: Block[]): Block[] {
  // A button printed as text may come out as a line of its own, which a reader can take for a subheading.
  const kept = blocks.filter((b) => !(b.kind === 'p' && isFurnitureLine(b.text)) && !((b.kind === 'p' || b.kind === 'h') && isControlLine(b.text.trim())));
  return trimClosingPrompts(cutAtComments(dropRepeats(kept)));
}

/** The heading over a comment thread: 1 comment, 12 Responses, 3 thoughts on "…", Leave a Reply. */
const COMMENTS_HEADING_RE = /^(?:\d+\s+(?:comments?|responses?|replies|thoughts? on\b.*)|comments|reader comments|leave a (?:reply|comment)|join the (?:conversation|discussion))$/i;

/** A comment thread that the article's box also holds ends the article; only in its second half, where threads sit. */
function cutAtComments(blocks: Block[]): Block[] {
  for (let i = Math.ceil(blocks.length / 2); i < blocks.length; i++) {
    const block = blocks[i];
    if ((block?.kind === 'p' || block?.kind === 'h') && block.text.length <= 120 && COMMENTS_HEADING_RE.test(block.text.trim())) return blocks.slice(0, i);
  }
  return blocks;
}

/** The label of an ad slot, left as text where the ad did not load. */
const AD_LABEL_RE = /^(?:advertisement|advert|ad|sponsored|sponsored content|广告)$/i;

/** What a page asks of its reader after the story: comment, subscribe, follow, read on. */
const CLOSING_PROMPT_RE =
  /^(?:\d+\s+comments?|comments|post (?:a )?comment|leave a (?:comment|reply)|tell us what you think|you may also like|popular on\b|more from\b|read more\b|related(?: stories| articles)?:?$|sign up\b|subscribe\b|get the latest\b|join our\b|follow (?:us|@)|like this story|like loading)/i;

/** A prompt is short; a sentence that happens to start like one (Read more about the pier in our archive…) is the story's. */
function isClosingPrompt(text: string): boolean {
  return text.length <= 200 && CLOSING_PROMPT_RE.test(text) && !(text.length > 40 && /[.。!?！？]$/.test(text));
}

/** Drops the reader prompts that close a page's article box, from the end up. */
function trimClosingPrompts(blocks: Block[]): Block[] {
  let end = blocks.length;
  while (end > 1) {
    const last = blocks[end - 1];
    if (!(last?.kind === 'p' || last?.kind === 'h') || !isClosingPrompt(last.text.trim())) break;
    end--;
  }
  return end === blocks.length ? blocks : blocks.slice(0, end);
}

/** An ad label, a button, a gallery's counter, a pager, a reading time, or a line with no word at all (a zero-width joiner). */
function isControlLine(text: string): boolean {
  return isNoiseLine(text) || (text.length <= 60 && READING_TIME_RE.test(text));
}

/** The same without the reading time, which a reader of pasted text still needs: a name over it is the writer's. */
export function isNoiseLine(text: string): boolean {
  return AD_LABEL_RE.test(text) || VIEWER_CONTROL_RE.test(text) || (text.length <= 60 && PAGER_RE.test(text)) || !/[\p{L}\p{N}]/u.test(text);
}

/** 5 min read, Reading time: 3 minutes, Tempo de leitura: 1 minuto, 阅读时间约 4 分钟. */
const READING_TIME_RE =
  /^(?:(?:(?:estimated\s+)?reading time|read time|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit|阅读时间|阅读需要|预计阅读)\s*[:：]?\s*(?:约|大约|about|ca\.)?\s*\d+\s*(?:-\s*\d+\s*)?(?:min(?:ute)?s?|minutos?|minuten|分钟)\.?|\d+\s*(?:-\s*\d+\s*)?min(?:ute)?s?\.?\s+read)$/i;

/** 第2页/共3页 << 上一页 | 下一页 >>, Image 3 of 12, 3 / 12. */
const PAGER_RE = /^(?:第\s*\d+\s*页\s*[/／]?\s*共\s*\d+\s*页|共\s*\d+\s*页|(?:<<\s*)?上一页\s*[|｜]?\s*下一页|(?:image|photo|slide)\s+\d+\s+of\s+\d+$|\d+\s*[/／]\s*\d+$)/i;

/** Show more / less toggles after a caption: `… more`, `less`. */
const TOGGLE_RE = /\s*(?:\.\.\.|…)?\s*\b(?:less|more|show more|show less|read more)$/i;
/** A photo or video player's buttons and the page's tools, printed as text. */
const VIEWER_CONTROL_RE =
  /^(?:caption|hide caption|show caption|toggle caption|close|enlarge|expand|collapse|full ?screen|autoplay|×|✕|click to (?:zoom|enlarge)|font size|text size|like this:|share this:|your video will play in \d{1,2}:\d{2}|play video|replay)$/i;


/**
 * Photo galleries repeat a caption (under the slide, cut short in a show-more toggle, in the full-screen
 * viewer) and its credit. The photo keeps the caption and credit once; the copies go (the viewer's
 * buttons went already, with the other control lines). Paragraphs that merely repeat one another are
 * left alone: a text may say the same thing twice.
 */
function dropRepeats(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let photos = false;
  for (const block of blocks) {
    photos ||= block.kind === 'figure';
    if (block.kind === 'figure') {
      out.push(withoutToggle(block));
      continue;
    }
    // Most stories have no photo, or none yet above this paragraph: nothing to compare with.
    if (block.kind !== 'p' || !photos) {
      out.push(block);
      continue;
    }
    // A photo's credit printed under it as a line of its own: Photo: Hau Dinh, AP.
    const credit = creditLine(block.text);
    const at = credit ? creditedFigure(out, credit) : captionedFigure(out, block.text);
    const figure = out[at];
    if (figure?.kind !== 'figure') out.push(block);
    else if (credit && !figure.credit) out[at] = { ...figure, credit };
    else if (!credit && !figure.caption) out[at] = { ...figure, caption: block.text.replace(TOGGLE_RE, '') };
  }
  return out;
}

/** A caption taken with the viewer's toggle (… less) loses it when the rest repeats the photo's alt text. */
function withoutToggle(figure: Extract<Block, { kind: 'figure' }>): Block {
  const stem = figure.caption.replace(TOGGLE_RE, '');
  if (stem === figure.caption || !stem || !figure.alt.toLowerCase().startsWith(stem.toLowerCase().replace(/\s*(?:\.\.\.|…)$/, ''))) return figure;
  return { ...figure, caption: stem };
}

/** The photo whose alt or caption a paragraph repeats, whole or cut short (… more), or -1. */
function captionedFigure(out: Block[], text: string): number {
  if (text.length < 30) return -1;
  const stem = text.replace(TOGGLE_RE, '').replace(/\s*(?:\.\.\.|…)$/, '').toLowerCase();
  return out.findIndex((b) => {
    if (b.kind !== 'figure') return false;
    return [b.alt, b.caption].some((c) => c.length >= 30 && (c.toLowerCase().startsWith(stem) || (stem.startsWith(c.toLowerCase()) && stem.length - c.length < 10)));
  });
}

/** The photo a credit line belongs to: the one just above it, or one that already has that credit; or -1. */
function creditedFigure(out: Block[], credit: string): number {
  const last = out.at(-1);
  if (last?.kind === 'figure' && !last.credit) return out.length - 1;
  return out.findIndex((b) => b.kind === 'figure' && b.credit === credit);
}
