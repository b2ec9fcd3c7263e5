import { ExtractionError } from './extraction.ts';
import { type FeedImage, MAX_ITEMS, bodyFragment, bylineNames, figuresHtml, isoDate, languageTag, latestPerGuid, plainTextToHtml, versionNumber } from './feed-common.ts';
import type { FeedItem, ParsedFeed } from './feed-parser.ts';

/**
 * IPTC ninjs (News in JSON), 1.x and 2.x. 1.x names fields singly (headline, body_html,
 * description_text, byline, renditions and associations as objects keyed by name); 2.x uses
 * arrays of {role, contenttype, value} (headlines, bodies, descriptions), `by`, and arrays of
 * named renditions and associations. Agencies' APIs wrap items in `items` or `data` arrays, and
 * some wrap each item once more under `item`.
 */

type Json = Record<string, unknown>;

/** How far wrappers ({data: {items: [{item: …}]}}) are followed; ninjs itself is never walked generically. */
const MAX_WRAPPER_DEPTH = 4;
const WRAPPER_KEYS = ['items', 'data', 'item', 'results'];

export function parseNinjs(text: string): ParsedFeed {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ExtractionError(`the feed is not valid JSON: ${error instanceof Error ? error.message : String(error)}`.replace(/\s+/g, ' '));
  }
  const objects = ninjsObjects(parsed, 0);
  // An API with nothing new answers with an empty list: a quiet wire, not a broken one.
  if (!objects.length && isEmptyList(parsed, 0)) return { format: 'ninjs', title: '', items: [] };
  if (!objects.length) throw new ExtractionError('the JSON holds no ninjs items (objects with a uri, headline or body)');
  // A withdrawn story (an agency's kill or withhold notice) is reported as such: the queue decides what it touches.
  const items = latestPerGuid(objects.map(toFeedItem)).slice(0, MAX_ITEMS);
  const title = isObject(parsed) ? (str(parsed.title) || str(parsed.name)) : '';
  return { format: 'ninjs', title: looksLikeNinjs(parsed) ? '' : title, items };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

function looksLikeNinjs(value: unknown): value is Json {
  if (!isObject(value)) return false;
  return ['uri', 'headline', 'headlines', 'body_html', 'body_text', 'body_xhtml', 'bodies'].some((key) => key in value);
}

/** The ninjs objects in a parsed document: one item, an array, or an API's envelope around them. */
function ninjsObjects(value: unknown, depth: number): Json[] {
  if (depth > MAX_WRAPPER_DEPTH) return [];
  if (Array.isArray(value)) {
    return value.slice(0, MAX_ITEMS * 2).flatMap((entry) => ninjsObjects(entry, depth + 1));
  }
  if (!isObject(value)) return [];
  if (looksLikeNinjs(value)) return [value];
  for (const key of WRAPPER_KEYS) {
    const found = ninjsObjects(value[key], depth + 1);
    if (found.length) return found;
  }
  return [];
}

function isEmptyList(value: unknown, depth: number): boolean {
  if (depth > MAX_WRAPPER_DEPTH) return false;
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && WRAPPER_KEYS.some((key) => isEmptyList(value[key], depth + 1));
}

function toFeedItem(o: Json): FeedItem {
  const body = bodyHtml(o);
  return {
    guid: str(o.uri) || str(o.guid) || str(o.id),
    url: pageUrl(o),
    title: headline(o),
    summary: description(o),
    contentHtml: body + figuresHtml(pictures(o, body)),
    authors: authors(o),
    publishedAt: isoDate(str(o.versioncreated) || str(o.firstcreated) || str(o.contentcreated)),
    language: languageTag(str(o.language)),
    // 1.x and 2.x both name it `embargoed` (a date-time, nar:embargoed); absent means not embargoed.
    embargoUntil: isoDate(str(o.embargoed)),
    withdrawn: /^(canceled|cancelled|withheld)$/i.test(str(o.pubstatus)),
    version: versionNumber(o.version),
    versionCreated: isoDate(str(o.versioncreated)),
  };
}

interface Part {
  role: string;
  contenttype: string;
  value: string;
}

/** 2.x {role, contenttype, value} arrays; plain strings tolerated. */
function parts(value: unknown): Part[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((p): Part => (isObject(p) ? { role: str(p.role), contenttype: str(p.contenttype) || str(p.mimetype), value: str(p.value) } : { role: '', contenttype: '', value: str(p) }))
    .filter((p) => p.value);
}

/** The main part: one whose role says so, else the first. */
function mainPart(list: Part[]): Part | undefined {
  return list.find((p) => /^(main|default|text)?$/i.test(p.role)) ?? list[0];
}

function headline(o: Json): string {
  return str(o.headline) || mainPart(parts(o.headlines))?.value || str(o.title) || str(o.slugline);
}

function description(o: Json): string {
  const fromList = parts(o.descriptions);
  const summary = fromList.find((p) => /summary|abstract|text|^$/i.test(p.role)) ?? fromList[0];
  return str(o.description_text) || str(o.description_html) || summary?.value || '';
}

