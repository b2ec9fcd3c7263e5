import type { Kysely } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import type { ArticleRow, ArticleStatus, Database } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { nowIso } from '../shared/time.ts';
import { type Actor, systemActor } from '../users/actor.ts';
import { type Action, assertCan, can } from '../users/policy.ts';
import { type Article, toArticle } from './article.ts';
import { type ArticleInput, ArticleError, type ArticleValues, toRow } from './article.service.ts';
import { describeUnnamedMedia } from '../media/figure-descriptions.ts';
import { refreshRelated } from '../search/related.service.ts';
import { syncArticleSearch } from '../search/search.service.ts';
import { richTextToPlain } from './rich-text.ts';

/**
 * The newsroom workflow: draft → submitted → published (or rejected with a comment, back to the
 * author), scheduled publishing, unpublishing. A published story is edited on a working copy,
 * so it never goes offline until the changes are published. Every save checks the version the
 * writer started from, so two people editing one story never overwrite each other silently.
 */

/** Everything a writer edits; status and times belong to the workflow. */
export type ArticleFields = Omit<ArticleInput, 'status' | 'publishedAt'>;

export class EditConflictError extends Error {
  constructor(readonly currentVersion: number) {
    super('the article was changed by someone else since you opened it');
  }
}

export class WorkflowError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

/**
 * An agency's embargo (禁发) forbids the story going out before a time. Publishing earlier is
 * refused; scheduling at or after that time is the way to have it go out on the dot.
 */
export class EmbargoError extends WorkflowError {
  constructor(readonly embargoUntil: string) {
    super(`the story is embargoed until ${embargoUntil}: schedule it for that time or later`, ['embargoUntil']);
  }
}

type EditableColumns = Omit<ArticleValues, 'status' | 'published_at'>;

export async function findArticleRow(db: Db | Kysely<Database>, id: number): Promise<ArticleRow | undefined> {
  const kysely = 'kysely' in db ? db.kysely : db;
  return kysely.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The article as its editor should see it: the working copy when there is one. */
export function editableArticle(row: ArticleRow): Article {
  const article = toArticle(row);
  if (!row.working_copy) return article;
  return toArticle({ ...row, ...(JSON.parse(row.working_copy) as EditableColumns) });
}

type CuratedFlags = Pick<ArticleRow, 'is_headline' | 'is_focus' | 'is_top'>;
const NO_FLAGS: CuratedFlags = { is_headline: 0, is_focus: 0, is_top: 0 };

/**
 * 头条, 焦点图 and 置顶 are curated-block decisions (blocks.manage). A writer without that right
 * keeps the flags the story already has, whatever the form or API body says; otherwise a
 * reporter's draft could take over the home page's headline when it is published.
 */
function curatedFlags(actor: Actor, wanted: CuratedFlags, current: CuratedFlags): CuratedFlags {
  const source = can(actor, 'blocks.manage') ? wanted : current;
  return { is_headline: source.is_headline, is_focus: source.is_focus, is_top: source.is_top };
}

export async function createDraft(db: Db, actor: Actor, fields: ArticleFields): Promise<Article> {
  assertCan(actor, 'article.create', { channelId: fields.channelId, authorId: actor.userId, status: 'draft' });
  const values = await toRow(db, { ...fields, status: 'draft', publishedAt: null });
  return db.kysely.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = await trx
      .insertInto('articles')
      .values({ ...values, ...curatedFlags(actor, values, NO_FLAGS), author_id: actor.userId, created_at: now, updated_at: now, version: 1 })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeRevision(trx, actor, row, 'created');
    await describeUnnamedMedia(trx, actor, row.body_html);
    await syncArticleSearch(trx, db.dialect, toArticle(row));
    await recordAudit(trx, actor, { action: 'article.create', targetType: 'article', targetId: row.id, detail: { title: row.title } });
    return toArticle(row);
  });
}

/**
 * Saves the writer's fields if nobody saved in between (else EditConflictError and nothing changes).
 * Published and scheduled stories keep their live fields; the change waits in the working copy.
 */
