import { requireOnFirstUse } from '../shared/on-first-use.ts';
import { captionFigure } from './body-blocks.ts';
import { type FoundDate, findDates, parseMachineDate } from './date-parse.ts';
import { type DocumentStats, type NodeStats, childElements, computeStats, countChars, linkDensity } from './dom-stats.ts';
import type { Block } from './extraction.ts';
import { collectLinkedData, collectMeta, findBodyDate, findMachineAuthors, findMachineDate, findTextDate, findUrlDate } from './html-metadata.ts';
import { dropPageFurniture } from './block-furniture.ts';
import { chooseTitle, dashedFirstLine, findTitleElement, hasDeclaredHeadline, headingOver, isBoldLine, isSubjectLine, saysNothing, TITLE_CLASS_RE } from './html-headline.ts';
import { classAndId, collapse, DATE_TEXT_RE } from './html-text.ts';
import { findLatinEditor, namesFromLatinByline, namesOnlyOutlet } from './latin-bylines.ts';
import { findBylineAuthors, findEditorLabel, findHeaderAuthors, findPhotographers, findPostedBy, findPosterName, isOrganisationOrAccount, isSurnamedName, matchBylineLine } from './bylines.ts';
import { endsWithLabelledCredit, findOriginalTitleLabel, findSource, isBreadcrumbLine, isMetaLine, looksLikeCaption, readBreadcrumb } from './zh-conventions.ts';

const linkedom = requireOnFirstUse<typeof import('linkedom')>('linkedom');

export interface HtmlReading {
  title: string;
  subtitle: string;
  /** The 来源 the page states, over or under the story (or in a source meta tag). */
  source: string;
  /** Whom the page credits when it states no 来源: an agency given as the author (The Associated Press), else the site's own name. */
  creditedSource: string;
  /** 原标题：… in the text closing the article's box or just after it (one inside the story is read by the shared clean-up). */
  originalTitle: string;
  /** What the page's keywords meta lists (news_keywords first), split. */
  keywords: string[];
  /** (摄影:X) just after the article. */
  photographers: string[];
  /** The breadcrumb's sections. */
  section: string[];
  sourceUrl: string;
  published: FoundDate | null;
  /** Who wrote the story, in order of trust: bylines over the article, after it, then what the page declares. */
  authors: { header: string[]; trailer: string[]; declared: string[]; poster: string[] };
  /** The responsible editor named over or right after the article. */
  editor: string;
  blocks: Block[];
  lang: string;
}

/** Beyond this many characters a page is cut (after dropping scripts): bounded time on huge input. */
const MAX_HTML_CHARS = 800_000;
/** No article has more blocks than this; a page that does is read up to here. */
const MAX_BLOCKS = 3000;
/** Deeper than this, a subtree is read as plain text: no recursion limit can be reached. */
const MAX_WALK_DEPTH = 400;

const JUNK_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT', 'EMBED', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA',
  'NAV', 'ASIDE', 'FOOTER', 'LINK', 'META', 'VIDEO', 'AUDIO', 'MAP', 'DIALOG', 'TITLE', 'HEAD',
]);

const NEGATIVE_RE =
  /(^|[\s_-])(comment|comments|share|sharing|social|related|relate|recommend|footer|foot|sidebar|side|nav|navbar|menu|breadcrumb|crumb|banner|ad|ads|advert|sponsor|promo|popup|modal|toolbar|tags|tag|pager|pagination|hot|rank|copyright|disclaimer|subscribe|newsletter|widget|login|signup|print|cookie|masthead|header-nav|top-bar|topbar|byline-share|more|caption|credit|photo|media|meta|byline|author|gallery|video)([\s_-]|$)|xgxw|xgwz|tjyd|lbt/i;
// Words that name an article container when they are a segment of a class or id (entry-content,
// article_body, zhengwen); utility classes such as Tailwind's text-lg are not.
const POSITIVE_WORDS = new Set(['article', 'content', 'main', 'post', 'entry', 'body', 'story', 'detail', 'zw', 'zhengwen', 'artibody', 'maintext', 'txt', 'cont', 'news']);

function isPositiveName(names: string): boolean {
  for (const token of names.toLowerCase().split(/\s+/)) {
    if (!token) continue;
    if (token === 'text') return true;
    if (token.split(/[-_]+/).some((segment) => POSITIVE_WORDS.has(segment))) return true;
  }
  return false;
}
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'TD', 'TH', 'TR', 'TABLE', 'TBODY', 'THEAD', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD',
  'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGURE', 'FIGCAPTION', 'HEADER', 'CENTER', 'FORM', 'FIELDSET', 'ADDRESS', 'HR', 'BODY', 'TEXT',
]);

