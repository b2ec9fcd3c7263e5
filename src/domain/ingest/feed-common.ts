import { findDates, parseMachineDate, toIsoLocal } from './date-parse.ts';
import { ExtractionError } from './extraction.ts';

/** What every wire format reader shares: bounds, XML walking, dates and the HTML that carries pictures into the queue. */

/** A feed never yields more items than this; a provider sending more is cut, not refused. */
export const MAX_ITEMS = 500;
/** Above this a "feed" is a mistake or an attack (safeFetch already stops at 10 MB of bytes). */
export const MAX_FEED_CHARS = 20 * 1024 * 1024;
/** Real feeds (NewsML-G2 with an XHTML body included) nest a few dozen levels; this leaves room and stops stack games. */
export const MAX_XML_DEPTH = 256;

export interface FeedImage {
  url: string;
  caption: string;
  credit: string;
}

/** Lower-cased local name: `content:encoded` → `encoded`, `newsItem` → `newsitem`. */
export function localName(el: Element | null | undefined): string {
  return (el?.tagName ?? '').toLowerCase().replace(/^.*:/, '');
}

/** Descendants by local name, not looking inside a match (namespaced tags like dc:creator included). */
export function children(el: Element, name: string, limit = MAX_ITEMS): Element[] {
  const out: Element[] = [];
  // linkedom's XML documents do not answer getElementsByTagName('*'): walk by hand, in document order.
  const stack: Element[] = Array.from(el.children).reverse();
  while (stack.length && out.length <= limit) {
    const c = stack.pop() as Element;
    if (localName(c) === name || c.tagName.toLowerCase() === name) out.push(c);
    else stack.push(...Array.from(c.children).reverse());
  }
  return out;
}

/** The first descendant with that local name, in document order; the walk stops there. */
export function firstDescendant(el: Element, name: string): Element | undefined {
  const stack: Element[] = Array.from(el.children).reverse();
  while (stack.length) {
    const c = stack.pop() as Element;
    if (localName(c) === name) return c;
    // linkedom builds `children` afresh on every read: read it once.
    stack.push(...Array.from(c.children).reverse());
  }
  return undefined;
}

/** Direct children by local name. */
export function directChildren(el: Element, name: string): Element[] {
  return Array.from(el.children).filter((c) => localName(c) === name || c.tagName.toLowerCase() === name);
}

/** Text of the first direct child (of the given local names, in order of preference) that has any. */
export function childText(el: Element, ...names: string[]): string {
  for (const name of names) {
    const text = directChildren(el, name)
      .map((c) => c.textContent?.trim() ?? '')
      .find(Boolean);
    if (text) return text;
  }
  return '';
}

/** A feed's date as ISO 8601 in its own offset; RFC 822 zones (+0800, GMT) kept, a date with no zone read as Beijing time. */
export function isoDate(value: string): string | null {
  const d = value ? (parseMachineDate(value) ?? findDates(value)[0] ?? null) : null;
  if (!d) return null;
  const zone = /([+-]\d{2}:?\d{2}|GMT|UTC|Z)\s*$/i.exec(value.trim())?.[1];
  if (d.offsetMinutes === null && zone) d.offsetMinutes = /^(GMT|UTC|Z)$/i.test(zone) ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.replace(/\D/g, '').slice(0, 2)) * 60 + Number(zone.replace(/\D/g, '').slice(2, 4)));
  if (d.hour === null) {
    const time = /(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(value);
    if (time) {
      d.hour = Number(time[1]);
      d.minute = Number(time[2]);
      d.second = Number(time[3] ?? 0);
    }
  }
  return toIsoLocal(d, 480);
}

/**
 * A language tag as BCP 47 writes it (`zh-cn` → `zh-CN`, ` EN ` → `en`), or '' when the feed's
 * value is no language tag at all (free text such as "Chinese" is not guessed at).
 */
