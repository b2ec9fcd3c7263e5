import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import { loadChannelTree } from '../../../domain/channels/channel.service.ts';
import { findDuplicate } from '../../../domain/ingest/duplicate.service.ts';
import { ExtractionError, type Extraction } from '../../../domain/ingest/extraction.ts';
import { extractArticle, readOriginalText } from '../../../domain/ingest/extractor.ts';
import { localiseImages } from '../../../domain/ingest/import-images.ts';
import { FetchError, safeFetch } from '../../../domain/ingest/safe-fetch.ts';
import type { AdminTranslate } from '../../../i18n/admin-messages.ts';
import { explainFetchFailure } from './admin-errors.ts';
import { findArticleRow } from '../../../domain/articles/article-workflow.service.ts';
import { can } from '../../../domain/users/policy.ts';
import { ImportPage, ImportReview } from '../../../views/admin/import-page.tsx';
import { sameToken } from '../../auth/staff-session.ts';
import { AppError } from '../../errors.ts';
import { adminContext } from './admin-context.ts';
import { formValuesOf } from './article-form.ts';
import { html, renderEditor } from './articles.route.tsx';

const MAX_PAGE_BYTES = 10 * 1024 * 1024;

interface ImportInput {
  pasted: string;
  url: string;
  file?: Buffer;
}

/**
 * 导入稿件: a pasted page, a saved .html file or a URL becomes an attributed draft. The draft is
 * shown in the ordinary editor form (posting to the ordinary create route), with the original
 * text beside it and a warning when the same story is already in the system.
 */
export function registerImportRoutes(app: FastifyInstance, deps: AppDeps): void {
  // Not awaited: the scope loads with the others at ready(), after app.tsx has set the error handler.
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_PAGE_BYTES, files: 1, fields: 10, fieldSize: MAX_PAGE_BYTES } });

    scope.get('/admin/import', async (request, reply) => {
      const ctx = await adminContext(deps.db, request, 'import');
      if (!can(ctx.actor, 'article.create')) throw new AppError('FORBIDDEN');
      return html(reply, <ImportPage chrome={ctx.chrome} />);
    });

    scope.post('/admin/import', async (request, reply) => {
      const ctx = await adminContext(deps.db, request, 'import');
      const input = await readImportForm(request);
      if (!can(ctx.actor, 'article.create')) throw new AppError('FORBIDDEN');
      const t = ctx.t;
      const again = (status: number, error: string) =>
        html(reply.code(status), <ImportPage chrome={ctx.chrome} error={error} pasted={input.pasted} url={input.url} />);
      if (!input.file?.length && !input.url.trim() && !input.pasted.trim()) return again(400, t('importEmpty'));

      let extraction: Extraction;
      let original: string;
      const notes: string[] = [];
      try {
        ({ extraction, original } = await extract(input, deps.config.importAllowPrivate));
        // With an address, the pictures are fetched into the media library, whether the page itself was fetched, pasted or uploaded.
        if (input.url.trim()) {
          const local = await localiseImages(deps.db, deps.config.dataDir, extraction, {
            actor: ctx.actor,
            fetch: { allowPrivateAddresses: deps.config.importAllowPrivate },
          });
          extraction = local.extraction;
          if (local.stored.length) notes.push(t('importImages', { count: local.stored.length }));
          if (local.failed.length) notes.push(t('importImagesFailed', { count: local.failed.length }));
        }
      } catch (error) {
        if (error instanceof ExtractionError || error instanceof FetchError) return again(422, `${t('importFailed')} ${importProblem(t, error)}`);
        throw error;
      }
      // The page's 责任编辑 is the other site's; ours is the person who publishes it here, so it is told, not filled in.
      if (extraction.editor) notes.push(t('importOriginalEditor', { name: extraction.editor }));

      const duplicate = await findDuplicate(deps.db, { sourceUrl: extraction.sourceUrl, text: extraction.bodyText });
      const duplicateRow = duplicate ? await findArticleRow(deps.db, duplicate.articleId) : undefined;
      const tree = await loadChannelTree(deps.db);
      const firstChannel = tree.byId.values().next().value?.id ?? 0;
      // The story is already here: the draft goes to its channel, and may replace its text (see updateAction).
      const updatable =
        duplicateRow && can(ctx.actor, 'article.edit', { channelId: duplicateRow.channel_id, authorId: duplicateRow.author_id, status: duplicateRow.status })
          ? duplicateRow
          : undefined;
      // The section the page's breadcrumb names, when this portal has a channel of that name (国际新闻).
      const named = [...extraction.section].reverse().map((name) => [...tree.byId.values()].find((c) => c.name === name)).find(Boolean);
      const values = formValuesOf({
        channelId: duplicateRow?.channel_id ?? named?.id ?? firstChannel,
        title: extraction.title,
        subtitle: extraction.subtitle,
        summary: extraction.summary,
        bodyHtml: extraction.bodyHtml,
        // A reposted story names where it came from, its original title and author (互联网新闻信息服务管理规定).
        isOriginal: false,
        sourceName: extraction.source,
        sourceUrl: /^https?:\/\//i.test(extraction.sourceUrl) ? extraction.sourceUrl : input.url.trim(),
        originalTitle: extraction.originalTitle || extraction.title,
        originalAuthor: extraction.authors.join('、'),
        dateline: extraction.dateline,
        reporters: extraction.authors,
        photographers: extraction.photographers,
        editorName: ctx.actor.role === 'reporter' ? '' : ctx.actor.name,
        keywords: extraction.keywords,
      });
      return renderEditor(reply, deps, ctx, { values, version: 0, statusKey: 'draft' }, {
        before: (
          <ImportReview
            t={t}
            originalText={original}
            draftText={extraction.bodyText}
            notes={notes}
            duplicate={
              duplicate && duplicateRow
                ? {
                    reason: duplicate.reason,
                    title: duplicateRow.title,
                    url: `/admin/articles/${duplicateRow.id}`,
                    update: updatable ? { action: `/admin/articles/${updatable.id}/update-from-import`, version: updatable.version } : undefined,
                  }
                : undefined
            }
          />
        ),
      });
    });
  });
}