/** Reads an HTML page: metadata from head and header, the body from the densest block of prose. */
export function readHtml(html: string, pageUrl = ''): HtmlReading {
  const stripped = stripInvisible(html);
  const document = parseDocument(boundSize(stripped.html));
  // The whole document, not document.body: broken pages with several <body> tags leave the first one empty.
  const root = document.documentElement;
  // Read before the clean-up: breadcrumbs often sit in a <nav> it drops.
  const section = findBreadcrumb(root);
  const scan = scanAndClean(root);
  const meta = collectMeta(scan.metas);
  const ld = collectLinkedData(stripped.jsonLd);
  const lang = (root.getAttribute('lang') ?? meta.get('og:locale') ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const canonical = scan.canonical || meta.get('og:url') || '';
  const titleTag = scan.titleText;

  const titleEl = findTitleElement(scan.titleCandidates, titleTag, meta);
  const declared = chooseTitle(titleEl, titleTag, meta, ld.headline);
  const baseUrl = pageUrl || canonical;
  let body = readBody(root, baseUrl, declared);
  // Like Readability: when dropping unlikely containers left too little, put them back and try again.
  if (body.chars < (body.cjk ? 120 : 250) && scan.unlikely.length) {
    putBack(scan.unlikely);
    const retry = readBody(root, baseUrl, declared);
    if (retry.chars > body.chars) body = retry;
  }
  // App shells (Discourse, some single-page sites) give readers without scripts the article in <noscript>.
  if (body.chars < (body.cjk ? 120 : 250) && scan.noscripts.length) {
    putBack(scan.noscripts);
    const retry = readBody(root, baseUrl, declared);
    if (retry.chars > body.chars) body = retry;
  }
  const { chosen } = body;
  // A <title> too short to be a headline (显示, 1, 网易娱乐) or a host name gives way to the heading over the article.
  const titleSaysNothing = (!titleEl || !declared) && !hasDeclaredHeadline(meta, ld.headline) && saysNothing(declared);
  // Menus and side boxes were set aside only to choose the article; an old blog puts the entry's headline in one.
  if (titleSaysNothing) putBack(scan.unlikely);
  const fallback = titleSaysNothing ? headingOver(scan.headingLines, chosen[0], root, baseUrl) : '';
  const title = fallback || declared;
  const subtitle = findSubtitle(titleEl, title) || (fallback ? dashedFirstLine(body.blocks) : '');
  // The 副标题 belongs to the head of the article, not to its body; so does a headline found in it.
  const isHeadLine = (b: Block, i: number, text: string) => 'text' in b && (b.kind === 'h' || i < 2) && b.text.replace(/^[—–-]{1,2}\s*/, '') === text;
  const blocks = dropLeadingStamps(body.blocks.filter((b, i) => !(subtitle && isHeadLine(b, i, subtitle)) && !(fallback && isHeadLine(b, i, fallback))));

  const around = textAround(root, chosen[0], chosen.at(-1));
  const bodyStart = blocks.map((b) => (b.kind === 'p' || b.kind === 'h' ? b.text : '')).join('').slice(0, 60);
  const headerText = beforeBody(headerTextOf(titleEl, chosen[0] ?? root) || around.before, blocks, title);
  const pageText = () => collapse(root.textContent ?? '').slice(0, 200_000);
  const published =
    findMachineDate(meta, ld) ??
    declaredDate(scan.dateCandidates, (el) => el.getAttribute('itemprop') === 'datePublished') ??
    findTextDate(headerText, bodyStart, pageText) ??
    // Dates in boxes the body reader drops (an author card, a side column): a page with no date in its text is dated by them.
    declaredDate(scan.dateCandidates, () => true) ??
    findBodyDate(bodyStart, pageText) ??
    findUrlDate(baseUrl);
  // Old portals print 来源 under the story (来源：巴彦淖尔日报 编辑：苏亮), in the container's end or just after it.
  const source = findSource(headerText) || meta.get('source') || findSource(around.tail) || findSource(around.after) || '';
  // Some sites put their social handle there (@politifact).
  const siteName = (meta.get('og:site_name') || ld.publisher || '').replace(/^@/, '');
  const siteNames = [source || siteName, meta.get('og:site_name') ?? '', ld.publisher ?? '', titleTag.replace(title, '')];
  const machine = findMachineAuthors(meta, ld).filter((a) => !isSiteName(a, siteNames) && !namesSoftware(a, meta.get('generator') ?? ''));
  const boxes = machine.length ? [] : findBylineElement(scan.bylineCandidates);
  const named = machine.length ? machine : boxes.length ? boxes : findBylineElement(scan.authorLinks);
  const declaredAuthors = named.filter((a) => !isSiteName(a, siteNames)).flatMap(personNames);
  // An agency credited as the author (The Associated Press) is where the story came from, not who wrote it; a desk (Staff) is neither.
  const agency = named.find((a) => namesOnlyOutlet(a) && !/\bstaff\b/i.test(a)) ?? '';
  return {
    title,
    subtitle,
    source,
    creditedSource: agency || siteName || ld.authorOrganisation || '',
    originalTitle: findOriginalTitleLabel(around.tail) || findOriginalTitleLabel(around.after),
    keywords: splitKeywords(meta.get('news_keywords') || meta.get('keywords') || ''),
    photographers: findPhotographers(around.after),
    section,
    sourceUrl: canonical || pageUrl,
    published,
    authors: { header: findHeaderAuthors(headerText), trailer: findBylineAuthors(around.after), declared: declaredAuthors, poster: postersOf(headerText, around) },
    editor: findEditorLabel(headerText) || findEditorLabel(around.tail) || findEditorLabel(around.after) || editorDeclared(meta, scan.bylineCandidates),
    blocks,
    lang,
  };
}

const BREADCRUMB_SELECTOR =
  '[class*="crumb" i], [id*="crumb" i], [class*="position" i], [id*="position" i], [class*="weizhi" i], [class*="dqwz" i], [class*="location" i], [class*="path" i]';

/** The page's breadcrumb trail: the first box so named whose text reads as one (首页 >> 国际新闻 >> 正文). */
function findBreadcrumb(root: Element): string[] {
  for (const el of Array.from(root.querySelectorAll(BREADCRUMB_SELECTOR)).slice(0, 30)) {
    const text = collapse(spacedText(el, 300));
    if (text.length > 120 || !isBreadcrumbLine(text)) continue;
    const trail = readBreadcrumb(text);
    if (trail.length) return trail;
  }
  return [];
}

/**
 * 龙湖集团,龙湖,吴亚军 or 董又霖 王一博 → the keywords (a space separates them only where no comma does).
 * A headline pasted in as a keyword (从上海车展看在华布局, 小两口尝试以钱生钱(图)) is no keyword: at most eight
 * Chinese characters or four words, no punctuation; the same word in two cases is one.
 */
function splitKeywords(list: string): string[] {
  const separator = /[,，、;；|]/.test(list) ? /\s*[,，、;；|]\s*/ : /\s+/;
  const seen = new Set<string>();
  return list
    .split(separator)
    .map((k) => k.trim())
    .filter((k) => {
      const words = /\p{Script=Han}/u.test(k) ? k.length : k.split(/\s+/).length * 2;
      const fits = k.length >= 2 && words <= 8 && !/[()（）!！?？:：。"“”]/.test(k);
      const fresh = !seen.has(k.toLowerCase());
      seen.add(k.toLowerCase());
      return fits && fresh;
    });
}

/**
 * The whole page as a reader sees its text, one block a line (menus, story, footer alike): what the
 * import review shows as the original, for the editor to check what the extraction kept and left out.
 */
export function readPageText(html: string, limit = 200_000): string {
  const root = parseDocument(boundSize(stripInvisible(html).html)).documentElement;
  for (const el of Array.from(root.querySelectorAll('head, noscript, iframe, select, option'))) el.remove();
  const lines: string[] = [];
  let line = '';
  let length = 0;
  const endLine = () => {
    const text = collapse(line);
    line = '';
    if (text) {
      lines.push(text);
      length += text.length;
    }
  };
  const stack: Array<Node | null> = [root];
  while (stack.length && length < limit) {
    const node = stack.pop();
    if (!node) {
      endLine();
      continue;
    }
    if (node.nodeType === 3) line += node.nodeValue ?? '';
    else if (node.nodeType === 1 && (node as Element).tagName === 'BR') endLine();
    else {
      // null marks the end of a block.
      if (isBlock(node)) stack.push(null);
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  endLine();
  return lines.join('\n').slice(0, limit);
}

/** Puts elements taken out of the document back where they were, last taken first; the list is emptied. */
function putBack(taken: Array<{ el: Element; parent: Element; next: ChildNode | null }>): void {
  for (const { el, parent, next } of taken.reverse()) parent.insertBefore(el, next?.parentNode === parent ? next : null);
  taken.length = 0;
}

/** Scripts, styles and comments never hold article text; dropping them first halves parse time on script-heavy pages. */
function stripInvisible(input: string): { html: string; jsonLd: string[] } {
  // Scripts rarely make up more than half a page: cutting first keeps the regexes bounded.
  const html = input.length > MAX_HTML_CHARS * 3 ? input.slice(0, MAX_HTML_CHARS * 3) : input;
  const jsonLd = [...html.matchAll(/<script[^>]*application\/ld\+json[^>]*>([\s\S]*?)<\/script\s*>/gi)].map((m) => m[1] ?? '');
  const lean = html
    .replace(/<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->|<svg\b[\s\S]*?<\/svg\s*>|<template\b[\s\S]*?<\/template\s*>/gi, ' ')
    // Inline data (base64 images, JSON in attributes) can be most of a page's bytes and none of its text.
    .replace(/\s(?:style|srcset|data-[\w-]+|onclick|onload)\s*=\s*("[^"]{200,}"|'[^']{200,}')/gi, '');
  return { html: lean, jsonLd };
}

function boundSize(html: string): string {
  return html.length <= MAX_HTML_CHARS ? html : html.slice(0, MAX_HTML_CHARS);
}

function parseDocument(html: string): Document {
  // linkedom needs a document element; fragments and old CleanEval wrappers get one.
  const start = html.search(/<html[\s>]/i);
  // Anything before <html> (archive wrappers, stray bytes) would otherwise become the document root.
  const wrapped = start >= 0 ? html.slice(start) : `<!doctype html><html><body>${html}</body></html>`;
  const { document } = linkedom().parseHTML(wrapped);
  if (document.body) return document;
  return linkedom().parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}


interface Scan {
  titleCandidates: Element[];
  /** The title candidates and, in document order among them, lines set in bold (<p><strong>标题</strong></p>): old pages' headlines. */
  headingLines: Element[];
  bylineCandidates: Element[];
  /** Links to a writer's own page: a byline when no element says it is one. */
  authorLinks: Element[];
  /** <time> elements, itemprop=datePublished and elements whose class names a date, in document order. */
  dateCandidates: Element[];
  metas: Element[];
  canonical: string;
  titleText: string;
  /** Containers taken out as unlikely to be the article, with where to put them back. */
  unlikely: Array<{ el: Element; parent: Element; next: ChildNode | null }>;
  /** <noscript> blocks holding text, dropped like scripts, with where they were. */
  noscripts: Array<{ el: Element; parent: Element; next: ChildNode | null }>;
}

const BYLINE_CLASS_RE = /(^|[\s_-])(byline|author|writer|by-line|article-author|post-author)([\s_-]|$)/i;
// CSS-module names too: ForefrontArticle_date__0aODL.
const DATE_CLASS_RE = /(^|[\s_-])(date|dates|pubdate|published|posted|timestamp|datetime|dateline)([\s_-]|$)/i;

// Readability's list of containers that are never the article (unless they also say they are).
const UNLIKELY_RE =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
// A call-to-action box (cta) asks the reader to subscribe, donate or buy; it is never the story.
const CALL_TO_ACTION_RE = /(^|[\s_-])cta([\s_-]|$)/i;
// The writer's biography under the story (author-bio, about-the-author) is about the writer, not the news.
const AUTHOR_BIO_RE = /(^|[\s_-])(author[-_]?(bio|description)|about[-_](the[-_])?author)([\s_-]|$)/i;
const MAYBE_RE = /and|article|body|column|content|main|shadow/i;
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog', 'contentinfo']);

function isUnlikely(el: Element): boolean {
  if (UNLIKELY_ROLES.has(el.getAttribute('role') ?? '')) return true;
  const names = classAndId(el);
  if (!(UNLIKELY_RE.test(names) || CALL_TO_ACTION_RE.test(names) || AUTHOR_BIO_RE.test(names)) || MAYBE_RE.test(names)) return false;
  return !['BODY', 'A', 'TD', 'TR', 'TABLE', 'TBODY', 'H1', 'H2'].includes(el.tagName);
}

interface BodyReading {
  chosen: Element[];
  blocks: Block[];
  chars: number;
  cjk: boolean;
}

function readBody(root: Element, baseUrl: string, title: string): BodyReading {
  const docStats = computeStats(root, (tag) => BLOCK_TAGS.has(tag));
  const chosen = chooseContent(root, docStats);
  const blocks = toBlocks(chosen, docStats.all, baseUrl, title);
  const text = blocks.map((b) => (b.kind === 'p' || b.kind === 'h' || b.kind === 'quote' ? b.text : '')).join('');
  return { chosen, blocks, chars: countChars(text), cjk: /[\u4e00-\u9fff]/.test(text.slice(0, 200)) };
}

function isJunk(el: Element): boolean {
  // Some sites wrap the article's head in <aside>; a sidebar never holds the page's <h1>.
  if (el.tagName === 'ASIDE') return !el.querySelector('h1');
  if (JUNK_TAGS.has(el.tagName)) return true;
  const hidden =
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '') ||
    // Utility classes that every CSS framework hides (hidden, d-none, …-hide).
    /(^|\s)(hidden|hide|d-none|is-hidden|[\w]+-hide)(\s|$)/i.test(el.getAttribute('class') ?? '');
  // Some sites hide the whole article until a script reveals it: a hidden element holding a lot of prose stays.
  // Schema.org microdata kept out of sight is metadata for machines (it repeats headline, dates and text), never the article.
  return hidden && ((el.textContent?.length ?? 0) < 2000 || el.hasAttribute('itemscope'));
}

function noteHeadElement(el: Element, scan: Scan): void {
  const tag = el.tagName;
  if (tag === 'META') scan.metas.push(el);
  else if (tag === 'TITLE' && !scan.titleText) scan.titleText = collapse(el.textContent ?? '');
  else if (tag === 'LINK' && !scan.canonical && (el.getAttribute('rel') ?? '').toLowerCase() === 'canonical') scan.canonical = el.getAttribute('href') ?? '';
}

/** One walk over the document: drops scripts, hidden and non-content elements; notes title, byline and date candidates. */
function scanAndClean(root: Element): Scan {
  const scan: Scan = { titleCandidates: [], headingLines: [], bylineCandidates: [], authorLinks: [], dateCandidates: [], metas: [], canonical: '', titleText: '', unlikely: [], noscripts: [] };
  const unlikely: Element[] = [];
  const junk: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop() as Element;
    const kept: Element[] = [];
    for (const child of childElements(el)) {
      if (isJunk(child)) {
        junk.push(child);
        noteHeadElement(child, scan);
        // An article's own <footer> or <aside> may carry its date (March 30, 2023 | 5 min read); kept as a last resort.
        if (child.tagName === 'FOOTER' || child.tagName === 'ASIDE') noteDatesIn(child, scan);
        if (child.tagName === 'NOSCRIPT' && (child.textContent?.length ?? 0) > 200) scan.noscripts.push({ el: child, parent: el, next: child.nextSibling });
        if (child.tagName === 'HEAD') kept.push(child);
        continue;
      }
      const tag = child.tagName;
      const names = classAndId(child);
      if (isUnlikely(child)) unlikely.push(child);
      if (tag === 'H1' || tag === 'H2' || TITLE_CLASS_RE.test(names)) {
        scan.titleCandidates.push(child);
        scan.headingLines.push(child);
      } else if (scan.headingLines.length < 200 && (isBoldLine(child) || isSubjectLine(child))) scan.headingLines.push(child);
      if (BYLINE_CLASS_RE.test(names) || child.getAttribute('rel') === 'author' || child.getAttribute('itemprop') === 'author') scan.bylineCandidates.push(child);
      else if (scan.authorLinks.length < 20 && isAuthorPageLink(child)) scan.authorLinks.push(child);
      if (scan.dateCandidates.length < 80 && (tag === 'TIME' || DATE_CLASS_RE.test(names) || child.getAttribute('itemprop') === 'datePublished')) scan.dateCandidates.push(child);
      kept.push(child);
    }
    // Reversed so that pops (and so the candidate lists) follow document order.
    for (let i = kept.length - 1; i >= 0; i--) stack.push(kept[i] as Element);
  }
  for (const el of junk) el.remove();
  for (const el of unlikely) {
    const parent = el.parentElement;
    if (!parent || !root.contains(el)) continue;
    scan.unlikely.push({ el, parent, next: el.nextSibling });
    el.remove();
  }
  return scan;
}

function noteDatesIn(box: Element, scan: Scan): void {
  for (const el of box.querySelectorAll('time, [class*="date" i], [itemprop="datePublished"]')) {
    if (scan.dateCandidates.length >= 80) return;
    if (el.tagName === 'TIME' || DATE_CLASS_RE.test(classAndId(el)) || el.getAttribute('itemprop') === 'datePublished') scan.dateCandidates.push(el);
  }
}

/** A link to a writer's own page (/authors/trevor-jackins) names the writer. */
function isAuthorPageLink(el: Element): boolean {
  return el.tagName === 'A' && /\/(?:authors?|writers?)\/[^/?#]+\/?(?:[?#]|$)/i.test(el.getAttribute('href') ?? '');
}


// ---------------------------------------------------------------- choosing the content

function classWeight(el: Element): number {
  const names = classAndId(el);
  if (!names.trim()) return 0;
  let w = 0;
  if (NEGATIVE_RE.test(names)) w -= 25;
  if (isPositiveName(names)) w += 25;
  return w;
}

/** Paragraph-like elements score their text; scores flow to ancestors (Readability's idea, density-tuned). */
function chooseContent(root: Element, docStats: DocumentStats): Element[] {
  const stats = docStats.all;
  const scores = new Map<Element, number>();
  for (const [el, own] of docStats.own) {
    const isCjk = own.cjk > own.text / 3;
    // Readability's 25 characters for alphabetic text; Chinese says as much in 10.
    if (own.text < (isCjk ? 10 : 25)) continue;
    const ld = own.link / Math.max(1, own.text);
    if (ld > 0.5) continue;
    if (own.link > 0 && (stats.get(el)?.text ?? 0) < 600 && isTeaser(el)) continue;
    const lengthScore = Math.min(own.text / (isCjk ? 40 : 100), 3);
    const contentScore = (1 + own.punct + lengthScore) * (1 - ld);
    let node: Element | null = BLOCK_TAGS.has(el.tagName) ? el : blockAncestor(el);
    for (let level = 0; node && level < 5; level++) {
      if (!scores.has(node)) scores.set(node, initialScore(node, stats));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(node, (scores.get(node) ?? 0) + contentScore / divider);
      node = node.parentElement;
    }
  }
  let top: Element | null = null;
  let topScore = -Infinity;
  const ranked: Array<[Element, number]> = [];
  for (const [el, score] of scores) {
    // What the block reader would throw away as furniture (a long list of reply links) cannot be the article.
    if (isClutter(el, stats)) continue;
    const final = score * (1 - linkDensity(stats.get(el)));
    ranked.push([el, final]);
    if (final > topScore) {
      top = el;
      topScore = final;
    }
  }
  if (!top) return [root];
  const first = firstEntryBefore(top, root, ranked);
  top = first ?? climbToCommonAncestor(top, topScore, ranked, scores, stats);
  return withSiblings(top, scores, stats);
}

/** How far above the best block a post's container may sit. */
const POST_LEVELS = 4;

/**
 * A blog archive repeats one structure per entry, each with its own headline and date: the page's
 * article is then the first entry (the newest), not the longest. Forum replies (no headline of their
 * own, or "Re: …") are one thread and stay together. Returns the first entry's block when the best
 * block is a later one, else null.
 */
function firstEntryBefore(top: Element, root: Element, ranked: Array<[Element, number]>): Element | null {
  let node: Element | null = top;
  for (let level = 0; node && level <= POST_LEVELS && !isPageRoot(node); level++, node = node.parentElement) {
    const names = node.getAttribute('class');
    if (!names) continue;
    const tag: string = node.tagName;
    // Another scored block of the same kind is the cheap sign; only then is the whole page searched.
    if (!ranked.some(([el]) => el !== node && el.tagName === tag && el.getAttribute('class') === names && !el.contains(node) && !node?.contains(el))) continue;
    const alike: Element[] = Array.from(root.querySelectorAll(tag.toLowerCase())).filter((el) => el.getAttribute('class') === names);
    if (alike.length < 2 || alike.length > 100 || alike[0] === node) continue;
    if (alike.some((el, i) => i > 0 && (alike[i - 1] as Element).contains(el))) continue;
    if (areDatedEntries(alike)) return alike[0] as Element;
  }
  return null;
}

/** Every post sits beside the others with a date and a headline of its own, no two alike; stops at the first that does not. */
function areDatedEntries(posts: Element[]): boolean {
  const headlines = new Set<string>();
  let parent: Element | null | undefined;
  for (const post of posts) {
    const unit = postUnit(post, posts);
    // An archive is a run of entries side by side; look-alike blocks scattered over the page are teasers.
    if (parent !== undefined && unit.parentElement !== parent) return false;
    parent = unit.parentElement;
    const head = entryHead(unit, post);
    if (!head.dated || !head.headline || headlines.has(head.headline)) return false;
    headlines.add(head.headline);
  }
  return true;
}

function isPageRoot(el: Element): boolean {
  return el.tagName === 'BODY' || el.tagName === 'HTML';
}

/** The largest container of one post that holds no other post. */
function postUnit(post: Element, posts: Element[]): Element {
  let unit = post;
  for (let parent = unit.parentElement; parent && !isPageRoot(parent); parent = parent.parentElement) {
    if (posts.some((other) => other !== post && parent?.contains(other))) break;
    unit = parent;
  }
  return unit;
}

const REPLY_RE = /^\s*(re|回复|答复|回覆)\s*[:：]/i;

/** What a post's container says about it outside its text: a date, and a headline of its own. */
function entryHead(unit: Element, post: Element): { dated: boolean; headline: string } {
  const outside = (unit.textContent ?? '').replace(post.textContent ?? '', ' ');
  let headline = '';
  for (const el of unit.querySelectorAll('h1, h2, h3, h4, h5, h6, [class]')) {
    if (post.contains(el) || !(/^H\d$/.test(el.tagName) || namesHeadline(el.getAttribute('class') ?? ''))) continue;
    const text = collapse(el.textContent ?? '');
    // A heading that is only a number and a date (#3 2025-11-01 15:14) names no entry.
    if (/\p{L}{2}/u.test(text.replace(DATE_TEXT_RE, '')) && !REPLY_RE.test(text)) {
      headline = text;
      break;
    }
  }
  return { dated: findDates(outside, 1).length > 0, headline };
}

/** post-title, entry_subject, headline; not usertitle (a forum member's rank). */
function namesHeadline(names: string): boolean {
  return names
    .toLowerCase()
    .split(/\s+/)
    .some((token) => token.split(/[-_]+/).some((segment) => segment === 'title' || segment === 'subject' || segment === 'headline'));
}


/**
 * A link to another page followed by the start of that page's text, cut off (…): a teaser, which
 * must not make its list look like an article. Prose that merely ends in …… does not open with a link.
 */
function isTeaser(el: Element): boolean {
  if (!endsWithEllipsis(el)) return false;
  const text = collapse(el.textContent ?? '');
  if (!/(\.\.\.|…)$/.test(text)) return false;
  const link = collapse(el.querySelector('a')?.textContent ?? '');
  return link.length > 0 && text.startsWith(link);
}

/** Whether the last words of an element end in an ellipsis, read backwards from its end (cheap: most do not). */
function endsWithEllipsis(el: Element): boolean {
  let node: ChildNode | null = el.lastChild;
  for (let budget = 40; node && budget > 0; budget--) {
    if (node.nodeType === 3 && (node.nodeValue ?? '').trim()) return /(\.\.\.|…)$/.test((node.nodeValue ?? '').trim());
    if (node.nodeType === 1 && node.lastChild) {
      node = node.lastChild;
      continue;
    }
    while (node && node !== el && !node.previousSibling) node = node.parentNode as ChildNode | null;
    node = node && node !== el ? node.previousSibling : null;
  }
  return false;
}

function initialScore(el: Element, stats: Map<Element, NodeStats>): number {
  const base: Record<string, number> = { DIV: 5, ARTICLE: 10, MAIN: 5, PRE: 3, TD: 3, BLOCKQUOTE: 3, FORM: -3, OL: -3, UL: -3, LI: -3, DL: -3, H1: -5, H2: -5, H3: -5, TH: -5 };
  const weight = classWeight(el);
  // A promising class name on a few words (div.text around a caption) is not an article.
  const usable = weight > 0 && (stats.get(el)?.text ?? 0) < 200 ? 0 : weight;
  return (base[el.tagName] ?? 0) + usable;
}

function isOnlyChild(el: Element): boolean {
  const parent = el.parentElement;
  if (!parent) return false;
  let n = 0;
  for (const _ of childElements(parent)) if (++n > 1) return false;
  return true;
}

function blockAncestor(el: Element): Element | null {
  let node = el.parentElement;
  while (node && !BLOCK_TAGS.has(node.tagName)) node = node.parentElement;
  return node;
}

/** Three or more blocks nearly as good as the best one: the article is the ancestor that holds them. */
function climbOverStrong(top: Element, topScore: number, ranked: Array<[Element, number]>): Element {
  const strong = ranked
    .filter(([el, s]) => el !== top && s >= topScore * 0.75)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([el]) => el);
  if (strong.length < 3) return top;
  for (let parent = top.parentElement; parent && !isPageRoot(parent); parent = parent.parentElement) {
    if (strong.filter((el) => parent?.contains(el)).length >= 3) return parent;
  }
  return top;
}

/**
 * An article split into sections of one class (post__content, post__content…): take them all. Page
 * wrappers around a lead section can put them five levels apart; beyond that they are other stories.
 */
function climbOverSections(top: Element, topScore: number, ranked: Array<[Element, number]>): Element {
  const topClass = top.getAttribute('class');
  if (!topClass) return top;
  const alike = ranked.filter(([el, sc]) => el !== top && sc >= topScore * 0.3 && el.getAttribute('class') === topClass && !top.contains(el) && !el.contains(top));
  let ancestor = top.parentElement;
  for (let level = 0; ancestor && alike.length && level < 5; level++, ancestor = ancestor.parentElement) {
    if (alike.every(([el]) => ancestor?.contains(el))) return ancestor;
  }
  return top;
}

/** When several good candidates share an ancestor, the article is that ancestor (split bodies, pages). */
function climbToCommonAncestor(
  top: Element,
  topScore: number,
  ranked: Array<[Element, number]>,
  scores: Map<Element, number>,
  stats: Map<Element, NodeStats>,
): Element {
  top = climbOverSections(climbOverStrong(top, topScore, ranked), topScore, ranked);
  // A parent that scores higher than its child holds more of the article.
  let lastScore = scores.get(top) ?? 0;
  let parent = top.parentElement;
  while (parent && parent.tagName !== 'BODY' && parent.tagName !== 'HTML') {
    const ps = scores.get(parent);
    if (ps === undefined) {
      parent = parent.parentElement;
      continue;
    }
    if (ps < topScore / 3) break;
    if (ps > lastScore && linkDensity(stats.get(parent)) < 0.3) {
      top = parent;
      break;
    }
    lastScore = ps;
    parent = parent.parentElement;
  }
  while (top.parentElement && !['BODY', 'HTML'].includes(top.parentElement.tagName) && isOnlyChild(top)) top = top.parentElement;
  return top;
}

function withSiblings(top: Element, scores: Map<Element, number>, stats: Map<Element, NodeStats>): Element[] {
  const parent = top.parentElement;
  if (!parent) return [top];
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.getAttribute('class') ?? '';
  const out: Element[] = [];
  for (const sib of childElements(parent)) {
    if (sib === top) {
      out.push(sib);
      continue;
    }
    const s = stats.get(sib);
    const ld = linkDensity(s);
    let score = scores.get(sib) ?? 0;
    if (topClass && sib.getAttribute('class') === topClass) score += topScore * 0.2;
    if (score >= threshold && ld < 0.3) out.push(sib);
    // A wrapper of the same class holding prose continues the article even when its paragraphs sit too deep to be scored.
    else if (topClass && sib.getAttribute('class') === topClass && s && s.text >= 200 && s.punct >= 3 && ld < 0.25) out.push(sib);
    else if (sib.tagName === 'P' && s) {
      if (s.text > 80 && ld < 0.25) out.push(sib);
      else if (s.text > 0 && ld === 0 && /[。．.!?！？]\s*$/.test(collapse(sib.textContent ?? ''))) out.push(sib);
    }
  }
  return withPhotosBetween(parent, out, stats);
}

/**
 * A photo box (a gallery slide with its caption) set just before the story's first paragraph or between
 * two of them belongs to the story, whatever its class says. One photo, little text, no links: a box of
 * teasers or an ad is none of these.
 */
function withPhotosBetween(parent: Element, chosen: Element[], stats: Map<Element, NodeStats>): Element[] {
  if (chosen.length < 2) return chosen;
  const kept = new Set(chosen);
  const siblings = Array.from(childElements(parent));
  let added = false;
  for (const [i, el] of siblings.entries()) {
    const next = siblings[i + 1];
    if (kept.has(el) || !next || !kept.has(next) || !isPhotoBox(el, stats)) continue;
    const previous = siblings[i - 1];
    // Before the first chosen paragraph (a lead photo), or with chosen paragraphs on both sides.
    if (next === chosen[0] || (previous && kept.has(previous))) {
      kept.add(el);
      added = true;
    }
  }
  return added ? siblings.filter((el) => kept.has(el)) : chosen;
}

/** A box named for its photo (gallery, media, figure…) holding one, not a writer's portrait or a logo. */
function isStoryPhoto(el: Element, stats: Map<Element, NodeStats>): boolean {
  const names = classAndId(el);
  return PHOTO_BOX_RE.test(names) && !NOT_STORY_PHOTO_RE.test(names) && isPhotoBox(el, stats);
}

const PHOTO_BOX_RE = /gallery|photo|image|media|figure|picture|slide/i;
const NOT_STORY_PHOTO_RE = /author|avatar|profile|logo|\bads?\b|advert|sponsor|promo|share|social/i;

function isPhotoBox(el: Element, stats: Map<Element, NodeStats>): boolean {
  const s = stats.get(el);
  if (!s || s.text > 400 || s.link > 0) return false;
  return el.querySelectorAll('img').length === 1;
}

// ---------------------------------------------------------------- blocks

interface WalkState {
  blocks: Block[];
  buffer: string;
  /** Characters of the buffer that sit inside links. */
  linkChars: number;
  /** How many links the walk is inside (blocks inside a link are teasers for other pages). */
  linkDepth: number;
  stats: Map<Element, NodeStats>;
  baseUrl: string;
  title: string;
}

function toBlocks(elements: Element[], stats: Map<Element, NodeStats>, baseUrl: string, title: string): Block[] {
  const state: WalkState = { blocks: [], buffer: '', linkChars: 0, linkDepth: 0, stats, baseUrl, title };
  for (const el of elements) {
    walk(el, state, 0);
    flush(state);
  }
  return dropPageFurniture(attachCaptions(state.blocks));
}

function flush(state: WalkState): void {
  const text = collapse(state.buffer);
  const linkChars = state.linkChars;
  state.buffer = '';
  state.linkChars = 0;
  if (!text) return;
  // A line that is nothing but a link is a pointer to another article, not part of this one.
  if (linkChars >= countChars(text) * 0.8 && !/[。！？.!?]$/.test(text)) return;
  if (text === state.title && !state.blocks.some((b) => b.kind === 'p')) return;
  state.blocks.push({ kind: 'p', text });
}

/** Whether a block element inside the content is page furniture rather than article. */
const CLUTTER_TAGS = new Set(['UL', 'OL', 'DIV', 'TABLE', 'SECTION', 'DL', 'FORM', 'TD', 'TR']);

function isClutter(el: Element, stats: Map<Element, NodeStats>): boolean {
  const s = stats.get(el);
  if (!s) return false;
  const ld = linkDensity(s);
  // The class-name regexes last: this runs for every scored element.
  if (s.punct < 5 && classWeight(el) < 0 && !isStoryPhoto(el, stats)) return true;
  if (CLUTTER_TAGS.has(el.tagName)) {
    if (ld > 0.5 && s.text > 0) return true;
    if (ld > 0.33 && s.punct < 3) return true;
  }
  return false;
}

function walk(el: Element, state: WalkState, depth: number): void {
  if (state.blocks.length > MAX_BLOCKS) return;
  if (depth > MAX_WALK_DEPTH) {
    state.buffer += ` ${el.textContent ?? ''}`;
    return;
  }
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      state.buffer += text;
      if (state.linkDepth > 0) state.linkChars += countChars(text);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    const tag = child.tagName;
    if (tag === 'BR') {
      flush(state);
      continue;
    }
    if (tag === 'IMG') {
      const figure = imageBlock(child, state.baseUrl);
      if (figure) {
        flush(state);
        state.blocks.push(figure);
      }
      continue;
    }
    if (!BLOCK_TAGS.has(tag)) {
      if (tag === 'A') state.linkDepth++;
      walk(child, state, depth + 1);
      if (tag === 'A') state.linkDepth--;
      continue;
    }
    flush(state);
    if (isClutter(child, state.stats)) continue;
    readBlock(child, state, depth);
    flush(state);
  }
}

function readBlock(el: Element, state: WalkState, depth: number): void {
  const tag = el.tagName;
  if (/^H[1-6]$/.test(tag)) {
    // A heading that is a link is another story's headline.
    if (state.linkDepth > 0 || linkDensity(state.stats.get(el)) > 0.5) return;
    const text = collapse(el.textContent ?? '');
    if (text && text !== state.title) state.blocks.push({ kind: 'h', level: tag === 'H1' || tag === 'H2' ? 2 : 3, text });
    return;
  }
  if (tag === 'UL' || tag === 'OL') {
    const items = Array.from(el.children)
      .filter((li) => li.tagName === 'LI')
      .map((li) => collapse(li.textContent ?? ''))
      .filter(Boolean);
    if (items.length && !Array.from(el.querySelectorAll('img')).length) state.blocks.push({ kind: 'list', ordered: tag === 'OL', items });
    else walk(el, state, depth + 1);
    return;
  }
  if (tag === 'BLOCKQUOTE' && !el.querySelector('img')) {
    const text = collapse(el.textContent ?? '');
    if (text) state.blocks.push({ kind: 'quote', text });
    return;
  }
  if (tag === 'FIGCAPTION') {
    const text = collapse(el.textContent ?? '');
    const prev = state.blocks.at(-1);
    if (prev?.kind === 'figure' && !prev.caption) Object.assign(prev, captionFigure(text, prev.src, prev.alt));
    else if (text) state.blocks.push({ kind: 'p', text });
    return;
  }
  walk(el, state, depth + 1);
}

const IMAGE_ATTRS = ['data-src', 'data-original', 'data-lazy-src', 'data-url', 'src'];

function imageBlock(img: Element, baseUrl: string): Block | null {
  const raw = IMAGE_ATTRS.map((a) => img.getAttribute(a) ?? '').find((v) => v && !v.startsWith('data:'));
  if (!raw) return null;
  const width = Number(img.getAttribute('width') ?? '0');
  const height = Number(img.getAttribute('height') ?? '0');
  if ((width > 0 && width < 80) || (height > 0 && height < 60)) return null;
  if (/(icon|logo|avatar|spacer|blank|pixel|share|qrcode|erweima)/i.test(raw)) return null;
  let src = raw.trim();
  try {
    src = new URL(src, baseUrl || undefined).toString();
  } catch {
    if (!/^https?:\/\//i.test(src)) src = '';
  }
  const alt = collapse(img.getAttribute('alt') ?? '');
  return { kind: 'figure', src, alt, caption: '', credit: '' };
}

/** A short paragraph right after a picture, or one that carries a photo credit, is its caption. */
function attachCaptions(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const prev = out.at(-1);
    if (block.kind === 'p' && block.text.length <= 150) {
      const chineseCredit = looksLikeCaption(block.text);
      // Under a photo: a short line, or one with a credit (新华社记者曹阳摄, (Image: GETTY)).
      if (prev?.kind === 'figure' && !prev.caption && (chineseCredit || block.text.length <= 60 || endsWithLabelledCredit(block.text))) {
        out[out.length - 1] = captionFigure(block.text, prev.src, prev.alt);
        continue;
      }
      if (chineseCredit) {
        out.push(captionFigure(block.text));
        continue;
      }
    }
    out.push(block);
  }
  return out;
}

// ---------------------------------------------------------------- header facts

/** By Ann Lee on Monday, November 18th, 2019 at 11:08 a.m.; Updated: 2024-03-05: the header's stamp, not the story's first paragraph. */
const STAMP_RE = /^(?:[Bb][Yy]\s+\p{Lu}\S*\s+\p{Lu}|(?:[Pp]osted|[Pp]ublished|[Uu]pdated|[Ll]ast [Uu]pdated|POSTED|PUBLISHED|UPDATED)\b|发布时间|更新时间)/u;

/** Drops such stamps from the head of the body, looking past a lead photo. */
function dropLeadingStamps(blocks: Block[]): Block[] {
  const stamps = new Set<Block>();
  for (const block of blocks.slice(0, 3)) {
    if (block.kind === 'figure') continue;
    if (block.kind !== 'p' || !isStamp(block.text)) break;
    stamps.add(block);
  }
  return stamps.size ? blocks.filter((b) => !stamps.has(b)) : blocks;
}

function isStamp(text: string): boolean {
  if (text.length > 150 || !findDates(text, 1).length) return false;
  return STAMP_RE.test(text) || !/\p{L}{3}/u.test(text.replace(DATE_WORDS_RE, ''));
}

/** Month and weekday names and the words of a time: what a line that is only a date is made of. */
const DATE_WORDS_RE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\b(?:st|nd|rd|th|at|am|pm|a\.m\.|p\.m\.|utc|gmt|e[sd]t|p[sd]t)\b|[年月日时分秒]/gi;

/**
 * The header's text up to where the story's first paragraph starts: a date or a 来源 in the story's
 * sentences is not the header's. Meta lines the body reader took in (来源：… 时间：…) stay header.
 */
function beforeBody(header: string, blocks: Block[], title: string): string {
  const first = blocks.find((b): b is Extract<Block, { kind: 'p' }> => b.kind === 'p' && b.text.length >= 10 && b.text !== title && !isMetaLine(b.text) && !isStamp(b.text));
  // Looked for after the headline, which the header opens with and the body may repeat.
  const titleAt = title ? header.indexOf(title) : -1;
  const at = first ? header.indexOf(first.text.slice(0, 20), titleAt >= 0 ? titleAt + title.length : 0) : -1;
  return at > 0 ? header.slice(0, at) : header;
}

/** Text between the title and the start of the article: where 来源, 时间 and bylines are written. */
function headerTextOf(titleEl: Element | null, content: Element): string {
  if (!titleEl) return '';
  let area: Element | null = titleEl.parentElement;
  for (let i = 0; area && i < 3; i++) {
    const text = collapse(spacedText(area));
    if (text.length > 30 && !area.contains(content)) return text.slice(0, 1500);
    if (area.contains(content)) {
      const all = text;
      const titleText = collapse(titleEl.textContent ?? '');
      const start = Math.max(0, all.indexOf(titleText));
      return all.slice(start, start + 600);
    }
    area = area.parentElement;
  }
  return titleEl.parentElement ? collapse(spacedText(titleEl.parentElement)).slice(0, 1500) : '';
}

/**
 * An element's text with a space where one block ends and the next begins: textContent runs
 * <div>记者:王晓</div><p>新华社…</p> together into one word. Read no further than `limit` characters.
 */
function spacedText(el: Element, limit = 50_000): string {
  const parts: string[] = [];
  let length = 0;
  // ' ' stands for the end of a block: a headline and the <time> after it are two words, not one.
  const stack: Array<Node | ' '> = [el];
  while (stack.length && length < limit) {
    const node = stack.pop() as Node | ' ';
    if (node === ' ' || node.nodeType === 3) {
      const text = node === ' ' ? ' ' : (node.nodeValue ?? '');
      parts.push(text);
      length += text.length;
      continue;
    }
    if (isBlock(node)) {
      parts.push(' ');
      stack.push(' ');
    }
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return parts.join('');
}

function isBlock(node: Node): boolean {
  return node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName);
}

/** A 副标题 or 引题: a short heading right next to the headline, not a meta line. */
/** subtitle, sub-title, subhead, deck, 副标题 (fbt), 引题 (yt): a box that says it is the headline's companion. */
const SUBTITLE_CLASS_RE = /(^|[\s_-])(subtitle|sub-title|subhead|subheadline|deck|dek|fbt|yt)([\s_-]|$)/i;

function findSubtitle(titleEl: Element | null, title: string): string {
  for (const el of [titleEl?.nextElementSibling, titleEl?.previousElementSibling]) {
    if (!el || !(/^H[2-4]$/.test(el.tagName) || SUBTITLE_CLASS_RE.test(classAndId(el)))) continue;
    const text = collapse(el.textContent ?? '');
    // A box named subhead that holds the byline and the time (JANIE HAR Nov. 20, 2019) is no 副标题.
    if (text.length >= 4 && text.length <= 80 && text !== title && !isMetaLine(text) && !findDates(text, 1).length) return text.replace(/^[—–-]{1,2}\s*/, '');
  }
  return '';
}

function findBylineElement(candidates: Element[]): string[] {
  for (const el of candidates.slice(0, 50)) {
    if (!el.parentElement) continue;
    // A byline box is short; one that wraps a whole article is read no further than its start.
    const text = collapse((el.textContent ?? '').slice(0, 600));
    if (/[\u4e00-\u9fff]/.test(text)) {
      // A Chinese author box says 作者:X or holds names only; an editor line or a site's account card is not a byline.
      if (findEditorLabel(text)) continue;
      const labelled = findBylineAuthors(text);
      const names = labelled.length ? labelled : matchBylineLine(text, { bare: true });
      // An author card shows the name, then a description (<a>王文</a><span>中国人民大学…执行院长</span>).
      const lead = firstText(el);
      if (names.length || isSurnamedName(lead)) return names.length ? names : [lead];
      continue;
    }
    const name = latinByline(el);
    // A long box is read as a byline only when it says so (By …): a caption or a teaser also starts with capitals.
    const people = name.length <= 60 || /^\W*by\b/i.test(collapse(el.textContent ?? '').slice(0, 20)) ? namesFromLatinByline(name) : [];
    if (people.length) return people;
    // A box of several words that names no person is a teaser or a caption in a byline's dress (Matt Bai The real problem…).
    if (name.split(' ').length > 4) continue;
    if (name.length >= 2 && name.length <= 60) return [name];
  }
  return [];
}

// Dates that byline boxes carry after the name: June 12, 2025; 12 June 2025; 2025-06-12.
const TRAILING_DATE_RE =
  /\s*[-–—|·,]?\s*(?:(?:updated|published|posted)\s*:?\s*)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}).*$/i;

