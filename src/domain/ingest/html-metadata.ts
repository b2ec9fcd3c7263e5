import { type FoundDate, findDates, parseMachineDate } from './date-parse.ts';
import { splitNames } from './bylines.ts';

/** `<meta>` values by lower-cased name, property or itemprop (first one wins). */
export function collectMeta(metas: Element[]): Map<string, string> {
  const meta = new Map<string, string>();
  for (const el of metas) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = (el.getAttribute('content') ?? '').trim();
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  return meta;
}

/** The article object of JSON-LD blocks (NewsArticle, Article, BlogPosting…), if any. */
export interface LinkedData {
  headline?: string;
  datePublished?: string;
  authors: string[];
  publisher?: string;
  /** An organisation given as the author (often the site itself): never a writer; the source when nothing else names one. */
  authorOrganisation?: string;
}

const ARTICLE_TYPES = /Article|Posting|Report|WebPage/;

export function collectLinkedData(jsonTexts: string[]): LinkedData {
  const out: LinkedData = { authors: [] };
  for (const json of jsonTexts) {
    const items = parseJsonItems(json);
    for (const item of items) {
      const type = String(item['@type'] ?? '');
      if (!ARTICLE_TYPES.test(type)) continue;
      out.headline ??= stringOf(item.headline);
      out.datePublished ??= stringOf(item.datePublished);
      if (!out.authors.length) out.authors = namesOf(item.author, 'people');
      out.authorOrganisation ??= namesOf(item.author, 'organisations')[0];
      out.publisher ??= namesOf(item.publisher)[0];
    }
  }
  return out;
}

function parseJsonItems(text: string): Array<Record<string, unknown>> {
  try {
    // XHTML-minded templates wrap the JSON in a CDATA section, sometimes behind // comments.
    const json = text.replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '').replace(/(?:\/\/\s*)?\]\]>\s*$/, '');
    const value = parseLeniently(json);
    const list = Array.isArray(value) ? value : [value];
    return list.flatMap((v) => {
      if (!v || typeof v !== 'object') return [];
      const graph = (v as Record<string, unknown>)['@graph'];
      return Array.isArray(graph) ? (graph as Array<Record<string, unknown>>) : [v as Record<string, unknown>];
    });
  } catch {
    return [];
  }
}

/**
 * JSON as templates write it: raw line breaks inside strings (a description pasted in) and commas before a
 * closing bracket are common, and browsers' consumers (search engines) tolerate them; so do we.
 */
function parseLeniently(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    // Control characters are whitespace outside strings and invalid inside them: a space is right either way.
    return JSON.parse(json.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
  }
}

function stringOf(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** Names in a schema.org value; `people` leaves out those typed as organisations, `organisations` keeps only them. */
function namesOf(v: unknown, only: 'any' | 'people' | 'organisations' = 'any'): string[] {
  if (typeof v === 'string') return only === 'organisations' ? [] : [v.trim()].filter(Boolean);
  if (Array.isArray(v)) return v.flatMap((item) => namesOf(item, only));
  if (v && typeof v === 'object') {
    const record = v as Record<string, unknown>;
    const isOrganisation = /Organization|Corporation/.test(String(record['@type'] ?? ''));
    if ((only === 'people' && isOrganisation) || (only === 'organisations' && !isOrganisation)) return [];
    const name = record.name;
    return typeof name === 'string' && name.trim() ? [name.trim()] : [];
  }
  return [];
}

const DATE_META_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'publishdate',
  'publish-date',
  'publish_date',
  'pubdate',
  'pub_date',
  'publication_date',
  'published_time',
  'published-date',
  'og:published_time',
  'og:release_date',
  'release_date',
  'article.published',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'dcterms.date',
  'sailthru.date',
  'parsely-pub-date',
  'weibo:article:create_at',
  'firstpublishedtime',
  'createdate',
  'date',
];

/** Names CMSs invent for the same thing (pdate, ptime, apub:time, og:pubdate, published_at, article_date_original). */
const DATE_META_NAME_RE = /pub(lish|lished|lication)?[:._-]?(date|time|at)$|(^|[:._-])p(date|time)$|date[_-]?original$/;

/**
 * A publish date declared for machines: the publish-time meta tag or JSON-LD's datePublished, the earlier when
 * both are there; then meta tags with a publish-time name we do not list.
 */
export function findMachineDate(meta: Map<string, string>, ld: LinkedData): FoundDate | null {
  const fromLd = ld.datePublished ? parseMachineDate(ld.datePublished) : null;
  for (const key of DATE_META_KEYS) {
    const v = meta.get(key);
    const d = v ? parseMachineDate(v) : null;
    // A story is published once: when the tags and the structured data disagree, the later one is an update.
    if (d) return fromLd && isEarlier(fromLd, d) ? fromLd : d;
  }
  if (fromLd) return fromLd;
  for (const [key, v] of meta) {
    const d = DATE_META_NAME_RE.test(key) ? parseMachineDate(v) : null;
    if (d) return d;
  }
  return null;
}

