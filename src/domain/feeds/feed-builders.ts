import { escapeXml, rfc822 } from './xml.ts';

/** One entry of a feed; every URL is absolute. */
export interface FeedItem {
  id: number;
  url: string;
  title: string;
  summary: string;
  /** Sanitised article HTML, present when the site publishes full text. */
  contentHtml?: string;
  publishedAt: string;
  updatedAt: string;
  authors: string[];
  category?: string;
  image?: { url: string; type: string; width: number; height: number };
}

/** A whole feed: the site's or one channel's. */
export interface FeedData {
  title: string;
  description: string;
  /** The page the feed stands for (home or channel page), absolute. */
  homeUrl: string;
  /** The feed's own URL, absolute. */
  selfUrl: string;
  language: string;
  /** Newest item time, or now for an empty feed. */
  updatedAt: string;
  items: FeedItem[];
}

/** RSS 2.0 with content:encoded for full text and dc:creator for bylines (RSS's <author> wants e-mail). */
export function buildRss(feed: FeedData): string {
  const items = feed.items.map((item) =>
    [
      '<item>',
      `<title>${escapeXml(item.title)}</title>`,
      `<link>${escapeXml(item.url)}</link>`,
      `<guid isPermaLink="true">${escapeXml(item.url)}</guid>`,
      `<pubDate>${rfc822(item.publishedAt)}</pubDate>`,
      ...item.authors.map((a) => `<dc:creator>${escapeXml(a)}</dc:creator>`),
      item.category ? `<category>${escapeXml(item.category)}</category>` : '',
      `<description>${escapeXml(item.summary)}</description>`,
      item.contentHtml ? `<content:encoded>${escapeXml(item.contentHtml)}</content:encoded>` : '',
      item.image ? `<enclosure url="${escapeXml(item.image.url)}" length="0" type="${escapeXml(item.image.type)}"/>` : '',
      '</item>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${escapeXml(feed.title)}</title>`,
    `<link>${escapeXml(feed.homeUrl)}</link>`,
    `<description>${escapeXml(feed.description)}</description>`,
    `<language>${escapeXml(feed.language)}</language>`,
    `<lastBuildDate>${rfc822(feed.updatedAt)}</lastBuildDate>`,
    `<atom:link href="${escapeXml(feed.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel></rss>\n',
  ].join('');
}

/** Atom 1.0 (RFC 4287): entries carry published and updated separately. */
export function buildAtom(feed: FeedData): string {
  const entries = feed.items.map((item) =>
    [
      '<entry>',
      `<title>${escapeXml(item.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
      `<id>${escapeXml(item.url)}</id>`,
      `<published>${new Date(item.publishedAt).toISOString()}</published>`,
      `<updated>${new Date(item.updatedAt).toISOString()}</updated>`,
      ...item.authors.map((a) => `<author><name>${escapeXml(a)}</name></author>`),
      item.category ? `<category term="${escapeXml(item.category)}"/>` : '',
      `<summary>${escapeXml(item.summary)}</summary>`,
      item.contentHtml ? `<content type="html">${escapeXml(item.contentHtml)}</content>` : '',
      item.image ? `<link rel="enclosure" type="${escapeXml(item.image.type)}" href="${escapeXml(item.image.url)}"/>` : '',
      '</entry>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    `<title>${escapeXml(feed.title)}</title>`,
    `<subtitle>${escapeXml(feed.description)}</subtitle>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.homeUrl)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `<id>${escapeXml(feed.selfUrl)}</id>`,
    `<updated>${new Date(feed.updatedAt).toISOString()}</updated>`,
    ...entries,
    '</feed>\n',
  ].join('');
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function buildJsonFeed(feed: FeedData): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: feed.description,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    language: feed.language,
    items: feed.items.map((item) => ({
      id: String(item.id),
      url: item.url,
      title: item.title,
      summary: item.summary,
      ...(item.contentHtml ? { content_html: item.contentHtml } : { content_text: item.summary }),
      date_published: new Date(item.publishedAt).toISOString(),
      date_modified: new Date(item.updatedAt).toISOString(),
      ...(item.authors.length ? { authors: item.authors.map((name) => ({ name })) } : {}),
      ...(item.category ? { tags: [item.category] } : {}),
      ...(item.image ? { image: item.image.url } : {}),
    })),
  });
}