/**
 * A byline box of a Latin-script page read as words (its text pieces apart, so "Written By" +
 * "Stephen Jesudunsin" and "Team SimplyThrilled" + "September 4, 2025" do not run together), without the
 * By/Written by label and the date that follows the name. What is only a date is no name.
 */
function latinByline(el: Element): string {
  const words = collapse(textPieces(el).join(' '));
  const name = words.replace(/^[\s|•·:–—-]*(written\s+by|posted\s+by|by|par|von|por)\b\s*:?\s*/i, '').replace(TRAILING_DATE_RE, '').trim();
  return /\p{L}{2}/u.test(name) && !findDates(name).length ? name : '';
}

/**
 * The text under an element in pieces, one per element: text nodes next to each other stay one
 * word (an entity can split Poças into three nodes), elements are apart. As much as a byline box holds.
 */
function textPieces(el: Element): string[] {
  const pieces: string[] = [''];
  const stack: Node[] = [el];
  while (stack.length && pieces.length < 40) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      pieces[pieces.length - 1] += node.nodeValue ?? '';
      continue;
    }
    pieces.push('');
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return pieces.filter((p) => p.trim());
}

/** The first date element that passes the test and holds a date: its datetime/content attribute, else its text. */
function declaredDate(candidates: Element[], test: (el: Element) => boolean): FoundDate | null {
  for (const el of candidates) {
    if (!test(el)) continue;
    const machine = el.getAttribute('datetime') ?? el.getAttribute('content');
    const found = (machine ? parseMachineDate(machine) : null) ?? findDates(collapse(el.textContent ?? '').slice(0, 200))[0];
    if (found) return found;
  }
  return null;
}

