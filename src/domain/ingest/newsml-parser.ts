import {
  type FeedImage,
  MAX_ITEMS,
  bodyFragment,
  bylineNames,
  childText,
  children,
  directChildren,
  figuresHtml,
  firstDescendant,
  isoDate,
  languageTag,
  latestPerGuid,
  localName,
  plainTextToHtml,
  versionNumber,
  withDateline,
} from './feed-common.ts';
import type { FeedItem, ParsedFeed } from './feed-parser.ts';

/**
 * IPTC NewsML-G2: a newsMessage whose itemSet holds newsItems and packageItems, or one item on
 * its own. Elements are matched by local name, so any namespace prefix (or none) reads the same.
 * Text items become queue items; picture items become figures of the text item a package puts
 * them with, or items of their own when no package does.
 */
export function parseNewsml(root: Element): ParsedFeed {
  const rootName = localName(root);
  const itemSet = rootName === 'newsmessage' ? (directChildren(root, 'itemset')[0] ?? root) : undefined;
  const elements = itemSet ? Array.from(itemSet.children).slice(0, MAX_ITEMS * 4) : [root];
  const newsItems = elements.filter((el) => localName(el) === 'newsitem').map(readNewsItem);
  const packages = elements.filter((el) => localName(el) === 'packageitem').map(packageRefs);

  const byGuid = new Map(newsItems.map((item) => [item.guid, item]));
  const placed = new Set<string>();
  for (const refs of packages) {
    const members = refs.map((guid) => byGuid.get(guid)).filter((item): item is NewsItem => Boolean(item));
    const story = members.find((item) => !item.isPicture);
    if (!story) continue;
    for (const member of members) {
      // A killed picture stays an item of its own, so the queue hears of the kill; it shows in no story.
      if (member === story || !member.isPicture || member.withdrawn) continue;
      story.images.push(...member.images);
      placed.add(member.guid);
    }
  }

  const unplaced = newsItems.filter((item) => !placed.has(item.guid)).map(toFeedItem);
  const items = latestPerGuid(unplaced).slice(0, MAX_ITEMS);
  const header = itemSet ? directChildren(root, 'header')[0] : undefined;
  return { format: 'newsml', title: header ? childText(header, 'origin', 'sender') : '', items };
}

interface NewsItem {
  guid: string;
  isPicture: boolean;
  /** pubStatus canceled or withheld: an agency's kill or withhold notice. */
  withdrawn: boolean;
  item: Omit<FeedItem, 'contentHtml'>;
  bodyHtml: string;
  dateline: string;
  images: FeedImage[];
}

function toFeedItem(n: NewsItem): FeedItem {
  return { ...n.item, withdrawn: n.withdrawn, contentHtml: withDateline(n.bodyHtml, n.dateline) + figuresHtml(n.images) };
}

function readNewsItem(el: Element): NewsItem {
  const itemMeta = directChildren(el, 'itemmeta')[0];
  const contentMeta = directChildren(el, 'contentmeta')[0];
  const contentSet = directChildren(el, 'contentset')[0];
  const itemClass = itemMeta ? (directChildren(itemMeta, 'itemclass')[0]?.getAttribute('qcode') ?? '') : '';
  const title = contentMeta ? mainText(contentMeta, 'headline') || childText(contentMeta, 'slugline') : '';
  const summary = contentMeta ? mainText(contentMeta, 'description') : '';
  const credit = contentMeta ? childText(contentMeta, 'creditline', 'by') : '';
  const remote = contentSet ? directChildren(contentSet, 'remotecontent') : [];
  const body = contentSet ? inlineBody(contentSet) : undefined;
  // No itemClass: a contentSet of pictures and no text is a picture item all the same.
  const isPicture = /picture|graphic/i.test(itemClass) || (!itemClass && body === undefined && remote.some(isImageContent));
  const imageHref = pickImage(remote);
  // A picture item's own metadata describes its picture; a text item's describes the story, not the picture.
  const image: FeedImage = { url: imageHref, caption: isPicture ? summary || title : '', credit: isPicture ? credit : '' };
  const guid = el.getAttribute('guid')?.trim() ?? '';
  return {
    guid,
    isPicture,
    withdrawn: /:(canceled|withheld)$/i.test((itemMeta && directChildren(itemMeta, 'pubstatus')[0]?.getAttribute('qcode')) || ''),
    item: {
      guid,
      url: itemMeta ? pageLink(itemMeta) : '',
      title,
      summary,
      authors: contentMeta ? authorsOf(contentMeta) : [],
      publishedAt: itemMeta || contentMeta ? isoDate(firstDate(itemMeta, contentMeta)) : null,
      language: languageOf(el, contentMeta, contentSet),
      embargoUntil: itemMeta ? isoDate(childText(itemMeta, 'embargoed')) : null,
      version: versionNumber(el.getAttribute('version')),
      versionCreated: itemMeta ? isoDate(childText(itemMeta, 'versioncreated')) : null,
    },
    bodyHtml: body ?? '',
    dateline: contentMeta ? childText(contentMeta, 'dateline') : '',
    images: imageHref ? [image] : [],
  };
}

/**
 * The item's language: xml:lang on the item, then on contentMeta, then contentMeta's
 * `<language tag>`, then xml:lang on the inline content (or the XHTML root inside it).
 */
