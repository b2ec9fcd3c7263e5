import type { Article } from '../../../domain/articles/article.ts';
import type { ArticleFields } from '../../../domain/articles/article-workflow.service.ts';
import type { ArticleFormValues } from '../../../views/admin/article-edit-page.tsx';

/** Splits "张三、李四, 王五" into names: editors type Chinese and Western separators alike. */
export function splitList(value: unknown): string[] {
  return typeof value === 'string' ? value.split(/[、,,;;\n]+/).map((s) => s.trim()).filter(Boolean) : [];
}

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

function flag(body: Record<string, unknown>, name: string): boolean {
  const value = body[name];
  return value === 'on' || value === 'true' || value === true;
}

/** Reads the editor form (or the autosave JSON, which carries the same names) into article fields. */
export function readArticleForm(body: Record<string, unknown>): ArticleFields {
  const cover = Number(text(body, 'coverMediaId'));
  return {
    channelId: Number(text(body, 'channelId') || body.channelId),
    title: text(body, 'title'),
    subtitle: text(body, 'subtitle'),
    summary: text(body, 'summary'),
    bodyHtml: text(body, 'bodyHtml'),
    coverMediaId: Number.isInteger(cover) && cover > 0 ? cover : null,
    sourceName: text(body, 'sourceName'),
    sourceUrl: text(body, 'sourceUrl'),
    isOriginal: flag(body, 'isOriginal'),
    originalTitle: text(body, 'originalTitle'),
    originalAuthor: text(body, 'originalAuthor'),
    dateline: text(body, 'dateline'),
    reporters: splitList(body.reporters),
    photographers: splitList(body.photographers),
    editorName: text(body, 'editorName'),
    keywords: splitList(body.keywords),
    isHeadline: flag(body, 'isHeadline'),
    isFocus: flag(body, 'isFocus'),
    isTop: flag(body, 'isTop'),
  };
}

export function formValuesOf(fields: ArticleFields | Article): ArticleFormValues {
  return {
    channelId: String(fields.channelId),
    title: fields.title,
    subtitle: fields.subtitle ?? '',
    summary: fields.summary ?? '',
    bodyHtml: fields.bodyHtml,
    coverMediaId: fields.coverMediaId ? String(fields.coverMediaId) : '',
    sourceName: fields.sourceName ?? '',
    sourceUrl: fields.sourceUrl ?? '',
    isOriginal: fields.isOriginal !== false,
    originalTitle: fields.originalTitle ?? '',
    originalAuthor: fields.originalAuthor ?? '',
    dateline: fields.dateline ?? '',
    reporters: (fields.reporters ?? []).join('、'),
    photographers: (fields.photographers ?? []).join('、'),
    editorName: fields.editorName ?? '',
    keywords: (fields.keywords ?? []).join('、'),
    isHeadline: Boolean(fields.isHeadline),
    isFocus: Boolean(fields.isFocus),
    isTop: Boolean(fields.isTop),
  };
}
