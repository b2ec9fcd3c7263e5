import type { ArticleRow, ArticleStatus } from '../../db/schema.ts';
import { parseList } from '../shared/json-list.ts';

/** An article as the rest of the program sees it: camelCase, lists parsed, flags as booleans. */
export interface Article {
  id: number;
  channelId: number;
  title: string;
  subtitle: string;
  summary: string;
  bodyHtml: string;
  coverMediaId: number | null;
  sourceName: string;
  sourceUrl: string;
  isOriginal: boolean;
  originalTitle: string;
  originalAuthor: string;
  dateline: string;
  reporters: string[];
  photographers: string[];
  editorName: string;
  keywords: string[];
  isHeadline: boolean;
  isFocus: boolean;
  isTop: boolean;
  status: ArticleStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A published article: it always has a publish time. */
export type PublishedArticle = Article & { publishedAt: string };

export function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    channelId: row.channel_id,
    title: row.title,
    subtitle: row.subtitle,
    summary: row.summary,
    bodyHtml: row.body_html,
    coverMediaId: row.cover_media_id,
    sourceName: row.source_name,
    sourceUrl: row.source_url,
    isOriginal: row.is_original === 1,
    originalTitle: row.original_title,
    originalAuthor: row.original_author,
    dateline: row.dateline,
    reporters: parseList(row.reporters),
    photographers: parseList(row.photographers),
    editorName: row.editor_name,
    keywords: parseList(row.keywords),
    isHeadline: row.is_headline === 1,
    isFocus: row.is_focus === 1,
    isTop: row.is_top === 1,
    status: row.status,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function isPublished(article: Article): article is PublishedArticle {
  return article.status === 'published' && article.publishedAt !== null;
}
