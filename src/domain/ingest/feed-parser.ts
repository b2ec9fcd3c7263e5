import { DOMParser } from 'linkedom';
import { decodeBytes } from './charset.ts';
import { findDates, parseMachineDate, toIsoLocal } from './date-parse.ts';
import { ExtractionError } from './extraction.ts';

/** One entry of a wire feed, before it becomes a draft. */
export interface FeedItem {
  /** RSS guid or Atom id; the link when a feed gives neither. */
  guid: string;
  url: string;
  title: string;
  summary: string;
  /** Full text when the feed carries it (content:encoded, Atom content), else empty. */
  contentHtml: string;
  authors: string[];
  publishedAt: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom';
  title: string;
  items: FeedItem[];
}

const MAX_ITEMS = 500;

/** Parses an RSS 2.0 or Atom 1.0 feed (bytes in any charset the XML declares, or a string). */
export function parseFeed(input: Uint8Array | string): ParsedFeed {
  const xml = typeof input === 'string' ? input : decodeBytes(input).text;
  if (!xml.trim()) throw new ExtractionError('the feed is empty');
  const doc = new DOMParser().parseFromString(xml.replace(/^\ufeff/, ''), 'text/xml') as unknown as Document;
  const root = doc.documentElement;
  const rootName = localName(root);
  if (rootName === 'rss' || rootName === 'rdf') return parseRss(root);
  if (rootName === 'feed') return parseAtom(root);
  throw new ExtractionError('not an RSS or Atom feed');
}

function localName(el: Element | null | undefined): string {
  return (el?.tagName ?? '').toLowerCase().replace(/^.*:/, '');
}

/** Direct or nested children by local name (namespaced tags like content:encoded and dc:creator included). */
function children(el: Element, name: string): Element[] {
  const out: Element[] = [];
  // linkedom's XML documents do not answer getElementsByTagName('*'): walk by hand, in document order.
  const stack: Element[] = Array.from(el.children).reverse();
  while (stack.length && out.length <= MAX_ITEMS) {
    const c = stack.pop() as Element;
    if (localName(c) === name || c.tagName.toLowerCase() === name) out.push(c);
    else stack.push(...Array.from(c.children).reverse());
  }
  return out;
}

function childText(el: Element, ...names: string[]): string {
  for (const name of names) {
    const found = Array.from(el.children).find((c) => c.tagName.toLowerCase() === name || localName(c) === name);
    const text = found?.textContent?.trim();
    if (text) return text;
  }
  return '';
}

function isoDate(value: string): string | null {
  const d = value ? parseMachineDate(value) ?? findDates(value)[0] ?? null : null;
  if (!d) return null;
  // RFC 822 zones (+0800, GMT) become offsets; a date with no zone is read as Beijing time.
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

function parseRss(root: Element): ParsedFeed {
  const channel = children(root, 'channel')[0] ?? root;
  const items = children(root, 'item').slice(0, MAX_ITEMS).map((item): FeedItem => {
    const url = childText(item, 'link');
    const authors = [childText(item, 'creator', 'dc:creator'), childText(item, 'author')].filter(Boolean);
    return {
      guid: childText(item, 'guid') || url || childText(item, 'title'),
      url,
      title: childText(item, 'title'),
      summary: childText(item, 'description'),
      contentHtml: childText(item, 'content:encoded', 'encoded'),
      authors: [...new Set(authors)],
      publishedAt: isoDate(childText(item, 'pubdate', 'date', 'dc:date')),
    };
  });
  return { format: 'rss', title: childText(channel, 'title'), items: items.filter((i) => i.guid) };
}

function parseAtom(root: Element): ParsedFeed {
  const entries = children(root, 'entry').slice(0, MAX_ITEMS).map((entry): FeedItem => {
    const links = Array.from(entry.children).filter((c) => localName(c) === 'link');
    const alternate = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
    const url = alternate?.getAttribute('href') ?? '';
    const authors = children(entry, 'author').map((a) => childText(a, 'name')).filter(Boolean);
    return {
      guid: childText(entry, 'id') || url,
      url,
      title: childText(entry, 'title'),
      summary: childText(entry, 'summary'),
      contentHtml: childText(entry, 'content'),
      authors,
      publishedAt: isoDate(childText(entry, 'published', 'updated')),
    };
  });
  return { format: 'atom', title: childText(root, 'title'), items: entries.filter((i) => i.guid) };
}
