import type { Db } from '../../db/create-db.ts';
import type { Actor } from '../users/actor.ts';
import { canView } from '../users/policy.ts';
import type { Article } from './article.ts';
import { type ArticleFields, findArticleRow, saveArticle } from './article-workflow.service.ts';
import { ArticleError } from './article.service.ts';
import { richTextToPlain } from './rich-text.ts';

export interface Revision {
  id: number;
  version: number;
  authorName: string;
  createdAt: string;
  note: string;
  article: Article;
}

export async function listRevisions(db: Db, articleId: number, limit = 100): Promise<Revision[]> {
  const rows = await db.kysely
    .selectFrom('revisions')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    authorName: row.author_name,
    createdAt: row.created_at,
    note: row.note,
    article: JSON.parse(row.snapshot) as Article,
  }));
}

/** Brings an old revision back as a new save (nothing is lost: the current text stays in history). */
export async function restoreRevision(db: Db, actor: Actor, articleId: number, revisionId: number, expectedVersion: number): Promise<Article> {
  const row = await findArticleRow(db, articleId);
  if (!row) throw new ArticleError(`article ${articleId} does not exist`);
  const revision = await db.kysely
    .selectFrom('revisions')
    .selectAll()
    .where('id', '=', revisionId)
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  if (!revision) throw new ArticleError(`revision ${revisionId} does not belong to article ${articleId}`);
  return saveArticle(db, actor, articleId, expectedVersion, fieldsOf(JSON.parse(revision.snapshot) as Article), { restoredFrom: revision.version });
}

export function fieldsOf(article: Article): ArticleFields {
  const { id: _id, status: _s, publishedAt: _p, createdAt: _c, updatedAt: _u, version: _v, ...fields } = article;
  return fields;
}

export function canSeeRevisions(actor: Actor, article: Article): boolean {
  return canView(actor, { channelId: article.channelId, authorId: null, status: article.status });
}

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/** A readable diff of two articles: changed fields, then the body paragraph by paragraph. */
export function diffArticles(before: Article, after: Article): { fields: { name: string; before: string; after: string }[]; body: DiffLine[] } {
  const fields: { name: string; before: string; after: string }[] = [];
  for (const name of ['title', 'subtitle', 'summary', 'sourceName', 'sourceUrl', 'originalTitle', 'originalAuthor', 'dateline', 'editorName'] as const) {
    if (before[name] !== after[name]) fields.push({ name, before: before[name], after: after[name] });
  }
  for (const name of ['reporters', 'photographers', 'keywords'] as const) {
    const a = before[name].join('、');
    const b = after[name].join('、');
    if (a !== b) fields.push({ name, before: a, after: b });
  }
  return { fields, body: diffLines(richTextToPlain(before.bodyHtml).split('\n'), richTextToPlain(after.bodyHtml).split('\n')) };
}

/** Longest-common-subsequence diff over paragraphs; articles have tens of paragraphs, so O(n·m) is fine. */
export function diffLines(a: string[], b: string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ kind: 'removed', text: a[i++]! });
    else out.push({ kind: 'added', text: b[j++]! });
  }
  while (i < n) out.push({ kind: 'removed', text: a[i++]! });
  while (j < m) out.push({ kind: 'added', text: b[j++]! });
  return out;
}
