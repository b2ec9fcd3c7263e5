import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import type { MediaRow } from '../../../db/schema.ts';
import { findMediaById, findMediaUsage, listMedia } from '../../../domain/media/media.queries.ts';
import {
  MEDIA_LIMITS,
  MEDIA_TEXT_MAX,
  MediaError,
  type MediaMeta,
  type MediaProblem,
  inspectImage,
  mediaUrls,
  storeImageOnce,
  updateMediaMeta,
} from '../../../domain/media/media.service.ts';
import { getSiteSettings } from '../../../domain/settings/site-settings.ts';
import { formatMinute } from '../../../domain/shared/time.ts';
import type { Actor } from '../../../domain/users/actor.ts';
import { can, canView } from '../../../domain/users/policy.ts';
import { type AdminKey, type AdminTranslate, adminTranslator } from '../../../i18n/admin-messages.ts';
import { MediaEditPage } from '../../../views/admin/media-edit-page.tsx';
import { MediaLibraryPage, type MediaLibraryProps, type MediaTileView } from '../../../views/admin/media-library-page.tsx';
import { newsroomLocale, requireCsrf, requireStaff, sameToken } from '../../auth/staff-session.ts';
import { AppError, errorJson } from '../../errors.ts';
import { type AdminContext, adminContext } from './admin-context.ts';
import { html } from './articles.route.tsx';

const PAGE_SIZE = 40;
const API_PAGE_SIZE = 60;
/** Files in one upload: enough for a photo story, bounded because each is held in memory. */
const MAX_FILES = 10;
/** The editor's figures use this width (or the largest rendition below it); thumbnails the smallest. */
const FIGURE_WIDTH = 960;
const THUMB_WIDTH = 480;

const PROBLEM_KEYS: Record<Exclude<MediaProblem, 'notFound'>, AdminKey> = {
  empty: 'mediaEmpty',
  tooLarge: 'mediaTooLarge',
  notImage: 'mediaNotImage',
  unsupported: 'mediaUnsupported',
  tooManyPixels: 'mediaTooManyPixels',
};

type Params = { id: string };

/**
 * The media library (/admin/media), one image's page (/admin/media/:id) and the JSON endpoints
 * the editor island uses (/admin/api/media). Multipart parsing is registered in this scope only.
 */
export function registerMediaAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  // Not awaited: the scope loads with the app, after buildApp has set the error handler it inherits.
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      // Oversized files are cut at the limit and refused by us with a message, not a bare 413.
      throwFileSizeLimit: false,
      limits: { fileSize: MEDIA_LIMITS.maxBytes, files: MAX_FILES, fields: 20, fieldSize: 8 * 1024, parts: MAX_FILES + 20 },
    });
    registerRoutes(scope, deps);
  });
}

function registerRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get('/admin/media', async (request, reply) => {
    const ctx = await adminContext(db, request, 'media');
    const q = request.query as Record<string, string | undefined>;
    const uploaded = idList(q.new);
    const duplicates = idList(q.dup);
    const messages = uploaded.length ? [ctx.t('mediaUploaded', { n: uploaded.length })] : [];
    const dupRows = await Promise.all(duplicates.map((id) => findMediaById(db, id)));
    return renderLibrary(reply, deps, ctx, request, {
      messages,
      duplicates: dupRows.flatMap((row) => (row ? [duplicateNotice(ctx.t, row)] : [])),
    });
  });

  app.post('/admin/media', async (request, reply) => {
    const ctx = await adminContext(db, request, 'media');
    if (!can(ctx.actor, 'media.upload')) throw new AppError('FORBIDDEN');
    const upload = await readUpload(request);
    const outcome = await storeUploads(deps, ctx.actor, ctx.t, upload);
    if (!outcome.ok) {
      return renderLibrary(reply, deps, ctx, request, { errors: [...outcome.errors, ctx.t('mediaNothingStored')] }, outcome.status);
    }
    const created = outcome.stored.filter((s) => s.created).map((s) => s.media.id);
    const dup = outcome.stored.filter((s) => !s.created).map((s) => s.media.id);
    const params = new URLSearchParams();
    if (created.length) params.set('new', created.join(','));
    if (dup.length) params.set('dup', [...new Set(dup)].join(','));
    return reply.redirect(`/admin/media?${params.toString()}`, 303);
  });

  app.get<{ Params: Params }>('/admin/media/:id', async (request, reply) => {
    const ctx = await adminContext(db, request, 'media');
    const media = await loadMedia(deps, request.params.id);
    return renderEdit(reply, deps, ctx, media, { caption: media.caption, credit: media.credit, alt: media.alt });
  });

  app.post<{ Params: Params }>('/admin/media/:id', async (request, reply) => {
    requireCsrf(request);
    const ctx = await adminContext(db, request, 'media');
    const media = await loadMedia(deps, request.params.id);
    if (!can(ctx.actor, 'media.edit')) throw new AppError('FORBIDDEN');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { caption: text(body.caption), credit: text(body.credit), alt: text(body.alt) };
    await updateMediaMeta(db, ctx.actor, media.id, values);
    return reply.redirect(`/admin/media/${media.id}?done=saved`, 303);
  });

  app.get('/admin/api/media', async (request, reply) => {
    requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const page = positiveInt(q.page) ?? 1;
    const result = await listMedia(db, { q: q.q, page, pageSize: API_PAGE_SIZE });
    reply.header('cache-control', 'no-store');
    return { items: result.rows.map(toMediaItem), page, pageCount: result.pageCount, total: result.total };
  });

  app.post('/admin/api/media', async (request, reply) => {
    const actor = requireStaff(request);
    if (!can(actor, 'media.upload')) throw new AppError('FORBIDDEN');
    const t = adminTranslator(newsroomLocale(request));
    const upload = await readUpload(request);
    const outcome = await storeUploads(deps, actor, t, upload);
    reply.header('cache-control', 'no-store');
    if (!outcome.ok) {
      const error = new AppError(outcome.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION', outcome.errors.join(' '), outcome.errors);
      return reply.code(outcome.status).send(errorJson(error));
    }
    const anyNew = outcome.stored.some((s) => s.created);
    return reply.code(anyNew ? 201 : 200).send({
      items: outcome.stored.map((s) => ({ ...toMediaItem(s.media), duplicate: !s.created })),
    });
  });
}