export async function saveArticle(
  db: Db,
  actor: Actor,
  id: number,
  expectedVersion: number,
  fields: ArticleFields,
  /** `restoredFrom`: the version a restore brings back, noted in the history as such. */
  options: { autosave?: boolean; restoredFrom?: number } = {},
): Promise<Article> {
  const values = await toRow(db, { ...fields, status: 'draft', publishedAt: null });
  const { status: _status, published_at: _publishedAt, ...editable } = values;
  return db.kysely.transaction().execute(async (trx) => {
    const row = await loadForChange(trx, id);
    assertCan(actor, 'article.edit', targetOf(row));
    // A story may move to another channel only where the writer may also work.
    if (editable.channel_id !== row.channel_id) assertCan(actor, 'article.edit', { ...targetOf(row), channelId: editable.channel_id });
    if (row.version !== expectedVersion) throw new EditConflictError(row.version);
    Object.assign(editable, curatedFlags(actor, editable, row));
    const live = row.status === 'published' || row.status === 'scheduled';
    const update = live ? { working_copy: JSON.stringify(editable) } : { ...editable, working_copy: null };
    const saved = await trx
      .updateTable('articles')
      .set({ ...update, version: row.version + 1, updated_at: nowIso() })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    if (!saved) throw new EditConflictError(row.version + 1);
    await writeRevision(trx, actor, saved, options.autosave ? 'autosave' : options.restoredFrom ? `restore:${options.restoredFrom}` : 'save');
    await describeUnnamedMedia(trx, actor, editable.body_html);
    // The index holds the live version; a published story's working copy is not public yet.
    await syncArticleSearch(trx, db.dialect, toArticle(saved));
    if (!options.autosave) {
      const detail = { version: saved.version, ...(options.restoredFrom ? { restoredFrom: options.restoredFrom } : {}) };
      await recordAudit(trx, actor, { action: 'article.save', targetType: 'article', targetId: id, detail });
    }
    return editableArticle(saved);
  });
}

export async function submitArticle(db: Db, actor: Actor, id: number): Promise<Article> {
  return transition(db, actor, id, 'article.submit', ['draft', 'rejected'], async (trx, row) => ({ status: 'submitted', review_comment: '' }));
}

export async function rejectArticle(db: Db, actor: Actor, id: number, comment: string): Promise<Article> {
  if (!comment.trim()) throw new WorkflowError('a rejection needs a comment for the author');
  return transition(db, actor, id, 'article.reject', ['submitted'], async () => ({ status: 'rejected', review_comment: comment.trim() }));
}

/** Publishes now, or schedules when `at` lies in the future. The publish checks run on the server. */
export async function publishArticle(db: Db, actor: Actor, id: number, options: { at?: string } = {}): Promise<Article> {
  const at = options.at ? new Date(options.at) : undefined;
  if (at && Number.isNaN(at.getTime())) throw new WorkflowError(`"${options.at}" is not a valid time`);
  const scheduled = at !== undefined && at.getTime() > Date.now();
  return transition(db, actor, id, 'article.publish', ['draft', 'submitted', 'rejected', 'scheduled', 'published', 'unpublished'], async (trx, row) => {
    // Scheduling a live story would take it offline until the time comes; a published story is
    // never taken offline by anything but an explicit unpublish.
    if (scheduled && row.status === 'published') throw new WorkflowError('a published story cannot be scheduled: publish its changes now, or unpublish it first', ['scheduleLive']);
    const content = row.working_copy ? { ...row, ...(JSON.parse(row.working_copy) as EditableColumns) } : row;
    const problems = publishProblems(toArticle(content));
    if (problems.length) throw new WorkflowError('the article cannot be published yet', problems);
    assertEmbargoRespected(row, scheduled ? at : new Date());
    if (scheduled) return { status: 'scheduled', scheduled_at: at.toISOString() };
    const { id: _id, ...columns } = content;
    return {
      ...columns,
      working_copy: null,
      status: 'published',
      scheduled_at: null,
      review_comment: '',
      // Republishing an edited story keeps its original time (and URL); a first publish stamps now.
      published_at: row.published_at && row.status !== 'scheduled' ? row.published_at : nowIso(),
    };
  });
}

export async function unpublishArticle(db: Db, actor: Actor, id: number): Promise<Article> {
  return transition(db, actor, id, 'article.unpublish', ['published', 'scheduled'], async () => ({ status: 'unpublished', scheduled_at: null }));
}

