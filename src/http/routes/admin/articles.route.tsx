import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import type { ArticleStatus } from '../../../db/schema.ts';
import type { Article } from '../../../domain/articles/article.ts';
import {
  EditConflictError,
  EmbargoError,
  WorkflowError,
  createDraft,
  editableArticle,
  findArticleRow,
  isEmbargoed,
  publishArticle,
  rejectArticle,
  saveArticle,
  submitArticle,
  unpublishArticle,
} from '../../../domain/articles/article-workflow.service.ts';
import { ArticleError } from '../../../domain/articles/article.service.ts';
import { richTextToPlain } from '../../../domain/articles/rich-text.ts';
import { recordFingerprint } from '../../../domain/ingest/duplicate.service.ts';
import { markQueueItem, wireNoticesFor } from '../../../domain/ingest/wire.service.ts';
import { STATUSES, listNewsroomArticles, searchNewsroomArticles } from '../../../domain/articles/newsroom.queries.ts';
import { diffArticles, listRevisions, restoreRevision } from '../../../domain/articles/revision.service.ts';
import { loadChannelTree } from '../../../domain/channels/channel.service.ts';
import { getSiteSettings } from '../../../domain/settings/site-settings.ts';
import { formatMinute, isoToLocal, localToIso } from '../../../domain/shared/time.ts';
import type { Actor } from '../../../domain/users/actor.ts';
import { ForbiddenError, can, canView } from '../../../domain/users/policy.ts';
import { listUsers } from '../../../domain/users/user.service.ts';
import type { AdminKey, AdminTranslate } from '../../../i18n/admin-messages.ts';
import { ArticleEditPage, type ArticleEditProps, type WireNoticeView } from '../../../views/admin/article-edit-page.tsx';
import { ArticleListPage } from '../../../views/admin/article-list-page.tsx';
import { RevisionsPage } from '../../../views/admin/revisions-page.tsx';
import { requireCsrf, requireStaff } from '../../auth/staff-session.ts';
import { AppError, errorJson } from '../../errors.ts';
import { SiteUrls } from '../../site-urls.ts';
import { type AdminContext, adminContext } from './admin-context.ts';
import { formValuesOf, readArticleForm } from './article-form.ts';

const PAGE_SIZE = 30;
const DONE: Record<string, string> = { submit: 'submitted', reject: 'rejected', publish: 'published', unpublish: 'unpublished' };
type Params = { id: string };
type Body = Record<string, unknown>;