/** Whether `a` is before `b`; a date without a time is before only a later day, so it never replaces a time of its own day. */
function isEarlier(a: FoundDate, b: FoundDate): boolean {
  if (a.hour === null || b.hour === null) return Date.UTC(a.year, a.month - 1, a.day) < Date.UTC(b.year, b.month - 1, b.day);
  return instant(a) < instant(b);
}

/** Milliseconds since the epoch, reading a date without offset as UTC: enough to order two dates of one page. */
function instant(d: FoundDate): number {
  return Date.UTC(d.year, d.month - 1, d.day, d.hour ?? 0, (d.minute ?? 0) - (d.offsetMinutes ?? 0), d.second ?? 0);
}

const DATE_LABEL_RE = /(发布时间|发表时间|发布日期|时间|日期|发表于|发布于|Published|Posted|Updated)/i;

/**
 * The article's date from its visible text, in order of trust: a labelled date (发布时间:) in the
 * header, any date in the header, the date closest before the body starts, a labelled or timed
 * stamp anywhere, and only then dates inside the body (they name events, not publication).
 */
export function findTextDate(headerText: string, bodyStartText: string, pageText: () => string): FoundDate | null {
  const header = findDates(headerText);
  const labelled = header.find((d) => isLabelled(headerText, d));
  if (labelled ?? header[0]) return labelled ?? header[0] ?? null;
  const page = pageText();
  const bodyPos = findIgnoringSpaces(page, bodyStartText.slice(0, 40));
  if (bodyPos > 0) {
    const windowStart = Math.max(0, bodyPos - 300);
    const before = findDates(page.slice(windowStart, bodyPos));
    const closest = before.at(-1);
    if (closest) return closest;
  }
  const all = findDates(page);
  return all.find((d) => isLabelled(page, d)) ?? all.find((d) => d.hour !== null) ?? null;
}

/** The last resort: a date the story's text itself names (they name events, not publication), else any on the page. */
export function findBodyDate(bodyStartText: string, pageText: () => string): FoundDate | null {
  return findDates(bodyStartText)[0] ?? findDates(pageText())[0] ?? null;
}

/**
 * Where a snippet of the body starts in the page text, comparing without whitespace (block
 * boundaries add or drop spaces), and long enough not to be found in a headline the body repeats.
 */
function findIgnoringSpaces(page: string, snippet: string): number {
  const probe = snippet.replace(/\s+/g, '');
  if (probe.length < 6) return -1;
  const k = page.replace(/\s+/g, '').indexOf(probe);
  if (k < 0) return -1;
  let seen = 0;
  for (let i = 0; i < page.length; i++) {
    if (/\s/.test(page[i] ?? '')) continue;
    if (seen === k) return i;
    seen++;
  }
  return -1;
}

function isLabelled(text: string, d: FoundDate): boolean {
  return DATE_LABEL_RE.test(text.slice(Math.max(0, d.index - 12), d.index));
}

/** Dates written into article URLs: /2019/09/07/, /20190907/, -2019-09-07-. */
export function findUrlDate(url: string): FoundDate | null {
  const m = /(?:^|[/_-])((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|\d|$)/.exec(url);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: null, minute: null, second: null, offsetMinutes: null, index: 0 };
}

// Scholarly pages (Highwire/Google Scholar tags) name their authors in citation_* tags.
const AUTHOR_META_KEYS = ['citation_author', 'citation_authors', 'author', 'article:author', 'byl', 'dc.creator', 'sailthru.author', 'parsely-author', 'og:article:author', 'twitter:creator'];

/** Authors declared for machines; URLs and handles are not names. */
export function findMachineAuthors(meta: Map<string, string>, ld: LinkedData): string[] {
  const fromLd = ld.authors.filter(isNameLike);
  if (fromLd.length) return fromLd;
  for (const key of AUTHOR_META_KEYS) {
    const v = meta.get(key);
    if (v && isNameLike(v)) return /[\u4e00-\u9fff]/.test(v) ? splitNames(joinSpacedHan(v)) : [v.replace(/^by\s+/i, '').trim()];
  }
  // WordPress SEO plugins label the byline for link previews: twitter:label1 "Written by", twitter:data1 the name.
  for (let n = 1; n <= 4; n++) {
    const label = meta.get(`twitter:label${n}`) ?? '';
    const value = meta.get(`twitter:data${n}`) ?? '';
    if (/^(written by|author|by|作者)$/i.test(label.trim()) && isNameLike(value)) return [value.trim()];
  }
  return [];
}

function isNameLike(v: string): boolean {
  return v.length >= 2 && v.length <= 120 && !/^https?:|^@|www\.|\.com/.test(v);
}

/** 赵  培 → 赵培: single characters spaced apart are one name, not two. */
function joinSpacedHan(v: string): string {
  const tokens = v.trim().split(/\s+/);
  return tokens.length > 1 && tokens.every((t) => /^[\u4e00-\u9fff]$/.test(t)) ? tokens.join('') : v;
}