/** One image as the editor's media dialog reads it. */
export interface MediaItem {
  id: number;
  url: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  thumbUrl: string;
}

export function toMediaItem(row: MediaRow): MediaItem {
  const urls = mediaUrls(row);
  const main = widthAtMost(urls.widths, FIGURE_WIDTH);
  return {
    id: row.id,
    url: urls.jpeg(main),
    width: main,
    height: Math.round((row.height * main) / row.width),
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    thumbUrl: urls.jpeg(widthAtMost(urls.widths, THUMB_WIDTH)),
  };
}

/** The largest rendition no wider than `limit`, or the smallest there is. */
function widthAtMost(widths: number[], limit: number): number {
  return widths.filter((w) => w <= limit).pop() ?? (widths[0] as number);
}

interface UploadedFile {
  name: string;
  bytes: Buffer;
  /** Cut at MEDIA_LIMITS.maxBytes by the parser: the file was larger. */
  truncated: boolean;
}

interface Upload {
  files: UploadedFile[];
  meta: MediaMeta;
}

/**
 * Reads a multipart upload. The CSRF token (header `x-csrf-token`, or the `_csrf` field placed
 * before the files) is checked before any file is read, so a forged request stores nothing.
 */
async function readUpload(request: FastifyRequest): Promise<Upload> {
  const session = request.staff;
  const header = request.headers['x-csrf-token'];
  let token = typeof header === 'string' ? header : '';
  const checkToken = () => {
    if (!session || !sameToken(token, session.csrfToken)) throw new AppError('CSRF_INVALID');
  };
  if (!request.isMultipart()) {
    requireCsrf(request);
    throw new AppError('UNSUPPORTED_MEDIA', 'expected multipart/form-data with image files');
  }
  const files: UploadedFile[] = [];
  const meta: MediaMeta = {};
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      const value = typeof part.value === 'string' ? part.value : '';
      if (part.fieldname === '_csrf' && !token) token = value;
      else if (part.fieldname === 'caption' || part.fieldname === 'credit' || part.fieldname === 'alt') meta[part.fieldname] = value.slice(0, MEDIA_TEXT_MAX);
      continue;
    }
    checkToken();
    const bytes = await part.toBuffer();
    // A browser sends an empty part when no file was chosen.
    if (!part.filename && bytes.length === 0) continue;
    files.push({ name: part.filename || 'image', bytes, truncated: part.file.truncated });
  }
  checkToken();
  return { files, meta };
}

type UploadOutcome =
  | { ok: true; stored: { media: MediaRow; created: boolean }[] }
  | { ok: false; status: 400 | 413; errors: string[] };

/** Checks every file first and stores only when all are acceptable, so a bad file stores nothing. */
async function storeUploads(deps: AppDeps, actor: Actor, t: AdminTranslate, upload: Upload): Promise<UploadOutcome> {
  if (!upload.files.length) return { ok: false, status: 400, errors: [t('mediaNoFile')] };
  const limits = { mb: MEDIA_LIMITS.maxBytes / 1024 / 1024, mp: MEDIA_LIMITS.maxPixels / 1_000_000 };
  const problems: { name: string; problem: Exclude<MediaProblem, 'notFound'> }[] = [];
  for (const file of upload.files) {
    if (file.truncated) {
      problems.push({ name: file.name, problem: 'tooLarge' });
      continue;
    }
    try {
      await inspectImage(file.bytes);
    } catch (error) {
      if (!(error instanceof MediaError) || error.problem === 'notFound') throw error;
      problems.push({ name: file.name, problem: error.problem });
    }
  }
  if (problems.length) {
    return {
      ok: false,
      status: problems.some((p) => p.problem === 'tooLarge') ? 413 : 400,
      errors: problems.map((p) => t(PROBLEM_KEYS[p.problem], { name: p.name, ...limits })),
    };
  }
  const stored: { media: MediaRow; created: boolean }[] = [];
  for (const file of upload.files) stored.push(await storeImageOnce(deps.db, deps.config.dataDir, file.bytes, upload.meta, actor));
  return { ok: true, stored };
}