export function registerArticleAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get('/admin/articles', async (request, reply) => {
    const ctx = await adminContext(db, request, 'articles');
    const q = request.query as Record<string, string | undefined>;
    const page = positiveInt(q.page) ?? 1;
    const filters = {
      channelId: positiveInt(q.channel),
      status: STATUSES.includes(q.status as ArticleStatus) ? (q.status as ArticleStatus) : undefined,
      authorId: positiveInt(q.author),
      from: isDate(q.from) ? q.from : undefined,
      to: isDate(q.to) ? q.to : undefined,
      text: (q.q ?? '').slice(0, 200),
    };
    // Text goes to the full-text index (drafts included); without text, the plain filtered list.
    const [result, tree, users] = await Promise.all([
      filters.text.trim() ? searchNewsroomArticles(db, ctx.actor, filters.text, filters, page) : listNewsroomArticles(db, ctx.actor, filters, page, PAGE_SIZE),
      loadChannelTree(db),
      listUsers(db),
    ]);
    const keep = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'page'));
    // Past the last page (an old bookmark, a list that shrank): go to the last page, not an empty "page 99 of 3".
    if (page > result.pageCount && result.pageCount > 0) return reply.redirect(`/admin/articles?${new URLSearchParams([...keep, ['page', String(result.pageCount)]]).toString()}`, 303);
    const rows = await articleRows(deps, ctx, result.rows);
    return html(
      reply,
      <ArticleListPage
        chrome={ctx.chrome}
        filters={{ channelId: q.channel ?? '', status: q.status ?? '', author: q.author ?? '', from: filters.from ?? '', to: filters.to ?? '', q: filters.text }}
        channels={channelOptions(tree, ctx.actor, false)}
        statuses={STATUSES.map((s) => ({ key: s, label: ctx.t(`status_${s}`) }))}
        authors={users.map((u) => ({ id: u.id, name: u.display_name }))}
        rows={rows}
        page={page}
        pageCount={result.pageCount}
        total={result.total}
        pageUrl={(n) => `/admin/articles?${new URLSearchParams([...keep, ['page', String(n)]]).toString()}`}
        canCreate={can(ctx.actor, 'article.create')}
      />,
    );
  });

  app.get('/admin/articles/new', async (request, reply) => {
    const ctx = await adminContext(db, request, 'newArticle');
    if (!can(ctx.actor, 'article.create')) throw new AppError('FORBIDDEN');
    const tree = await loadChannelTree(db);
    const channels = channelOptions(tree, ctx.actor, true);
    const values = formValuesOf({ channelId: channels[0]?.id ?? 0, title: '', bodyHtml: '', editorName: ctx.actor.role === 'reporter' ? '' : ctx.actor.name });
    return renderEditor(reply, deps, ctx, { values, version: 0, statusKey: 'draft' });
  });

  app.post('/admin/articles', async (request, reply) => {
    requireCsrf(request);
    const ctx = await adminContext(db, request, 'newArticle');
    const fields = readArticleForm(request.body as Body);
    try {
      const article = await createDraft(db, ctx.actor, fields);
      await noteImportedFrom(deps, request.body as Body, article);
      return reply.redirect(`/admin/articles/${article.id}?done=created`, 303);
    } catch (error) {
      return renderFailure(reply, deps, ctx, error, { values: formValuesOf(fields), version: 0, statusKey: 'draft' });
    }
  });

  app.get<{ Params: Params }>('/admin/articles/:id', async (request, reply) => {
    const ctx = await adminContext(db, request, 'articles');
    const row = await loadVisible(deps, ctx.actor, request.params.id);
    const article = editableArticle(row);
    return renderEditor(reply, deps, ctx, {
      id: row.id,
      values: formValuesOf(article),
      version: row.version,
      statusKey: row.status,
      reviewComment: row.review_comment,
      hasWorkingCopy: Boolean(row.working_copy),
    });
  });

  /** Saves the posted form over article :id at the version the form names; `afterSave` runs on success. */
  async function saveForm(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, versionField: string, afterSave?: (article: Article, body: Body) => Promise<void>) {
    requireCsrf(request);
    const ctx = await adminContext(db, request, 'articles');
    const row = await loadVisible(deps, ctx.actor, request.params.id);
    const body = request.body as Body;
    const fields = readArticleForm(body);
    const version = Number(body[versionField]);
    try {
      const article = await saveArticle(db, ctx.actor, row.id, version, fields);
      await afterSave?.(article, body);
      return reply.redirect(`/admin/articles/${row.id}?done=saved`, 303);
    } catch (error) {
      // The writer's text comes back in the form: a refused save must not lose their work.
      return renderFailure(reply, deps, ctx, error, { id: row.id, values: formValuesOf(fields), version, statusKey: row.status });
    }
  }

  app.post<{ Params: Params }>('/admin/articles/:id', (request, reply) => saveForm(request, reply, 'version'));

  // 导入稿件 found this story already here and the editor chose to update it with the imported draft:
  // an ordinary save of the draft's fields over the version the review showed (a later edit is a conflict).
  app.post<{ Params: Params }>('/admin/articles/:id/update-from-import', (request, reply) =>
    saveForm(request, reply, 'baseVersion', (article, body) => noteImportedFrom(deps, body, article)),
  );

  const actions: Record<string, (actor: Actor, id: number, body: Body) => Promise<unknown>> = {
    submit: (actor, id) => submitArticle(db, actor, id),
    reject: (actor, id, body) => rejectArticle(db, actor, id, typeof body.comment === 'string' ? body.comment : ''),
    unpublish: (actor, id) => unpublishArticle(db, actor, id),
    publish: async (actor, id, body) => {
      if (body.mode !== 'schedule') return publishArticle(db, actor, id);
      const settings = await getSiteSettings(db);
      const at = localToIso(typeof body.publishAt === 'string' ? body.publishAt : '', settings.timeZone);
      if (!at) throw new WorkflowError('a valid publish time is needed to schedule', ['publishAt']);
      return publishArticle(db, actor, id, { at });
    },
  };
  app.post<{ Params: Params & { action: string } }>('/admin/articles/:id/:action', async (request, reply) => {
    const run = actions[request.params.action];
    if (!run) throw new AppError('NOT_FOUND');
    requireCsrf(request);
    const ctx = await adminContext(db, request, 'articles');
    const row = await loadVisible(deps, ctx.actor, request.params.id);
    try {
      const result = (await run(ctx.actor, row.id, request.body as Body)) as { status: string };
      const done = result.status === 'scheduled' ? 'scheduled' : DONE[request.params.action];
      return reply.redirect(`/admin/articles/${row.id}?done=${done}`, 303);
    } catch (error) {
      const article = editableArticle(row);
      return renderFailure(reply, deps, ctx, error, { id: row.id, values: formValuesOf(article), version: row.version, statusKey: row.status, reviewComment: row.review_comment });
    }
  });

  app.post<{ Params: Params }>('/admin/api/articles/:id/autosave', async (request, reply) => {
    requireStaff(request);
    requireCsrf(request);
    const actor = requireStaff(request);
    const body = (request.body ?? {}) as { version?: unknown; fields?: unknown };
    const id = positiveInt(request.params.id);
    if (!id || typeof body.fields !== 'object' || body.fields === null || !Number.isInteger(body.version)) {
      throw new AppError('VALIDATION', 'expected { version: number, fields: object }');
    }
    const saved = await saveArticle(db, actor, id, body.version as number, readArticleForm(body.fields as Body), { autosave: true });
    return { version: saved.version, savedAt: saved.updatedAt };
  });

  app.get<{ Params: Params }>('/admin/articles/:id/revisions', async (request, reply) => {
    const ctx = await adminContext(db, request, 'articles');
    const row = await loadVisible(deps, ctx.actor, request.params.id);
    const [revisions, settings] = await Promise.all([listRevisions(db, row.id), getSiteSettings(db)]);
    const compare = positiveInt((request.query as Record<string, string | undefined>).compare);
    const chosen = revisions.find((r) => r.id === compare);
    return html(
      reply,
      <RevisionsPage
        chrome={ctx.chrome}
        articleTitle={editableArticle(row).title}
        editUrl={`/admin/articles/${row.id}`}
        restoreUrl={(rid) => `/admin/articles/${row.id}/revisions/${rid}/restore`}
        currentVersion={row.version}
        revisions={revisions.map((r) => ({
          id: r.id,
          version: r.version,
          at: formatMinute(r.createdAt, settings.timeZone),
          authorName: r.authorName,
          note: revisionLabel(ctx.t, r.note, r.article.status),
          compareUrl: `/admin/articles/${row.id}/revisions?compare=${r.id}`,
          selected: r.id === compare,
        }))}
        diff={chosen ? labelDiffFields(ctx.t, diffArticles(chosen.article, editableArticle(row))) : undefined}
      />,
    );
  });

  app.post<{ Params: Params & { rid: string } }>('/admin/articles/:id/revisions/:rid/restore', async (request, reply) => {
    requireCsrf(request);
    const ctx = await adminContext(db, request, 'articles');
    const row = await loadVisible(deps, ctx.actor, request.params.id);
    const body = request.body as Body;
    try {
      await restoreRevision(db, ctx.actor, row.id, positiveInt(request.params.rid) ?? 0, Number(body.version));
      return reply.redirect(`/admin/articles/${row.id}?done=restored`, 303);
    } catch (error) {
      return renderFailure(reply, deps, ctx, error, { id: row.id, values: formValuesOf(editableArticle(row)), version: row.version, statusKey: row.status });
    }
  });
}

