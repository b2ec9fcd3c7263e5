import { requireOnFirstUse } from '../shared/on-first-use.ts';
import { decodeBytes } from './charset.ts';
import { ExtractionError } from './extraction.ts';
import { MAX_FEED_CHARS, MAX_ITEMS, assertWellFormedXml, childText, children, isoDate, languageTag, localName } from './feed-common.ts';
import { parseNewsml } from './newsml-parser.ts';
import { parseNinjs } from './ninjs-parser.ts';

const linkedom = requireOnFirstUse<typeof import('linkedom')>('linkedom');

/** One entry of a wire feed, before it becomes a draft. */
export interface FeedItem {
  /** RSS guid, Atom id, ninjs uri or NewsML-G2 guid; the link when a feed gives none. */
  guid: string;
  url: string;
  title: string;
  summary: string;
  /**
   * Full text when the feed carries it (content:encoded, Atom content, ninjs bodies, NewsML-G2
   * contentSet), else empty. Untrusted: the queue sanitises it. Wire pictures travel here as
   * figures with caption and credit, and a NewsML-G2 dateline opens the first paragraph.
   */
  contentHtml: string;
  authors: string[];
  publishedAt: string | null;
  /** BCP 47 tag when the feed names one (RSS language, xml:lang, ninjs language), else empty. */
  language: string;
  /**
   * The time before which the story must not be published (ninjs `embargoed`, NewsML-G2
   * itemMeta `<embargoed>`), ISO 8601 in the agency's own offset; null when not embargoed.
   * RSS and Atom have no standard embargo, so their items never carry one.
   */
  embargoUntil: string | null;
  /**
   * The agency withdrew the story (ninjs pubstatus canceled/withheld, NewsML-G2 pubStatus
   * stat:canceled/withheld): a kill or withhold notice, reported so the queue can act on it
   * rather than dropped. Absent means false (RSS and Atom have no such notice).
   */
  withdrawn?: boolean;
  /** The agency's version number (ninjs `version`, NewsML-G2 `version` attribute); null when the format or feed has none. */
  version?: number | null;
  /** When this version was made (ninjs `versioncreated`, NewsML-G2 `<versionCreated>`), ISO 8601; null for RSS and Atom. */
  versionCreated?: string | null;
}

export type FeedFormat = 'rss' | 'atom' | 'ninjs' | 'newsml';

export interface ParsedFeed {
  format: FeedFormat;
  title: string;
  items: FeedItem[];
}

/**
 * Reads a wire feed of any supported kind, told apart by its content so providers need no format
 * setting: JSON is ninjs (1.x or 2.x); XML rooted at newsMessage/newsItem/packageItem is
 * NewsML-G2; rss/rdf/feed is RSS 2.0 (or RSS 1.0) and Atom. Bytes may be in any charset the XML declares.
 */
export function parseFeed(input: Uint8Array | string): ParsedFeed {
  const text = (typeof input === 'string' ? input : decodeBytes(input).text).replace(/^\ufeff/, '');
  if (!text.trim()) throw new ExtractionError('the feed is empty');
  if (text.length > MAX_FEED_CHARS) throw new ExtractionError(`the feed is larger than ${MAX_FEED_CHARS} characters`);
  if (/^\s*[[{]/.test(text)) return parseNinjs(text);
  if (!/^\s*</.test(text)) throw new ExtractionError('not a feed: neither XML (RSS, Atom, NewsML-G2) nor JSON (ninjs)');
  // The root is looked at first, so an HTML page (which is rarely well-formed XML) is called what it is.
  const declaredRoot = /<(?![?!])([A-Za-z_][\w.:-]*)/.exec(text.replace(/<!--[\s\S]*?-->/g, ''))?.[1] ?? '';
  if (!FEED_ROOTS.has(declaredRoot.toLowerCase().replace(/^.*:/, ''))) {
    throw new ExtractionError(`not a feed: the XML root is <${declaredRoot}>, not RSS, Atom or NewsML-G2`);
  }
  assertWellFormedXml(text);
  const doc = new (linkedom().DOMParser)().parseFromString(text, 'text/xml') as unknown as Document;
  const root = doc.documentElement;
  const rootName = localName(root);
  if (rootName === 'rss' || rootName === 'rdf') return parseRss(root);
  if (rootName === 'feed') return parseAtom(root);
  return parseNewsml(root);
}

const FEED_ROOTS = new Set(['rss', 'rdf', 'feed', 'newsmessage', 'newsitem', 'packageitem']);

function parseRss(root: Element): ParsedFeed {
  const channel = children(root, 'channel')[0] ?? root;
  const channelLanguage = languageTag(childText(channel, 'language', 'dc:language'));
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
      // A multilingual channel names each item's language with dc:language.
      language: languageTag(childText(item, 'dc:language', 'language')) || channelLanguage,
      embargoUntil: null,
      withdrawn: false,
      version: null,
      versionCreated: null,
    };
  });
  return { format: 'rss', title: childText(channel, 'title'), items: items.filter((i) => i.guid) };
}

function parseAtom(root: Element): ParsedFeed {
  const feedLanguage = languageTag(root.getAttribute('xml:lang'));
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
      language: languageTag(entry.getAttribute('xml:lang')) || feedLanguage,
      embargoUntil: null,
      withdrawn: false,
      version: null,
      versionCreated: null,
    };
  });
  return { format: 'atom', title: childText(root, 'title'), items: entries.filter((i) => i.guid) };
}
