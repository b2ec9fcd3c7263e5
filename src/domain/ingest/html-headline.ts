/**
 * The headline of an HTML page: which heading element is it, what to make of <title> (site names,
 * greetings, separators), and, when <title> says nothing, the heading or bold line over the article.
 */
import { childElements } from './dom-stats.ts';
import type { Block } from './extraction.ts';
import { DATE_TEXT_RE, classAndId, collapse } from './html-text.ts';

/** Class or id naming a title element: post-title, article_headline, class="Heading". */
export const TITLE_CLASS_RE = /title|headline|(^|\s)heading(\s|$)/i;

/** The heading element that holds the headline: the one <title> and og:title agree with, an <h1> breaking ties. */
export function findTitleElement(all: Element[], titleTag: string, meta: Map<string, string>): Element | null {
  const og = collapse(meta.get('og:title') ?? '');
  // Pages with long lists of titled teasers (class="post-title") can push the <h1> past the first 60 candidates.
  const candidates = new Set([...all.slice(0, 60), ...all.filter((el) => el.tagName === 'H1').slice(0, 20)]);
  const headline = stripSiteName(titleTag);
  let best: Element | null = null;
  let bestScore = 0;
  for (const el of candidates) {
    const text = collapse(el.textContent ?? '');
    // A Chinese headline may be a name of three characters (金锺国) when <title> says so too.
    if (text.length < (titleTag.includes(text) && /[\u4e00-\u9fff]/.test(text) ? 2 : 4) || text.length > 150 || linksHome(el)) continue;
    // The site's name (a logo in an <h1>) is part of <title> too, but not of its headline part. A heading
    // that opens <title> is the headline even when a longer site description follows it.
    const opensTitle = titleTag.startsWith(text) && /^H[1-3]$/.test(el.tagName);
    if (titleTag.includes(text) && headline !== titleTag && !headline.includes(text) && !text.includes(headline) && !opensTitle) continue;
    let score = 0;
    if (titleTag.includes(text)) score += text.length * 2;
    if (og && (og.includes(text) || text.includes(og))) score += text.length * 2;
    // An <h1> is a strong hint, but a four-character logo <h1> must not outweigh a headline that matches more of <title>.
    if (el.tagName === 'H1') score += Math.min(20, text.length);
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

// `Post @ Blog :: Platform ::` is how blog platforms name a post's page, `Topic / Board / Forum` how forums do. An unspaced dash separates only
// where it touches something other than a Latin letter or digit (标题-新华网), never inside Sell-out or 2025-26.
const STRONG_SEPARATOR_RE = /\s+[-|–—·»@/]\s+|\s*[_|｜]\s*|\s*::\s*/;
/** Used only when no strong separator is there: a dash inside a headline (中国-东盟博览会) is not a site suffix's. */
const UNSPACED_DASH_RE = /(?<![A-Za-z0-9])[-–—]{1,2}\s*(?=[^-–—]*$)|\s*[-–—]{1,2}(?![A-Za-z0-9])(?=[^-–—]*$)/;

/** The headline: the heading element's text, else og:title or the schema.org headline, else <title> without the site's name. */
export function chooseTitle(titleEl: Element | null, titleTag: string, meta: Map<string, string>, ldHeadline?: string): string {
  // Documentation generators end every heading with a permalink anchor (¶, #, 🔗).
  const fromEl = titleEl ? collapse(titleEl.textContent ?? '').replace(/\s*[¶§#🔗]+$/u, '') : '';
  const og = collapse(meta.get('og:title') ?? meta.get('twitter:title') ?? ldHeadline ?? '');
  // A heading box that also holds the post's byline or date (Backup Strategy January 22nd, 2019): the declared headline is its title.
  if (og.length >= 6 && fromEl.startsWith(og) && /^\s*by\b|\b(19|20)\d{2}\b/i.test(fromEl.slice(og.length))) return og;
  if (fromEl && (titleTag.includes(fromEl) || fromEl.length >= 6)) return fromEl;
  if (og) return og;
  return stripSiteName(titleTag);
}

/** Whether the page states its headline for machines (og:title, twitter:title, schema.org). */
export function hasDeclaredHeadline(meta: Map<string, string>, ldHeadline?: string): boolean {
  return Boolean(meta.get('og:title') || meta.get('twitter:title') || ldHeadline);
}

/** Too few letters to be a headline, a host name (blog.example.com), or the site greeting its visitors (欢迎访问…). */
export function saysNothing(title: string): boolean {
  return (title.match(/\p{L}/gu)?.length ?? 0) < 6 || /^[\w-]+(\.[\w-]+)+$/.test(title) || GREETING_RE.test(title);
}

const GREETING_RE = /^(?:欢迎|谢谢|感谢)您?(?:访问|光临|来到)|^welcome to\b/i;

/**
 * A block whose whole text is set in bold, alone on its line: <p align=center><font><strong>犬儒病(上)</strong></font></p>.
 * Pages from before CSS headings set their headlines this way.
 */
export function isBoldLine(el: Element): boolean {
  if (!BOLD_LINE_TAGS.has(el.tagName)) return false;
  let node: Element = el;
  // Old markup nests blocks in <b> too: <b><p align=center><big>飞行物理学常识</big></p></b>.
  let bold = el.parentElement !== null && isEmphasis(el.parentElement) && onlyElementChild(el.parentElement) === el;
  for (let depth = 0; depth < 4; depth++) {
    const only = onlyElementChild(node);
    if (!only) break;
    node = only;
    bold ||= isEmphasis(node);
  }
  if (!bold || NOT_HEADLINE_RE.test(classAndId(el))) return false;
  const text = collapse(el.textContent ?? '');
  return text.length >= 2 && text.length <= 60;
}

const BOLD_LINE_TAGS = new Set(['P', 'DIV', 'CENTER', 'TD']);

/** Bold, big, or a <font> larger than the text's (size=4 and up, +1). */
function isEmphasis(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'STRONG' || tag === 'B' || tag === 'BIG') return true;
  const size = (el.getAttribute('size') ?? '').trim();
  return tag === 'FONT' && (/^\+[1-7]$/.test(size) || Number(size) >= 4);
}

const SUBJECT_LABEL_RE = /^(?:主题|标题|题目)\s*[:：]\s*/;
const LABEL_TAGS = new Set(['B', 'STRONG', 'FONT', 'SPAN']);

/** A forum post's subject line: <td><b>主题：</b>你知道导游为什么……</td>. */
export function isSubjectLine(el: Element): boolean {
  if (!BOLD_LINE_TAGS.has(el.tagName)) return false;
  const first = firstElementWithin(el, 3);
  if (!first || !LABEL_TAGS.has(first.tagName) || !SUBJECT_LABEL_RE.test(first.textContent ?? '')) return false;
  const text = collapse(el.textContent ?? '');
  return SUBJECT_LABEL_RE.test(text) && text.length <= 100;
}

/** The first element among an element's first few nodes (blanks before it), or null. */
function firstElementWithin(el: Element, nodes: number): Element | null {
  let node = el.firstChild;
  for (let i = 0; node && i < nodes; i++, node = node.nextSibling) if (node.nodeType === 1) return node as Element;
  return null;
}

/** A site's motto or logo under its name, set in bold like a headline. */
const NOT_HEADLINE_RE = /tagline|slogan|logo|motto|site-?desc|description/i;

/** The single element inside `el` when no text stands beside it (a trailing <br> aside), else null. */
function onlyElementChild(el: Element): Element | null {
  let only: Element | null = null;
  let seen = 0;
  // Walked by sibling links (linkedom builds a new array for every childNodes); a line on its own has few nodes.
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (++seen > 6) return null;
    if (node.nodeType === 3) {
      if ((node.nodeValue ?? '').trim()) return null;
      continue;
    }
    if (node.nodeType !== 1 || (node as Element).tagName === 'BR') continue;
    if (only) return null;
    only = node as Element;
  }
  return only;
}

/** A line that opens with a dash (——当代中国的精神危机) first under a headline found by its looks, or under the writer's name: the 副标题. */
export function dashedFirstLine(blocks: Block[]): string {
  for (const block of blocks.slice(0, 2)) {
    if (!('text' in block)) return '';
    if (/^[—–]{1,2}\s*\S/.test(block.text) && block.text.length <= 60) return block.text.replace(/^[—–]{1,2}\s*/, '');
    if (block.text.length > 12) return '';
  }
  return '';
}

/** The last heading before the article starts (or the first inside it), when it reads like a headline. */
export function headingOver(candidates: Element[], content: Element | undefined, root: Element, pageUrl: string): string {
  if (!content) return '';
  const earlier = elementsBefore(root, content);
  let found = '';
  for (const el of candidates) {
    // The headline line may itself open the article (a bold question taken in as the first paragraph).
    if (!root.contains(el) || (el !== content && el.contains(content))) continue;
    const inside = content.contains(el);
    if (!inside && !earlier.has(el)) break;
    if (linksHome(el)) continue;
    // An entry's heading often carries its date stamp (标题 2024-04-07 21:10): the headline is the rest.
    const text = collapse((el.textContent ?? '').replace(DATE_TEXT_RE, ' ')).replace(SUBJECT_LABEL_RE, '');
    // A blog entry's headline links to the entry itself (its permalink); links elsewhere make a teaser or a menu.
    const linked = collapse(
      Array.from(el.querySelectorAll('a'))
        .filter((a) => !isLinkToPage(a, pageUrl))
        .map((a) => a.textContent ?? '')
        .join(''),
    );
    const readsLikeHeadline = text.length >= 4 && text.length <= 100 && linked.length < text.length / 2;
    // A bold line inside the article is a subheading unless it opens the article.
    const opensContent = !/^H\d$/.test(el.tagName) && !TITLE_CLASS_RE.test(classAndId(el)) ? collapse(content.textContent ?? '').startsWith(text) : true;
    if (inside) return found || (readsLikeHeadline && opensContent ? text : '');
    if (readsLikeHeadline) found = text;
  }
  return found;
}

/** A heading that is one link to the site's front page (<h1><a href="index.html">某某的博客</a></h1>) is the site's name. */
function linksHome(el: Element): boolean {
  const links = el.querySelectorAll('a');
  if (links.length !== 1) return false;
  const link = links[0] as Element;
  const href = (link.getAttribute('href') ?? '').trim();
  if (!href || href.startsWith('#') || collapse(link.textContent ?? '') !== collapse(el.textContent ?? '')) return false;
  return /^(?:(?:https?:)?\/\/[^/]+)?\/?(?:\.\/)?(?:(?:index|default|home)\.\w+)?$/i.test(href.replace(/[?#].*$/, ''));
}

function isLinkToPage(a: Element, pageUrl: string): boolean {
  if (!pageUrl) return false;
  try {
    const target = new URL(a.getAttribute('href') ?? '', pageUrl);
    const page = new URL(pageUrl);
    return target.host === page.host && target.pathname === page.pathname && target.search === page.search;
  } catch {
    return false;
  }
}

/** Every element that starts before `target` in document order, by a walk: linkedom's compareDocumentPosition gave the wrong order on an old table-layout page. */
function elementsBefore(root: Element, target: Element): Set<Element> {
  const seen = new Set<Element>();
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop() as Element;
    if (el === target) break;
    seen.add(el);
    const children = Array.from(childElements(el));
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Element);
  }
  return seen;
}

/** `Title_Channel_Site` → `Title`: the longest part, which is the headline. */
export function stripSiteName(titleTag: string): string {
  const strong = titleTag.split(STRONG_SEPARATOR_RE).map((p) => p.trim()).filter(Boolean);
  const headline = strong.length >= 2 ? headlinePart(strong) : titleTag;
  const weak = splitAtLastDash(headline);
  return weak ? headlinePart(weak) : headline;
}

/** The headline among a title's parts: the first, unless a part much longer follows it (站名 | 标题). */
function headlinePart(parts: string[]): string {
  const first = parts[0] ?? '';
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a), first);
  return first.length >= longest.length * 0.6 ? first : longest;
}

/**
 * 标题-新华网, 主标题——副标题: the text before and after the last unspaced dash. A single hyphen with more
 * after it than before is inside the headline (中国-东盟博览会在南宁开幕), not before a site's name.
 */
function splitAtLastDash(title: string): string[] | null {
  const matches = [...title.matchAll(new RegExp(UNSPACED_DASH_RE, 'g'))];
  const m = matches.at(-1);
  if (!m || m.index === undefined) return null;
  const before = title.slice(0, m.index).trim();
  const after = title.slice(m.index + m[0].length).trim();
  if (!before || !after || (m[0].trim() === '-' && before.length < after.length)) return null;
  return [before, after];
}