const HTML_TYPE = /html/i;

/** The body as HTML: an HTML body if there is one (1.x body_html/body_xhtml, 2.x bodies), else the text one in paragraphs. */
function bodyHtml(o: Json): string {
  const html = str(o.body_html) || str(o.body_xhtml);
  if (html) return bodyFragment(html);
  const bodies = parts(o.bodies);
  const richest = bodies.find((b) => HTML_TYPE.test(b.contenttype)) ?? bodies.find((b) => /html/i.test(b.role) && !b.contenttype);
  if (richest) return bodyFragment(richest.value);
  const plain = str(o.body_text) || bodies.find((b) => !b.contenttype || /^text\/plain/i.test(b.contenttype))?.value || '';
  return plain ? plainTextToHtml(plain) : '';
}

/** Byline (1.x) or by (2.x), split on the conjunctions bylines use; else people whose relation says they wrote it. */
function authors(o: Json): string[] {
  const byline = str(o.byline) || str(o.by);
  const named = bylineNames(byline);
  // `people` are mostly who a story is about; only those marked as its authors count here.
  const people = [...(Array.isArray(o.people) ? o.people : []), ...(Array.isArray(o.person) ? o.person : [])]
    .filter((p): p is Json => isObject(p) && /author|creator|byline|writer|contributor/i.test(`${str(p.rel)} ${str(p.role)}`))
    .map((p) => str(p.name))
    .filter(Boolean);
  return [...new Set([...named, ...people])];
}

/** An explicit link to the story's page (2.x links, some APIs' url); a ninjs uri is an identifier, not a page. */
function pageUrl(o: Json): string {
  const links = Array.isArray(o.links) ? o.links.filter(isObject) : [];
  const link = links.find((l) => /canonical|alternate|self|irel:seeAlso|^$/i.test(str(l.rel)) && /^https?:\/\//i.test(str(l.href)));
  const page = renditions(o).find((r) => /html/i.test(r.contenttype));
  const candidates = [str(link?.href), str(o.url), str(o.link), str(o.href), page?.href ?? ''];
  return candidates.find((c) => /^https?:\/\//i.test(c)) ?? '';
}

interface Rendition {
  name: string;
  href: string;
  contenttype: string;
  width: number;
}

/** 1.x renditions are an object keyed by name, 2.x an array of named ones. */
function renditions(o: Json): Rendition[] {
  const raw = Array.isArray(o.renditions) ? o.renditions : isObject(o.renditions) ? Object.entries(o.renditions).map(([name, r]) => (isObject(r) ? { name, ...r } : r)) : [];
  return raw.filter(isObject).map((r) => ({
    name: str(r.name) || str(r.usage),
    href: str(r.href),
    contenttype: str(r.contenttype) || str(r.mimetype),
    width: Number(r.width) || 0,
  }));
}

/** The picture to show: the widest image rendition up to 2000 px (large enough for a figure, not a print master). */
function bestImage(o: Json): string {
  const images = renditions(o).filter((r) => /^https?:\/\//i.test(r.href) && (/^image\//i.test(r.contenttype) || /\.(jpe?g|png|webp|gif)(\?|$)/i.test(r.href)));
  const fitting = images.filter((r) => r.width && r.width <= 2000).sort((a, b) => b.width - a.width);
  return (fitting[0] ?? images.find((r) => !r.width) ?? images[0])?.href ?? '';
}

function isPicture(o: Json): boolean {
  return /picture|graphic/i.test(str(o.type)) || /^image\//i.test(str(o.mimetype) || str(o.contenttype));
}

/** 1.x associations are an object keyed by name, 2.x an array whose members carry their name. */
function associations(o: Json): Array<{ name: string; item: Json }> {
  if (Array.isArray(o.associations)) return o.associations.filter(isObject).map((item) => ({ name: str(item.name), item }));
  if (isObject(o.associations)) return Object.entries(o.associations).flatMap(([name, item]) => (isObject(item) ? [{ name, item }] : []));
  return [];
}

/**
 * Pictures among the associations (and the item itself when it is a picture), with caption and
 * credit; one the body already shows (by its URL, uri or association name) is not added twice.
 */
function pictures(o: Json, body: string): FeedImage[] {
  const candidates = [...(isPicture(o) ? [{ name: '', item: o }] : []), ...associations(o).filter((a) => isPicture(a.item) || bestImage(a.item))];
  const images: FeedImage[] = [];
  for (const { name, item } of candidates.slice(0, 20)) {
    const url = bestImage(item);
    if (!url || body.includes(url) || (name && body.includes(`"${name}"`)) || (str(item.uri) && body.includes(str(item.uri)))) continue;
    const caption = str(item.description_text) || description(item) || str(item.body_text) || (item === o ? '' : headline(item));
    images.push({ url, caption: caption.replace(/<[^>]+>/g, '').trim(), credit: str(item.creditline) || str(item.byline) || str(item.by) || str(item.copyrightholder) });
  }
  return images;
}