function firstText(el: Element): string {
  const stack: Node[] = [el];
  while (stack.length) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3 && node.nodeValue?.trim()) return collapse(node.nodeValue);
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return '';
}

/** An editor declared where an author would be: <meta name="author" content="责任编辑:X">, a byline box saying 责任编辑:X. */
function editorDeclared(meta: Map<string, string>, candidates: Element[]): string {
  for (const text of [meta.get('author') ?? '', meta.get('article:author') ?? '', ...candidates.slice(0, 20).map((el) => collapse((el.textContent ?? '').slice(0, 600)))]) {
    const editor = findEditorLabel(text) || findLatinEditor(text);
    if (editor) return editor;
  }
  return '';
}

/** A declared author that is the site itself (网易 on a page titled …_网易新闻), an organisation or an account number. */
function isSiteName(author: string, siteNames: string[]): boolean {
  const a = author.trim();
  if (!/[\u4e00-\u9fff]/.test(a)) return /^\S*\d{4,}\S*$/.test(a);
  // Chinese sites fill the author tag with their own name (网易 on …_网易新闻); English sites that do mean it as the byline.
  return isOrganisationOrAccount(a) || siteNames.some((site) => site.length >= 2 && (site.includes(a) || (a.length >= 4 && a.includes(site.trim()))));
}