function languageOf(item: Element, contentMeta: Element | undefined, contentSet: Element | undefined): string {
  const inline = contentSet ? [...directChildren(contentSet, 'inlinexml'), ...directChildren(contentSet, 'inlinedata')] : [];
  const candidates = [
    item.getAttribute('xml:lang'),
    contentMeta?.getAttribute('xml:lang'),
    contentMeta ? directChildren(contentMeta, 'language')[0]?.getAttribute('tag') : undefined,
    ...inline.flatMap((el) => [el.getAttribute('xml:lang'), el.children[0]?.getAttribute('xml:lang')]),
  ];
  for (const candidate of candidates) {
    const tag = languageTag(candidate);
    if (tag) return tag;
  }
  return '';
}

/** The element of that name with no role or a main/summary role, else the first. */
function mainText(parent: Element, name: string): string {
  const found = directChildren(parent, name);
  const main = found.find((el) => /^(|.*:(main|summary|caption))$/i.test(el.getAttribute('role') ?? '')) ?? found[0];
  return main?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function firstDate(itemMeta: Element | undefined, contentMeta: Element | undefined): string {
  return (itemMeta && childText(itemMeta, 'versioncreated', 'firstcreated')) || (contentMeta && childText(contentMeta, 'contentcreated')) || '';
}

/** `<by>` is the byline; creators are named in a `<name>` child or a literal attribute. */
function authorsOf(contentMeta: Element): string[] {
  const by = bylineNames(childText(contentMeta, 'by'));
  const creators = directChildren(contentMeta, 'creator').map((c) => childText(c, 'name') || c.getAttribute('literal') || '');
  return [...new Set([...by, ...creators].map((name) => name.trim()).filter(Boolean))];
}

/** A link to the story's web page, when itemMeta gives one. */
function pageLink(itemMeta: Element): string {
  const links = directChildren(itemMeta, 'link').filter((l) => /^https?:\/\//i.test(l.getAttribute('href') ?? ''));
  const page = links.find((l) => /seealso|canonical|alternate|^$/i.test(l.getAttribute('rel') ?? ''));
  return page?.getAttribute('href') ?? '';
}

/**
 * The body from a contentSet: XHTML in inlineXML (its `<body>`, or NITF's body.content) first,
 * then inlineData (HTML if its content type says so, else plain text in paragraphs).
 */
function inlineBody(contentSet: Element): string | undefined {
  const xml = directChildren(contentSet, 'inlinexml')[0];
  if (xml) {
    const body = firstDescendant(xml, 'body.content') ?? firstDescendant(xml, 'body') ?? xml;
    return bodyFragment(markupOf(body));
  }
  const data = directChildren(contentSet, 'inlinedata');
  const html = data.find((d) => /html/i.test(d.getAttribute('contenttype') ?? ''));
  if (html) return bodyFragment(html.textContent ?? '');
  const plain = data.find((d) => !/xml|json/i.test(d.getAttribute('contenttype') ?? ''));
  return plain ? plainTextToHtml(plain.textContent ?? '') : undefined;
}

function isImageContent(el: Element): boolean {
  return /^image\//i.test(el.getAttribute('contenttype') ?? '') || /\.(jpe?g|png|webp|gif)(\?|$)/i.test(el.getAttribute('href') ?? '');
}

/** The widest picture up to 2000 px wide among remoteContent renditions (a figure, not a print master). */
function pickImage(remote: Element[]): string {
  const images = remote
    .filter((r) => isImageContent(r) && /^https?:\/\//i.test(r.getAttribute('href') ?? ''))
    .map((r) => ({ href: r.getAttribute('href') ?? '', width: Number(r.getAttribute('width')) || 0 }));
  const fitting = images.filter((r) => r.width && r.width <= 2000).sort((a, b) => b.width - a.width);
  return (fitting[0] ?? images.find((r) => !r.width) ?? images[0])?.href ?? '';
}

/** The guids a package groups, in its order. */
function packageRefs(el: Element): string[] {
  return children(el, 'itemref', MAX_ITEMS).map((ref) => ref.getAttribute('residref') ?? '').filter(Boolean);
}

/**
 * An element's content as HTML with local names: `<h:p>` in prefixed XHTML becomes `<p>`, which
 * the sanitiser keeps (it would drop the prefixed tag and run the paragraphs together).
 * Recursion is bounded: the XML was checked to nest no deeper than MAX_XML_DEPTH.
 */
const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'wbr']);

function markupOf(el: Element): string {
  let out = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) out += escapeText(node.textContent ?? '');
    else if (node.nodeType === 4) out += escapeText(node.textContent ?? '');
    else if (node.nodeType === 1) {
      const child = node as Element;
      const name = localName(child);
      const attributes = Array.from(child.attributes)
        .filter((a) => !/^xmlns(:|$)/i.test(a.name))
        .map((a) => ` ${a.name.replace(/^.*:/, '')}="${escapeText(a.value).replace(/"/g, '&quot;')}"`)
        .join('');
      out += VOID_ELEMENTS.has(name) ? `<${name}${attributes}>` : `<${name}${attributes}>${markupOf(child)}</${name}>`;
    }
  }
  return out;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