/**
 * A draft saved from the import review remembers where it came from: its fingerprint (so the
 * same story is recognised next time) and, for a wire item, that the item is done.
 */
async function noteImportedFrom(deps: AppDeps, body: Body, article: { id: number; sourceUrl: string; bodyHtml: string; title: string; isOriginal: boolean }) {
  const itemId = positiveInt(body.ingestItemId);
  // A repost (not our own story) is what a later import may duplicate, with or without its address.
  if (!itemId && !article.sourceUrl && article.isOriginal) return;
  await recordFingerprint(deps.db, article.id, { sourceUrl: article.sourceUrl, text: `${article.title}\n${richTextToPlain(article.bodyHtml)}` });
  // The agency update the import review showed (if any): one arriving after it still earns the article a notice.
  if (itemId) await markQueueItem(deps.db, itemId, 'imported', article.id, typeof body.ingestItemSeen === 'string' ? body.ingestItemSeen : undefined);
}

async function loadVisible(deps: AppDeps, actor: Actor, rawId: string) {
  const id = positiveInt(rawId);
  const row = id ? await findArticleRow(deps.db, id) : undefined;
  if (!row) throw new AppError('NOT_FOUND');
  if (!canView(actor, { channelId: row.channel_id, authorId: row.author_id, status: row.status })) throw new AppError('FORBIDDEN');
  return row;
}

