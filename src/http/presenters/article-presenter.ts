import { escapeHtml } from '@kitajs/html';
import type { ArticleSummary } from '../../domain/articles/article.queries.ts';
import type { PublishedArticle } from '../../domain/articles/article.ts';
import type { MediaRow } from '../../db/schema.ts';
import { formatMinute } from '../../domain/shared/time.ts';
import type { ArticlePageProps } from '../../views/pages/article-page.tsx';
import { type SiteContext, chromeFor, toLinkItem } from '../site-context.ts';
import { presentStructuredData } from './structured-data.ts';
import { toImageView } from './image-view.ts';

export interface ArticlePageData {
  article: PublishedArticle;
  previous?: ArticleSummary;
  next?: ArticleSummary;
  related: ArticleSummary[];
  /** Media rows of the body's figures (see figureMediaIds), for responsive images. */
  media?: ReadonlyMap<number, MediaRow>;
  /** scheme://host for absolute URLs in structured data and sharing tags. */
  origin: string;
}

/** Shapes a published article and its surroundings into the article page's props. */
export function presentArticlePage(context: SiteContext, data: ArticlePageData): ArticlePageProps {
  const { article } = data;
  const { settings, tree, urls, t } = context;
  const channelUrl = urls.channel(article.channelId);
  const ownSource = article.isOriginal || !article.sourceName;
  const crumbs = [
    { name: t('home'), url: '/' },
    ...tree.ancestry(article.channelId).map((channel) => ({ name: channel.name, url: urls.channel(channel.id) })),
    { name: t('body') },
  ];
  return {
    chrome: chromeFor(context, article.channelId, channelUrl),
    head: {
      title: article.title,
      description: article.summary || undefined,
      canonicalUrl: urls.article(article),
    },
    crumbs,
    structuredData: presentStructuredData(context, article, crumbs, data.origin),
    article: {
      title: article.title,
      subtitle: article.subtitle,
      sourceLabel: ownSource ? settings.ownSourceLabel : article.sourceName,
      sourceUrl: ownSource ? '' : article.sourceUrl,
      isOriginal: ownSource,
      originalTitle: article.originalTitle,
      originalAuthor: article.originalAuthor,
      time: formatMinute(article.publishedAt, settings.timeZone),
      isoTime: article.publishedAt,
      safeBodyHtml: placeDateline(responsiveFigures(article.bodyHtml, data.media ?? new Map()), article.dateline),
      reporters: article.reporters,
      photographers: article.photographers,
      editorName: article.editorName,
    },
    previous: data.previous && toLinkItem(context, data.previous),
    next: data.next && toLinkItem(context, data.next),
    related: data.related.map((item) => toLinkItem(context, item)),
    copyright: {
      title: t('copyrightTitle', { site: settings.shortName }),
      own: settings.copyrightOwn,
      repost: settings.disclaimerRepost,
      contact: settings.contactNotice,
      applies: ownSource ? 'own' : 'repost',
    },
  };
}

/** The dateline (电头) opens the first paragraph, as in print: "新华社北京5月18日电 俄罗斯和…". */
export function placeDateline(safeBodyHtml: string, dateline: string): string {
  if (!dateline) return safeBodyHtml;
  const marked = `<span class="dateline">${escapeHtml(dateline)}</span> `;
  return safeBodyHtml.startsWith('<p>') ? `<p>${marked}${safeBodyHtml.slice(3)}` : `<p>${marked}</p>${safeBodyHtml}`;
}

/**
 * `<img … data-media-id="N" …>` as our sanitiser writes it: values escaped in double quotes, an
 * empty value written as a bare attribute (`alt`).
 */
const MEDIA_IMG = /<img\b((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*\/?>/g;
const ATTRIBUTE = /\s+([a-zA-Z-]+)(?:="([^"]*)")?/g;
/** The article column is at most about 816 CSS pixels wide (1180 wrap − 300 sidebar − gaps). */
const FIGURE_SIZES = '(max-width: 860px) calc(100vw - 32px), 816px';

/** Media ids of the body's figures, in order, for loading their rows. */
export function figureMediaIds(safeBodyHtml: string): number[] {
  const ids = new Set<number>();
  for (const match of safeBodyHtml.matchAll(MEDIA_IMG)) {
    const id = mediaIdOf(attributesOf(match[1] ?? ''));
    if (id) ids.add(id);
  }
  return [...ids];
}

/**
 * Turns the body's library images into responsive pictures: WebP and JPEG `srcset` built from
 * the media row, `sizes`, the rendition's width and height (no layout shift), lazy loading
 * except for the first figure. Only URLs built from media rows are written; the alt text is
 * the sanitised body's own (already escaped, in double quotes). Images without a known media
 * row stay as they are.
 */
export function responsiveFigures(safeBodyHtml: string, mediaById: ReadonlyMap<number, MediaRow>): string {
  if (!mediaById.size) return safeBodyHtml;
  let seen = 0;
  return safeBodyHtml.replace(MEDIA_IMG, (tag, attributeText: string) => {
    const attributes = attributesOf(attributeText);
    const id = mediaIdOf(attributes);
    const media = id ? mediaById.get(id) : undefined;
    if (!media) return tag;
    const image = toImageView(media);
    const alt = attributes.get('alt') || escapeHtml(media.alt);
    const loading = seen++ === 0 ? 'eager' : 'lazy';
    return (
      `<picture><source type="image/webp" srcset="${escapeHtml(image.srcsetWebp)}" sizes="${FIGURE_SIZES}">` +
      `<img src="${escapeHtml(image.src)}" srcset="${escapeHtml(image.srcsetJpeg)}" sizes="${FIGURE_SIZES}" ` +
      `width="${image.width}" height="${image.height}" alt="${alt}" loading="${loading}" decoding="async" data-media-id="${media.id}"></picture>`
    );
  });
}

function attributesOf(text: string): Map<string, string> {
  return new Map([...text.matchAll(ATTRIBUTE)].map((m) => [(m[1] ?? '').toLowerCase(), m[2] ?? '']));
}

function mediaIdOf(attributes: Map<string, string>): number | undefined {
  const raw = attributes.get('data-media-id');
  return raw && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : undefined;
}