/** A Latin-script byline as the people it names (By TOM KRISHER, AP Auto Writer → Tom Krisher); anything else as written. */
function personNames(byline: string): string[] {
  if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(byline)) return [byline];
  const names = namesFromLatinByline(byline);
  return names.length ? names : namesOnlyOutlet(byline) ? [] : [byline];
}

/** Forum and blog software signs its templates in the author tag (Discuz! Team, beside generator Discuz! X3.4). */
function namesSoftware(author: string, generator: string): boolean {
  const product = /^[A-Za-z][\w-]{2,}/.exec(generator.trim())?.[0];
  return Boolean(product && author.toLowerCase().includes(product.toLowerCase()));
}

/** A forum's or blog host's user name signing the post (xiaoyu88 发表于 2005-9-15), over, in or just after it. */
function postersOf(headerText: string, around: TextAround): string[] {
  // 本贴由 X 于… is said only of the post itself, so it is looked for in the whole post too.
  const name = [headerText, around.before, around.tail, around.after].map(findPosterName).find(Boolean) || findPostedBy(around.inside);
  return name ? [name] : [];
}

/** How much text before and after the article is read for bylines and the editor. */
const ZONE_CHARS = 300;

/**
 * The page text just before the article (where 来源, 作者 and 时间 are written when no headline
 * element marks the head), the end of the article's container, and the text just after it (where
 * 责任编辑 and closing bylines are written), cut where the site's related lists begin.
 */
