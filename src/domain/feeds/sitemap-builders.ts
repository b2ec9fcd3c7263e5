import { escapeXml } from './xml.ts';

/** The sitemap protocol's limit on URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News sitemaps: at most 1,000 URLs, articles of the last two days. */
export const NEWS_SITEMAP_MAX_URLS = 1_000;
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 3600 * 1000;

export interface SitemapRef {
  url: string;
  lastmod?: string;
}

export function buildSitemapIndex(sitemaps: readonly SitemapRef[]): string {
  const entries = sitemaps.map(
    (s) => `<sitemap><loc>${escapeXml(s.url)}</loc>${s.lastmod ? `<lastmod>${new Date(s.lastmod).toISOString()}</lastmod>` : ''}</sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</sitemapindex>\n`;
}

/** The opening of a URL set; a month's sitemap streams URL lines between this and the footer. */
export const URLSET_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
export const URLSET_FOOTER = '</urlset>\n';

export function sitemapUrl(loc: string, lastmod?: string): string {
  return `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${new Date(lastmod).toISOString()}</lastmod>` : ''}</url>\n`;
}

/** Streams a complete URL set from an async source of URL lines, so memory stays flat. */
export async function* streamUrlset(lines: AsyncIterable<string>): AsyncGenerator<string> {
  yield URLSET_HEADER;
  for await (const line of lines) yield line;
  yield URLSET_FOOTER;
}

export interface NewsSitemapItem {
  url: string;
  title: string;
  publishedAt: string;
}

/** Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap). */
export function buildNewsSitemap(items: readonly NewsSitemapItem[], publication: { name: string; language: string }): string {
  const name = escapeXml(publication.name);
  const language = escapeXml(publication.language);
  const urls = items.slice(0, NEWS_SITEMAP_MAX_URLS).map(
    (item) =>
      `<url><loc>${escapeXml(item.url)}</loc><news:news><news:publication><news:name>${name}</news:name><news:language>${language}</news:language></news:publication><news:publication_date>${new Date(item.publishedAt).toISOString()}</news:publication_date><news:title>${escapeXml(item.title)}</news:title></news:news></url>\n`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('')}</urlset>\n`;
}

/** Google News wants ISO 639 codes, with zh-cn / zh-tw for Chinese. */
export function newsLanguage(locale: string): string {
  return locale.toLowerCase() === 'zh-cn' ? 'zh-cn' : locale.toLowerCase().split('-')[0] ?? 'en';
}

/** "2025-05" → the UTC bounds of that month, or undefined for anything that is not a real month. */
export function monthBounds(month: string): { from: string; to: string } | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return undefined;
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  if (index < 0 || index > 11 || year < 1970 || year > 9999) return undefined;
  return { from: new Date(Date.UTC(year, index, 1)).toISOString(), to: new Date(Date.UTC(year, index + 1, 1)).toISOString() };
}