async function renderLibrary(
  reply: FastifyReply,
  deps: AppDeps,
  ctx: AdminContext,
  request: FastifyRequest,
  notes: Partial<Pick<MediaLibraryProps, 'errors' | 'messages' | 'duplicates'>>,
  status = 200,
) {
  const q = request.method === 'GET' ? (request.query as Record<string, string | undefined>) : {};
  const text = (q.q ?? '').slice(0, 200);
  const page = positiveInt(q.page) ?? 1;
  const result = await listMedia(deps.db, { q: text, page, pageSize: PAGE_SIZE });
  return html(
    reply.code(status),
    <MediaLibraryPage
      chrome={ctx.chrome}
      q={text}
      items={result.rows.map(toTile)}
      page={page}
      pageCount={result.pageCount}
      total={result.total}
      pageUrl={(n) => `/admin/media?${new URLSearchParams([...(text ? [['q', text]] : []), ['page', String(n)]]).toString()}`}
      canUpload={can(ctx.actor, 'media.upload')}
      uploadHint={ctx.t('mediaUploadHint', { mb: MEDIA_LIMITS.maxBytes / 1024 / 1024, mp: MEDIA_LIMITS.maxPixels / 1_000_000 })}
      errors={notes.errors ?? []}
      messages={notes.messages ?? []}
      duplicates={notes.duplicates ?? []}
    />,
  );
}

function toTile(row: MediaRow): MediaTileView {
  const item = toMediaItem(row);
  const thumbWidth = widthAtMost(mediaUrls(row).widths, THUMB_WIDTH);
  return {
    id: row.id,
    thumbUrl: item.thumbUrl,
    thumbWidth,
    thumbHeight: Math.round((row.height * thumbWidth) / row.width),
    editUrl: `/admin/media/${row.id}`,
    caption: row.caption,
    credit: row.credit,
    alt: row.alt,
    facts: `${row.width}×${row.height} · ${formatBytes(row.size)}`,
  };
}

function duplicateNotice(t: AdminTranslate, row: MediaRow) {
  return { id: row.id, editUrl: `/admin/media/${row.id}`, text: t('mediaDuplicate', { id: row.id, label: row.caption || row.alt || `#${row.id}` }) };
}

async function renderEdit(reply: FastifyReply, deps: AppDeps, ctx: AdminContext, media: MediaRow, values: { caption: string; credit: string; alt: string }) {
  const [settings, usage] = await Promise.all([getSiteSettings(deps.db), findMediaUsage(deps.db, media.id)]);
  const urls = mediaUrls(media);
  const item = toMediaItem(media);
  return html(
    reply,
    <MediaEditPage
      chrome={ctx.chrome}
      id={media.id}
      values={values}
      canEdit={can(ctx.actor, 'media.edit')}
      errors={[]}
      preview={{ src: item.url, srcsetWebp: urls.srcset('webp'), srcsetJpeg: urls.srcset('jpg'), width: item.width, height: item.height, alt: media.alt }}
      facts={`${media.width}×${media.height} · ${media.mime} · ${formatBytes(media.size)} · ${formatMinute(media.created_at, settings.timeZone)}`}
      originalUrl={urls.original}
      renditions={urls.widths.flatMap((w) => [
        { label: `WebP ${w}w`, url: urls.webp(w) },
        { label: `JPEG ${w}w`, url: urls.jpeg(w) },
      ])}
      usage={usage
        .filter((a) => canView(ctx.actor, { channelId: a.channel_id, authorId: a.author_id, status: a.status }))
        .map((a) => ({ title: a.title, url: `/admin/articles/${a.id}`, status: ctx.t(`status_${a.status}`) }))}
    />,
  );
}

async function loadMedia(deps: AppDeps, rawId: string): Promise<MediaRow> {
  const id = positiveInt(rawId);
  const media = id ? await findMediaById(deps.db, id) : undefined;
  if (!media) throw new AppError('NOT_FOUND');
  return media;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MEDIA_TEXT_MAX) : '';
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'string' && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
}

function idList(value: unknown): number[] {
  if (typeof value !== 'string') return [];
  return [...new Set(value.split(',').flatMap((v) => (positiveInt(v) ? [Number(v)] : [])))].slice(0, MAX_FILES);
}

function formatBytes(size: number): string {
  if (size >= 1024 * 1024) return `${(size / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(size / 1024))} KB`;
}