export interface EditorState {
  id?: number;
  values: ArticleEditProps['values'];
  version: number;
  statusKey: ArticleStatus;
  reviewComment?: string;
  hasWorkingCopy?: boolean;
}

export async function renderEditor(
  reply: FastifyReply,
  deps: AppDeps,
  ctx: AdminContext,
  state: EditorState,
  extra: { errors?: string[]; conflict?: boolean; status?: number; before?: JSX.Element } = {},
) {
  const [tree, settings] = await Promise.all([loadChannelTree(deps.db), getSiteSettings(deps.db)]);
  const row = state.id ? await findArticleRow(deps.db, state.id) : undefined;
  const target = { channelId: Number(state.values.channelId), authorId: row ? row.author_id : ctx.actor.userId, status: state.statusKey };
  const live = row?.status === 'published' ? row : undefined;
  const props: ArticleEditProps = {
    chrome: ctx.chrome,
    id: state.id,
    version: state.version,
    statusKey: state.statusKey,
    statusLabel: ctx.t(`status_${state.statusKey}` as AdminKey),
    values: state.values,
    reviewComment: state.reviewComment ?? '',
    hasWorkingCopy: Boolean(state.hasWorkingCopy),
    publicUrl: live && live.published_at ? new SiteUrls(tree, settings.timeZone).article({ id: live.id, channelId: live.channel_id, publishedAt: live.published_at }) : undefined,
    channels: channelOptions(tree, ctx.actor, true, Number(state.values.channelId)),
    errors: extra.errors ?? [],
    conflict: Boolean(extra.conflict),
    allowed: {
      save: state.id ? can(ctx.actor, 'article.edit', target) : can(ctx.actor, 'article.create'),
      submit: ['draft', 'rejected'].includes(state.statusKey) && can(ctx.actor, 'article.submit', target),
      reject: state.statusKey === 'submitted' && can(ctx.actor, 'article.reject', target),
      publish: can(ctx.actor, 'article.publish', target),
      // A live story is not scheduled (that would take it offline): its changes are published now.
      schedule: state.statusKey !== 'published' && can(ctx.actor, 'article.publish', target),
      unpublish: ['published', 'scheduled'].includes(state.statusKey) && can(ctx.actor, 'article.unpublish', target),
      curate: can(ctx.actor, 'blocks.manage'),
    },
    timeZone: settings.timeZone,
    defaultPublishAt: isoToLocal(row?.scheduled_at ?? defaultScheduleTime(row?.embargo_until), settings.timeZone),
    embargo: row?.embargo_until ? embargoView(ctx, row.embargo_until, settings.timeZone) : undefined,
    before: extra.before,
    wireNotices: row ? await wireNoticeViews(deps, ctx, row, settings.timeZone) : undefined,
  };
  return html(reply.code(extra.status ?? 200), <ArticleEditPage {...props} />);
}