interface TextAround {
  before: string;
  /** The end of the article's own container. */
  tail: string;
  after: string;
  /** The container's whole text, up to INSIDE_CHARS. */
  inside: string;
}

const INSIDE_CHARS = 30_000;

function textAround(root: Element, first: Element | undefined, last: Element | undefined): TextAround {
  if (!first || !last) return { before: '', tail: '', after: '', inside: '' };
  const parts: string[] = [];
  let length = 0;
  let start = -1;
  let end = -1;
  const stack: Array<Node | 'leave-last'> = [root];
  while (stack.length) {
    const node = stack.pop() as Node | 'leave-last';
    if (node === 'leave-last') {
      end = length;
      continue;
    }
    if (node === first) start = length;
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      parts.push(text);
      length += text.length;
      if (end >= 0 && length - end > ZONE_CHARS * 4) break;
      continue;
    }
    if (node === last) stack.push('leave-last');
    // Blocks are apart on the page: 编辑:苏亮 in one <div> and 扫一扫 in the next must not read as one word.
    if (isBlock(node)) {
      parts.push(' ');
      length += 1;
    }
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  const text = parts.join('');
  const before = start >= 0 ? collapse(text.slice(Math.max(0, start - ZONE_CHARS * 2), start)).slice(-ZONE_CHARS) : '';
  const after = end >= 0 ? collapse(text.slice(end, end + ZONE_CHARS * 4)).slice(0, ZONE_CHARS) : '';
  // The end of the article's own container: 本文来源/责任编辑 lines the body reader drops as furniture.
  const tail = end >= 0 ? collapse(text.slice(Math.max(start, end - ZONE_CHARS * 2), end)).slice(-ZONE_CHARS) : '';
  const inside = start >= 0 && end >= 0 ? text.slice(start, Math.min(end, start + INSIDE_CHARS)) : '';
  return { before, tail, after: after.split(/相关新闻|相关阅读|相关文章|相关报道|延伸阅读|推荐阅读|热点推荐|猜你喜欢|上一篇|下一篇/)[0] ?? '', inside };
}