export function languageTag(value: string | null | undefined): string {
  const trimmed = (value ?? '').trim().replace(/_/g, '-');
  if (!/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(trimmed)) return '';
  try {
    return Intl.getCanonicalLocales(trimmed)[0] ?? '';
  } catch {
    return '';
  }
}

// A tag, read at one `<`: it cannot run past the next `<` (XML forbids `<` in attribute values), so
// a hostile document of unclosed tags costs linear time, not quadratic.
const TAG_AT = /<(\/?)([A-Za-z_][\w.:-]*)(?:[^<>"']|"[^"<]*"|'[^'<]*')*?(\/?)>/y;
const SKIPPED: Array<[open: string, close: string, what: string]> = [
  ['<!--', '-->', 'a comment'],
  ['<![CDATA[', ']]>', 'a CDATA section'],
  ['<?', '?>', 'a processing instruction'],
];

/**
 * Refuses XML whose tags do not balance or nest too deep, with the line of the fault. linkedom
 * repairs broken XML silently, which would read a cut-off or garbled feed as a shorter one.
 */
export function assertWellFormedXml(xml: string): void {
  const open: string[] = [];
  let elements = 0;
  const fail = (what: string, at: number): never => {
    throw new ExtractionError(`the XML is not well-formed: ${what} at line ${lineOf(xml, at)}`);
  };
  for (let at = xml.indexOf('<'); at !== -1; at = xml.indexOf('<', at)) {
    const skipped = SKIPPED.find(([start]) => xml.startsWith(start, at));
    if (skipped) {
      const end = xml.indexOf(skipped[1], at + skipped[0].length);
      if (end === -1) fail(`${skipped[2]} is never closed`, at);
      at = end + skipped[1].length;
      continue;
    }
    if (xml.startsWith('<!DOCTYPE', at)) {
      at = doctypeEnd(xml, at) ?? fail('an unfinished doctype', at);
      continue;
    }
    TAG_AT.lastIndex = at;
    const m = TAG_AT.exec(xml);
    if (!m) return fail('a stray "<"', at);
    const [token, slash, name = '', selfClosing] = m;
    if (slash) {
      const expected = open.pop();
      if (expected !== name) fail(expected ? `</${name}> closes <${expected}>` : `</${name}> closes nothing`, at);
    } else if (!selfClosing) {
      if (open.length === 0 && elements > 0) fail(`a second root element <${name}>`, at);
      open.push(name);
      if (open.length > MAX_XML_DEPTH) fail(`elements nested deeper than ${MAX_XML_DEPTH} levels`, at);
    }
    elements++;
    at += token.length;
  }
  if (open.length) throw new ExtractionError(`the XML is not well-formed: <${open[open.length - 1]}> is never closed (the feed may be cut off)`);
  if (!elements) throw new ExtractionError('the feed holds no XML elements');
}

/** Index after a doctype, an internal subset in brackets included; undefined when it never ends. */
function doctypeEnd(xml: string, at: number): number | undefined {
  const gt = xml.indexOf('>', at);
  const bracket = xml.indexOf('[', at);
  if (bracket !== -1 && (gt === -1 || bracket < gt)) {
    const close = xml.indexOf(']', bracket);
    const end = close === -1 ? -1 : xml.indexOf('>', close);
    return end === -1 ? undefined : end + 1;
  }
  return gt === -1 ? undefined : gt + 1;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain wire text → paragraphs: blank lines separate them when the text has any, else every line is one. */
export function plainTextToHtml(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  const parts = /\n\s*\n/.test(normalised) ? normalised.split(/\n\s*\n/) : normalised.split('\n');
  return parts
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
}

/**
 * Pictures as figures in the editor's schema (caption, then the credit in span.credit), so they
 * travel in the queue's body and the import review finds them as it finds a page's figures.
 */
export function figuresHtml(images: FeedImage[]): string {
  return images
    .filter((image) => /^https?:\/\//i.test(image.url))
    .map((image) => {
      const credit = image.credit ? `${image.caption ? ' ' : ''}<span class="credit">${escapeHtml(image.credit)}</span>` : '';
      const caption = image.caption || image.credit ? `<figcaption>${escapeHtml(image.caption)}${credit}</figcaption>` : '';
      return `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.caption)}">${caption}</figure>`;
    })
    .join('');
}

/**
 * Puts a wire's dateline (新华社北京5月18日电) at the head of the first paragraph, where Chinese
 * copy carries it and where the extractor takes it from, unless the body already opens with it.
 */
export function withDateline(html: string, dateline: string): string {
  const line = dateline.trim();
  if (!line) return html;
  const text = html.replace(/<[^>]+>/g, '').trimStart();
  if (text.startsWith(line)) return html;
  const firstParagraph = /<p(\s[^>]*)?>/i.exec(html);
  if (!firstParagraph) return `<p>${escapeHtml(line)}</p>${html}`;
  const at = firstParagraph.index + firstParagraph[0].length;
  return `${html.slice(0, at)}${escapeHtml(line)} ${html.slice(at)}`;
}

/** The inside of `<body>` when a wire sends a whole HTML document as the body; its `<title>` and headline `<h1>` go. */
export function bodyFragment(html: string): string {
  const inner = /<body[^>]*>([\s\S]*?)<\/body>/i.exec(html)?.[1] ?? html.replace(/<head[\s>][\s\S]*?<\/head>/i, '');
  return inner.replace(/<h1[\s>][\s\S]*?<\/h1>/gi, '');
}

/**
 * Names in a wire byline: "By Maria Olsen and Tom Reyes", "江南通讯社记者 陈晨", "记者 韩松、周云".
 * The agency (before 记者, or after a slash as in "Tom Reyes/Northbay Wire"), 记者 and a
 * photographer's 摄 are not part of a name.
 */
export function bylineNames(byline: string): string[] {
  return byline
    .replace(/^\s*(?:by\b|[\p{Script=Han}]{0,12}?(?:记者|通讯员)|文|作者)\s*[:：]?\s*/iu, '')
    .split(/\s*(?:,|、|，|;|；|\band\b|&)\s*/)
    .map((name) => name.replace(/\s*\/.*$/, '').replace(/\s*(?:摄|摄影|供图)$/u, '').trim())
    .filter(Boolean);
}

/** A version number as agencies send it (`3`, `"3"`); null for anything that is not a whole number from 1 up. */
export function versionNumber(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d{1,9}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 ? n : null;
}

/** Whether `a` is a later version of a story than `b`: version numbers decide when both have one, else versionCreated. */
export function isLaterVersion(a: { version?: number | null; versionCreated?: string | null }, b: { version?: number | null; versionCreated?: string | null }): boolean {
  if (a.version != null && b.version != null) return a.version > b.version;
  if (!a.versionCreated || !b.versionCreated) return false;
  return Date.parse(a.versionCreated) > Date.parse(b.versionCreated);
}

interface Versioned {
  guid: string;
  withdrawn?: boolean;
  version?: number | null;
  versionCreated?: string | null;
}

/**
 * One entry per GUID, in feed order: an agency's API may list a story and its later versions (or
 * its kill notice) side by side. The later version wins; a kill wins unless the other entry is
 * known to be later, since missing a kill costs more than a stale notice.
 */
export function latestPerGuid<T extends Versioned>(items: T[]): T[] {
  const byGuid = new Map<string, T>();
  for (const item of items) {
    if (!item.guid) continue;
    const kept = byGuid.get(item.guid);
    const killOverUsable = Boolean(item.withdrawn && !kept?.withdrawn) && !(kept && isLaterVersion(kept, item));
    if (!kept || isLaterVersion(item, kept) || killOverUsable) byGuid.set(item.guid, item);
  }
  return [...byGuid.values()];
}
