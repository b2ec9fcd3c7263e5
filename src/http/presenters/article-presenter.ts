import { escapeHtml } from '@kitajs/html';
import type { ArticleSummary } from '../../domain/articles/article.queries.ts';
import type { PublishedArticle } from '../../domain/articles/article.ts';
import { formatMinute } from '../../domain/shared/time.ts';
import type { ArticlePageProps } from '../../views/pages/article-page.tsx';
import { type SiteContext, chromeFor, toLinkItem } from '../site-context.ts';
import { presentStructuredData } from './structured-data.ts';

export interface ArticlePageData {
  article: PublishedArticle;
  previous?: ArticleSummary;
  next?: ArticleSummary;
  related: ArticleSummary[];
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
    structuredData: presentStructuredData(context, article, crumbs),
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
      safeBodyHtml: placeDateline(article.bodyHtml, article.dateline),
      reporters: article.reporters,
      photographers: article.photographers,
      editorName: article.editorName,
    },
    previous: data.previous && toLinkItem(context, data.previous),
    next: data.next && toLinkItem(context, data.next),
    related: data.related.map((item) => toLinkItem(context, item)),
    copyright: {
      title: `${settings.shortName}${t('copyrightTitle')}`,
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