/** Publishes every scheduled story whose time has come; safe to run on several instances at once. */
export async function publishDueArticles(db: Db, now = new Date()): Promise<number[]> {
  const due = await db.kysely
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', now.toISOString())
    // Scheduling already refuses a time before the embargo; this keeps the scheduler from ever being the exception.
    .where((eb) => eb.or([eb('embargo_until', 'is', null), eb('embargo_until', '<=', now.toISOString())]))
    .execute();
  const published: number[] = [];
  const actor = systemActor('scheduler');
  for (const { id } of due) {
    try {
      await transition(db, actor, id, 'article.publish', ['scheduled'], async (trx, row) => {
        const content = row.working_copy ? { ...row, ...(JSON.parse(row.working_copy) as EditableColumns) } : row;
        const { id: _id, ...columns } = content;
        return { ...columns, working_copy: null, status: 'published', published_at: row.scheduled_at ?? nowIso(), scheduled_at: null };
      });
      published.push(id);
    } catch (error) {
      // Another instance got there first, or the story changed state: nothing to do.
      if (!(error instanceof WorkflowError)) throw error;
    }
  }
  return published;
}

/** Whether a stored embargo time still lies ahead (an embargo that has passed is only history). */
export function isEmbargoed(embargoUntil: string | null | undefined, now = new Date()): embargoUntil is string {
  return typeof embargoUntil === 'string' && Date.parse(embargoUntil) > now.getTime();
}

/** Refuses a story going out (now, or at a scheduled time) before its embargo ends. */
function assertEmbargoRespected(row: ArticleRow, goesOutAt: Date): void {
  if (row.embargo_until && goesOutAt.getTime() < Date.parse(row.embargo_until)) throw new EmbargoError(row.embargo_until);
}

/** What stops a story from going out: 互联网新闻信息服务管理规定 asks for source and responsible editor. */
export function publishProblems(article: Article): string[] {
  const problems: string[] = [];
  if (!article.title.trim()) problems.push('title');
  if (!richTextToPlain(article.bodyHtml).trim() && !article.bodyHtml.includes('<img')) problems.push('body');
  if (!article.isOriginal) {
    if (!article.sourceName.trim()) problems.push('sourceName');
    if (!article.sourceUrl.trim() && !article.originalTitle.trim()) problems.push('sourceUrlOrOriginalTitle');
  }
  if (!article.editorName.trim()) problems.push('editorName');
  return problems;
}

type Change = Partial<Omit<ArticleRow, 'id'>>;

async function transition(
  db: Db,
  actor: Actor,
  id: number,
  action: Action,
  from: readonly ArticleStatus[],
  decide: (trx: Kysely<Database>, row: ArticleRow) => Promise<Change>,
): Promise<Article> {
  let channelIds: number[] = [];
  let wasLive = false;
  const article = await db.kysely.transaction().execute(async (trx) => {
    const row = await loadForChange(trx, id);
    assertCan(actor, action, targetOf(row));
    if (!from.includes(row.status)) throw new WorkflowError(`cannot ${action.split('.')[1]} an article that is ${row.status}`);
    const change = await decide(trx, row);
    const saved = await trx
      .updateTable('articles')
      .set({ ...change, version: row.version + 1, updated_at: nowIso() })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .returningAll()
      .executeTakeFirst();
    if (!saved) throw new WorkflowError('the article changed while this action ran; try again');
    await writeRevision(trx, actor, saved, action);
    await syncArticleSearch(trx, db.dialect, toArticle(saved));
    await recordAudit(trx, actor, {
      action,
      targetType: 'article',
      targetId: id,
      detail: { from: row.status, to: saved.status, ...(saved.review_comment ? { comment: saved.review_comment } : {}) },
    });
    wasLive = row.status === 'published' || saved.status === 'published';
    channelIds = [...new Set([row.channel_id, saved.channel_id])];
    return toArticle(saved);
  });
  if (wasLive) {
    // 相关新闻 is derived data: a failure to refresh it must not undo or fail the publish.
    await refreshRelated(db, id).catch(() => undefined);
    db.changes.publish({ kind: 'article', articleId: id, channelIds });
  }
  return article;
}

async function loadForChange(trx: Kysely<Database>, id: number): Promise<ArticleRow> {
  const row = await findArticleRow(trx, id);
  if (!row) throw new ArticleError(`article ${id} does not exist`);
  return row;
}

function targetOf(row: ArticleRow) {
  return { channelId: row.channel_id, authorId: row.author_id, status: row.status };
}

async function writeRevision(trx: Kysely<Database>, actor: Actor, row: ArticleRow, note: string): Promise<void> {
  await trx
    .insertInto('revisions')
    .values({
      article_id: row.id,
      version: row.version,
      snapshot: JSON.stringify(editableArticle(row)),
      author_name: actor.name,
      author_id: actor.userId,
      created_at: nowIso(),
      note,
    })
    .execute();
}