/** The form is multipart (it may carry a file): the CSRF token is checked before anything else is used. */
async function readImportForm(request: FastifyRequest): Promise<ImportInput> {
  const input: ImportInput = { pasted: '', url: '' };
  let token = '';
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA', 'expected multipart/form-data');
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      const value = typeof part.value === 'string' ? part.value : '';
      if (part.fieldname === '_csrf') token = value;
      else if (part.fieldname === 'pasted') input.pasted = value;
      else if (part.fieldname === 'url') input.url = value.slice(0, 2000);
      continue;
    }
    const bytes = await part.toBuffer();
    if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE');
    if (bytes.length) input.file = bytes;
  }
  if (!request.staff || !sameToken(token, request.staff.csrfToken)) throw new AppError('CSRF_INVALID');
  return input;
}

/**
 * What the editor gave is the page: the file, else the pasted text, else what the address serves.
 * An address given beside a file or a paste is the page's own (a saved copy, a page behind a login):
 * it fills the source URL and resolves the page's relative picture links.
 */
async function extract(input: ImportInput, allowPrivate: boolean): Promise<{ extraction: Extraction; original: string }> {
  const url = input.url.trim();
  const address = /^https?:\/\//i.test(url) ? url : undefined;
  if (input.file?.length) return { extraction: extractArticle(input.file, { url: address }), original: readOriginalText(input.file) };
  if (input.pasted.trim()) return { extraction: extractArticle(input.pasted, { url: address }), original: readOriginalText(input.pasted) };
  const page = await safeFetch(url, { maxBytes: MAX_PAGE_BYTES, allowPrivateAddresses: allowPrivate });
  return { extraction: extractArticle(page.body, { url: page.url, charset: page.charset }), original: readOriginalText(page.body, { charset: page.charset }) };
}

/** Why an import failed, in the newsroom's language (the fetcher's own messages are English, for developers). */
function importProblem(t: AdminTranslate, error: ExtractionError | FetchError): string {
  if (error instanceof ExtractionError) {
    if (/empty/.test(error.message)) return t('extract_empty');
    if (/binary/.test(error.message)) return t('extract_binary');
    return error.message;
  }
  return explainFetchFailure(t, error.code, error.message);
}

