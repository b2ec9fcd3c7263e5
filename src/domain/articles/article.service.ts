import type { Db } from '../../db/create-db.ts';
import type { ArticleStatus, NewArticleRow } from '../../db/schema.ts';
import { stringifyList } from '../shared/json-list.ts';
import { nowIso } from '../shared/time.ts';
import { type Article, toArticle } from './article.ts';
import { syncArticleSearch } from '../search/search.service.ts';
import { sanitizeRichText } from './rich-text.ts';

/** What a writer or an importer gives to create or change an article. */
export interface ArticleInput {
  channelId: number;
  title: string;
  subtitle?: string;
  summary?: string;
  bodyHtml: string;
  coverMediaId?: number | null;
  sourceName?: string;
  sourceUrl?: string;
  isOriginal?: boolean;
  originalTitle?: string;
  originalAuthor?: string;
  dateline?: string;
  reporters?: string[];
  photographers?: string[];
  editorName?: string;
  keywords?: string[];
  isHeadline?: boolean;
  isFocus?: boolean;
  isTop?: boolean;
  status?: ArticleStatus;
  publishedAt?: string | null;
}

export class ArticleError extends Error {}

/**
 * Creates an article, its first revision and its search entry in one transaction (the demo and
 * bulk import write this way; 相关新闻 is computed afterwards, see refreshRelated / reindex).
 */
export async function createArticle(db: Db, input: ArticleInput, authorName: string): Promise<Article> {
  const values = await toRow(db, input);
  const created = await db.kysely.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = await trx
      .insertInto('articles')
      .values({ ...values, created_at: now, updated_at: now, version: 1 })
      .returningAll()
      .executeTakeFirstOrThrow();
    const article = toArticle(row);
    await syncArticleSearch(trx, db.dialect, article);
    await trx
      .insertInto('revisions')
      .values({ article_id: article.id, version: 1, snapshot: JSON.stringify(article), author_name: authorName, created_at: now })
      .execute();
    return article;
  });
  if (created.status === 'published') db.changes.publish({ kind: 'article', articleId: created.id, channelIds: [created.channelId] });
  return created;
}

export type ArticleValues = Omit<NewArticleRow, 'created_at' | 'updated_at' | 'version'>;

/** Checks and sanitises an input into column values; the body is sanitised here, for every writer. */
export async function toRow(db: Db, input: ArticleInput): Promise<ArticleValues> {
  const title = input.title.trim();
  if (!title) throw new ArticleError('title must not be empty');
  const channel = await db.kysely.selectFrom('channels').select('id').where('id', '=', input.channelId).executeTakeFirst();
  if (!channel) throw new ArticleError(`channel ${input.channelId} does not exist`);
  const status = input.status ?? 'draft';
  if (status === 'published' && !input.publishedAt) throw new ArticleError('a published article needs a publish time');
  if (input.publishedAt && Number.isNaN(Date.parse(input.publishedAt))) {
    throw new ArticleError(`publish time "${input.publishedAt}" is not a valid date`);
  }
  const sourceUrl = input.sourceUrl?.trim() ?? '';
  // The source link is printed as an href on the public page: only web addresses may go there.
  if (sourceUrl && !/^https?:\/\/[^\s]+$/i.test(sourceUrl)) throw new ArticleError(`source URL must start with http:// or https://`);
  return {
    channel_id: input.channelId,
    title,
    subtitle: input.subtitle?.trim() ?? '',
    summary: input.summary?.trim() ?? '',
    body_html: sanitizeRichText(input.bodyHtml),
    cover_media_id: input.coverMediaId ?? null,
    source_name: input.sourceName?.trim() ?? '',
    source_url: sourceUrl,
    is_original: input.isOriginal === false ? 0 : 1,
    original_title: input.originalTitle?.trim() ?? '',
    original_author: input.originalAuthor?.trim() ?? '',
    dateline: input.dateline?.trim() ?? '',
    reporters: stringifyList(input.reporters ?? []),
    photographers: stringifyList(input.photographers ?? []),
    editor_name: input.editorName?.trim() ?? '',
    keywords: stringifyList(input.keywords ?? []),
    is_headline: input.isHeadline ? 1 : 0,
    is_focus: input.isFocus ? 1 : 0,
    is_top: input.isTop ? 1 : 0,
    status,
    published_at: input.publishedAt ? new Date(input.publishedAt).toISOString() : null,
  };
}