/** 撤稿 and 改稿 from the agency, as the edit page states them; a killed story online (or about to be) says so. */
async function wireNoticeViews(deps: AppDeps, ctx: AdminContext, row: { id: number; status: ArticleStatus }, timeZone: string): Promise<WireNoticeView[]> {
  return (await wireNoticesFor(deps.db, row.id)).map((notice) => {
    const params = { provider: notice.provider, time: formatMinute(notice.at, timeZone) };
    return {
      kind: notice.kind,
      text: ctx.t(notice.kind === 'withdrawn' ? 'articleWireWithdrawn' : 'articleWireUpdated', params),
      live: notice.kind === 'withdrawn' ? killedStoryOnline(ctx, row.status) : undefined,
      itemUrl: `/admin/wires?item=${notice.queueItemId}`,
      itemLabel: ctx.t('articleWireOpenItem'),
    };
  });
}

/** A kill does not unpublish: the notice says the story is online, or will be at its scheduled time. */
function killedStoryOnline(ctx: AdminContext, status: ArticleStatus): string | undefined {
  if (status === 'published') return ctx.t('articleWireWithdrawnLive');
  if (status === 'scheduled') return ctx.t('articleWireWithdrawnScheduled');
  return undefined;
}

/** An hour from now, or the embargo time when that is later: the time an editor most likely schedules for. */
function defaultScheduleTime(embargoUntil: string | null | undefined): string {
  const inAnHour = Date.now() + 3_600_000;
  return new Date(isEmbargoed(embargoUntil) ? Math.max(inAnHour, Date.parse(embargoUntil)) : inAnHour).toISOString();
}

function embargoView(ctx: AdminContext, embargoUntil: string, timeZone: string) {
  const time = formatMinute(embargoUntil, timeZone);
  return isEmbargoed(embargoUntil) ? { text: ctx.t('embargoNotice', { time }), active: true } : { text: ctx.t('embargoLifted', { time }), active: false };
}

/** Domain refusals become a re-rendered form with the reason; anything else goes to the error handler. */
async function renderFailure(reply: FastifyReply, deps: AppDeps, ctx: AdminContext, error: unknown, state: EditorState) {
  if (error instanceof EditConflictError) return renderEditor(reply, deps, ctx, state, { conflict: true, status: 409 });
  if (error instanceof EmbargoError) {
    const settings = await getSiteSettings(deps.db);
    return renderEditor(reply, deps, ctx, state, { errors: [ctx.t('embargoRefused', { time: formatMinute(error.embargoUntil, settings.timeZone) })], status: 409 });
  }
  if (error instanceof WorkflowError) return renderEditor(reply, deps, ctx, state, { errors: [workflowRefusal(ctx.t, error)], status: 409 });
  if (error instanceof ArticleError) return renderEditor(reply, deps, ctx, state, { errors: [`${ctx.t('badInput')} ${error.message}`], status: 400 });
  if (error instanceof ForbiddenError) throw new AppError('FORBIDDEN');
  throw error;
}

