import type { ArticleRow, MediaRow } from '../../../db/schema.ts';
import { editableArticle } from '../../../domain/articles/article-workflow.service.ts';
import type { Article, PublishedArticle } from '../../../domain/articles/article.ts';
import type { ArticleSummary } from '../../../domain/articles/article.queries.ts';
import type { NewsroomRow } from '../../../domain/articles/newsroom.queries.ts';
import type { ChannelTree } from '../../../domain/channels/channel-tree.ts';
import { mediaUrls } from '../../../domain/media/media.service.ts';
import type { SearchResults } from '../../../domain/search/search.service.ts';
import type { SiteUrls } from '../../site-urls.ts';
import type { ChannelJson, MediaJson, NewsroomArticleJson, PublishedArticleJson } from './api-schemas.ts';

/** What presenting needs: the tree and URL scheme, the absolute origin, the media in play. */
export interface ApiView {
  tree: ChannelTree;
  urls: SiteUrls;
  origin: string;
  media: Map<number, MediaRow>;
}

function channelRef(view: ApiView, id: number) {
  const channel = view.tree.byId.get(id);
  return { id, name: channel?.name ?? '', path: channel ? view.tree.pathOf(id) : '' };
}

function coverOf(view: ApiView, id: number | null) {
  const media = id === null ? undefined : view.media.get(id);
  if (!media) return null;
  return { id: media.id, url: view.origin + mediaUrls(media).original, width: media.width, height: media.height, caption: media.caption, credit: media.credit, alt: media.alt };
}

function content(view: ApiView, article: Article) {
  return {
    id: article.id,
    channel: channelRef(view, article.channelId),
    title: article.title,
    subtitle: article.subtitle,
    summary: article.summary,
    bodyHtml: article.bodyHtml,
    cover: coverOf(view, article.coverMediaId),
    sourceName: article.sourceName,
    sourceUrl: article.sourceUrl,
    isOriginal: article.isOriginal,
    originalTitle: article.originalTitle,
    originalAuthor: article.originalAuthor,
    dateline: article.dateline,
    reporters: article.reporters,
    photographers: article.photographers,
    editorName: article.editorName,
    keywords: article.keywords,
  };
}

export function publishedArticleJson(view: ApiView, article: PublishedArticle): PublishedArticleJson {
  return { ...content(view, article), publishedAt: article.publishedAt, url: view.origin + view.urls.article(article) };
}

export function articleSummaryJson(view: ApiView, summary: ArticleSummary) {
  const cover = coverOf(view, summary.coverMediaId);
  return {
    id: summary.id,
    channel: channelRef(view, summary.channelId),
    title: summary.title,
    summary: summary.summary,
    coverUrl: cover?.url ?? null,
    publishedAt: summary.publishedAt,
    url: view.origin + view.urls.article(summary),
  };
}

/** The newsroom's view of a story: the working copy's fields while a published story is edited. */
export function newsroomArticleJson(view: ApiView, row: ArticleRow): NewsroomArticleJson {
  const article = editableArticle(row);
  const live = row.status === 'published' && row.published_at ? { id: row.id, channelId: row.channel_id, publishedAt: row.published_at } : undefined;
  return {
    ...content(view, article),
    status: row.status,
    version: row.version,
    hasWorkingCopy: Boolean(row.working_copy),
    reviewComment: row.review_comment,
    isHeadline: article.isHeadline,
    isFocus: article.isFocus,
    isTop: article.isTop,
    coverMediaId: article.coverMediaId,
    publishedAt: row.published_at,
    scheduledAt: row.scheduled_at,
    embargoUntil: row.embargo_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    url: live ? view.origin + view.urls.article(live) : null,
  };
}

export function draftSummaryJson(row: NewsroomRow) {
  return {
    id: row.id,
    title: row.title,
    channelId: row.channel_id,
    status: row.status,
    authorName: row.author_name ?? '',
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    scheduledAt: row.scheduled_at,
  };
}

export function channelTreeJson(view: ApiView, parentId: number | null = null): ChannelJson[] {
  return view.tree.children(parentId).map((channel) => ({
    id: channel.id,
    name: channel.name,
    slug: channel.slug,
    path: view.tree.pathOf(channel.id),
    kind: channel.kind,
    inNav: channel.in_nav === 1,
    url: view.origin + view.urls.channel(channel.id),
    children: channelTreeJson(view, channel.id),
  }));
}

export function mediaJson(view: ApiView, media: MediaRow): MediaJson {
  const urls = mediaUrls(media);
  const absolute = (srcset: string) =>
    srcset
      .split(', ')
      .filter(Boolean)
      .map((entry) => view.origin + entry)
      .join(', ');
  return {
    id: media.id,
    url: view.origin + urls.original,
    mime: media.mime,
    size: media.size,
    width: media.width,
    height: media.height,
    caption: media.caption,
    credit: media.credit,
    alt: media.alt,
    srcsetWebp: absolute(urls.srcset('webp')),
    srcsetJpeg: absolute(urls.srcset('jpg')),
    createdAt: media.created_at,
  };
}

/** A page of search hits; titles and snippets arrive escaped with <mark> from the search service. */
export function searchResultsJson(view: ApiView, results: SearchResults) {
  return {
    query: results.query,
    sort: results.sort,
    total: results.total,
    totalIsLowerBound: results.totalIsLowerBound,
    page: results.page,
    pageSize: results.pageSize,
    pageCount: results.pageCount,
    items: results.items.map((hit) => ({
      id: hit.id,
      title: hit.title,
      titleHtml: hit.safeTitle,
      snippetHtml: hit.safeSnippet,
      url: view.origin + view.urls.article({ id: hit.id, channelId: hit.channelId, publishedAt: hit.publishedAt ?? '' }),
      channelId: hit.channelId,
      source: hit.sourceName,
      publishedAt: hit.publishedAt,
      score: hit.score,
    })),
  };
}
