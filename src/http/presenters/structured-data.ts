import type { PublishedArticle } from '../../domain/articles/article.ts';
import { textOf } from '../../domain/feeds/xml.ts';
import type { StructuredData } from '../../views/pages/article-page.tsx';
import type { Crumb } from '../../views/view-models.ts';
import type { SiteContext } from '../site-context.ts';

const FIRST_IMAGE = /<img\b[^>]*?\ssrc="([^"]+)"/;
const DESCRIPTION_CHARS = 120;

/**
 * schema.org NewsArticle + BreadcrumbList, Open Graph and Twitter card for one article. `origin`
 * makes URLs absolute (the configured site address, else the request's).
 */
export function presentStructuredData(context: SiteContext, article: PublishedArticle, crumbs: Crumb[], origin: string): StructuredData {
  const { settings } = context;
  const absolute = (url: string) => (/^https?:\/\//.test(url) ? url : origin + url);
  const url = absolute(context.urls.article(article));
  const image = FIRST_IMAGE.exec(article.bodyHtml)?.[1];
  const imageUrl = image ? absolute(image.replace(/&amp;/g, '&')) : undefined;
  const description = article.summary || leadText(article.bodyHtml, DESCRIPTION_CHARS);
  const publisher = {
    '@type': 'Organization',
    name: settings.name,
    ...(settings.logoUrl ? { logo: { '@type': 'ImageObject', url: absolute(settings.logoUrl) } } : {}),
  };
  const authors = article.reporters.length
    ? article.reporters.map((name) => ({ '@type': 'Person', name }))
    : [article.isOriginal || !article.sourceName ? publisher : { '@type': 'Organization', name: article.sourceName }];
  const newsArticle = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: url,
    headline: article.title.slice(0, 110),
    description,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    author: authors,
    publisher,
    ...(imageUrl ? { image: [imageUrl] } : {}),
    articleSection: context.tree.byId.get(article.channelId)?.name,
    inLanguage: settings.locale,
  };
  const breadcrumbs = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.url ? crumb.name : article.title,
      item: crumb.url ? absolute(crumb.url) : url,
    })),
  };
  return {
    safeJsonLd: serialiseJsonLd([newsArticle, breadcrumbs]),
    meta: [
      { attr: 'property', key: 'og:type', content: 'article' },
      { attr: 'property', key: 'og:site_name', content: settings.name },
      { attr: 'property', key: 'og:locale', content: settings.locale.replace('-', '_') },
      { attr: 'property', key: 'og:title', content: article.title },
      { attr: 'property', key: 'og:description', content: description },
      { attr: 'property', key: 'og:url', content: url },
      ...(imageUrl ? [{ attr: 'property' as const, key: 'og:image', content: imageUrl }] : []),
      { attr: 'property', key: 'article:published_time', content: article.publishedAt },
      { attr: 'property', key: 'article:modified_time', content: article.updatedAt },
      { attr: 'name', key: 'twitter:card', content: imageUrl ? 'summary_large_image' : 'summary' },
      { attr: 'name', key: 'twitter:title', content: article.title },
      { attr: 'name', key: 'twitter:description', content: description },
      ...(imageUrl ? [{ attr: 'name' as const, key: 'twitter:image', content: imageUrl }] : []),
    ],
  };
}

/**
 * `textOf(html, maxChars)` of a body, reading only as much of it as the first `maxChars`
 * characters of text need: textOf strips and unescapes the whole string in several passes, and
 * a long story would pay for all of it on every render. A prefix cut outside a tag, whose text
 * runs well past `maxChars` (a cut entity is at most a few characters), gives the same answer.
 */
export function leadText(html: string, maxChars: number): string {
  for (let size = 4 * maxChars; size < html.length; size *= 4) {
    let prefix = html.slice(0, size);
    const open = prefix.lastIndexOf('<');
    if (open > prefix.lastIndexOf('>')) prefix = prefix.slice(0, open);
    if (textOf(prefix, Number.POSITIVE_INFINITY).length > maxChars + 8) return textOf(prefix, maxChars);
  }
  return textOf(html, maxChars);
}

/**
 * JSON inside <script> must not contain "</script>" or "<!--": every <, > and & is written as a
 * \u escape (still the same JSON), and so are U+2028/U+2029 for old JavaScript parsers.
 */
export function serialiseJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