/** Why a workflow step was refused, in the reader's language (the error's own message is for logs). */
function workflowRefusal(t: AdminTranslate, error: WorkflowError): string {
  if (error.problems.includes('scheduleLive')) return t('scheduleLiveRefused');
  if (error.problems.includes('publishAt')) return t('publishAtInvalid');
  const fields = error.problems.filter(isProblemKey);
  // No missing field: the story moved on (another tab, another editor) since this page was opened.
  return fields.length ? `${t('cannotPublish')} ${fields.map((p) => t(`problem_${p}`)).join('、')}` : t('workflowStale');
}

/** Revisions store the code of the action that wrote them; people read what it means. */
const REVISION_LABELS: Record<string, AdminKey> = {
  created: 'rev_created',
  save: 'rev_save',
  autosave: 'rev_autosave',
  'article.submit': 'rev_submit',
  'article.reject': 'rev_reject',
  'article.publish': 'rev_publish',
  'article.unpublish': 'rev_unpublish',
};

function revisionLabel(t: AdminTranslate, note: string, statusAfter: string): string {
  // A publish with a future time leaves the story scheduled: say so rather than "published".
  if (note === 'article.publish' && statusAfter === 'scheduled') return t('rev_schedule');
  const restored = /^restore:(\d+)$/.exec(note)?.[1];
  if (restored) return t('rev_restore', { version: restored });
  const key = REVISION_LABELS[note];
  return key ? t(key) : note;
}

/** The diff names fields as the code does (editorName); show the form's labels instead. */
const DIFF_FIELD_LABELS = new Set<string>(['title', 'subtitle', 'summary', 'sourceName', 'sourceUrl', 'originalTitle', 'originalAuthor', 'dateline', 'editorName', 'reporters', 'photographers', 'keywords']);

function labelDiffFields<D extends { fields: { name: string }[] }>(t: AdminTranslate, diff: D): D {
  return { ...diff, fields: diff.fields.map((f) => ({ ...f, name: DIFF_FIELD_LABELS.has(f.name) ? t(f.name as AdminKey) : f.name })) };
}

function isProblemKey(p: string): p is 'title' | 'body' | 'sourceName' | 'sourceUrlOrOriginalTitle' | 'editorName' {
  return ['title', 'body', 'sourceName', 'sourceUrlOrOriginalTitle', 'editorName'].includes(p);
}

function channelOptions(tree: Awaited<ReturnType<typeof loadChannelTree>>, actor: Actor, forWriting: boolean, keep?: number) {
  const options: { id: number; label: string }[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const channel of tree.children(parentId)) {
      const usable = channel.kind !== 'section' && (!forWriting || channel.id === keep || can(actor, 'article.create', { channelId: channel.id, authorId: actor.userId, status: 'draft' }));
      if (usable) options.push({ id: channel.id, label: `${'— '.repeat(depth)}${channel.name}` });
      walk(channel.id, depth + 1);
    }
  };
  walk(null, 0);
  return options;
}

async function articleRows(deps: AppDeps, ctx: AdminContext, rows: Awaited<ReturnType<typeof listNewsroomArticles>>['rows']) {
  const [tree, settings] = await Promise.all([loadChannelTree(deps.db), getSiteSettings(deps.db)]);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    channelName: tree.byId.get(row.channel_id)?.name ?? '',
    statusKey: row.status,
    // A scheduled story says when it goes out: that, not its last edit, is what the desk plans by.
    statusLabel: row.status === 'scheduled' && row.scheduled_at ? ctx.t('scheduledFor', { time: formatMinute(row.scheduled_at, settings.timeZone) }) : ctx.t(`status_${row.status}` as AdminKey),
    // Stories the demo, the bulk importer or a script wrote have no newsroom author.
    authorName: row.author_name ?? ctx.t('noAuthor'),
    updatedAt: formatMinute(row.updated_at, settings.timeZone),
    editUrl: `/admin/articles/${row.id}`,
    reviewComment: row.status === 'rejected' ? row.review_comment : undefined,
  }));
}

export function html(reply: FastifyReply, body: JSX.Element) {
  return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
}

function positiveInt(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function isDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

export { articleRows, positiveInt };
