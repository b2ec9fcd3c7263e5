import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import type { IngestItemRow } from '../../../db/schema.ts';
import { findArticleRow, isEmbargoed } from '../../../domain/articles/article-workflow.service.ts';
import { richTextToPlain } from '../../../domain/articles/rich-text.ts';
import { loadChannelTree } from '../../../domain/channels/channel.service.ts';
import { type Extraction, ExtractionError } from '../../../domain/ingest/extraction.ts';
import { extractArticle, readOriginalText } from '../../../domain/ingest/extractor.ts';
import { localiseImages } from '../../../domain/ingest/import-images.ts';
import { FetchError, safeFetch } from '../../../domain/ingest/safe-fetch.ts';
import { WireError, createProvider, findQueueItem, listProviders, listQueue, pollProvider } from '../../../domain/ingest/wire.service.ts';
import { getSiteSettings } from '../../../domain/settings/site-settings.ts';
import { parseList } from '../../../domain/shared/json-list.ts';
import { formatMinute } from '../../../domain/shared/time.ts';
import { can } from '../../../domain/users/policy.ts';
import type { AdminKey } from '../../../i18n/admin-messages.ts';
import { explainPollFailure } from './admin-errors.ts';
import { ImportReview } from '../../../views/admin/import-page.tsx';
import { type WireItemView, WiresPage } from '../../../views/admin/wires-page.tsx';
import { requireCsrf } from '../../auth/staff-session.ts';
import { AppError } from '../../errors.ts';
import { type AdminContext, adminContext } from './admin-context.ts';
import { formValuesOf } from './article-form.ts';
import { html, positiveInt, renderEditor } from './articles.route.tsx';

const QUEUE_ITEMS = 50;
/** A feed item with less body text than this is only a teaser: the full page is fetched. */
const TEASER_CHARS = 200;

/** 通稿: wire providers polled into a queue; an item becomes a draft through the import review. */
export function registerWireRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  /** The queue page; `itemId` shows that one item alone (the link from an article's wire notice). */
  async function renderQueue(reply: FastifyReply, ctx: AdminContext, options: { itemId?: number; error?: string; status?: number } = {}) {
    const [providers, queue, settings] = await Promise.all([listProviders(db), listQueue(db, { itemId: options.itemId, page: 1, pageSize: QUEUE_ITEMS }), getSiteSettings(db)]);
    const when = (iso: string | null) => (iso ? formatMinute(iso, settings.timeZone) : ctx.t('wireNever'));
    return html(
      reply.code(options.status ?? 200),
      <WiresPage
        chrome={ctx.chrome}
        canManage={can(ctx.actor, 'settings.manage')}
        error={options.error}
        wholeQueueUrl={options.itemId ? '/admin/wires' : undefined}
        providers={providers.map((p) => ({ id: p.id, name: p.name, url: p.url, intervalMinutes: p.interval_minutes, lastPolled: when(p.last_polled_at), lastError: explainPollFailure(ctx.t, p.last_error) }))}
        items={queue.rows.map((item) => ({
          id: item.id,
          title: item.title,
          provider: item.provider,
          publishedAt: when(item.published_at),
          statusKey: item.status,
          statusLabel: ctx.t(`wireStatus_${item.status}` as AdminKey),
          language: foreignLanguage(item.language, settings.locale, ctx.chrome.locale),
          embargo: isEmbargoed(item.embargo_until) ? ctx.t('wireEmbargoBadge', { time: formatMinute(item.embargo_until, settings.timeZone) }) : undefined,
          // Neither an imported nor a withdrawn item can be imported (again).
          importUrl: item.status === 'imported' || item.status === 'withdrawn' ? undefined : `/admin/wires/items/${item.id}/import`,
          articleUrl: item.article_id ? `/admin/articles/${item.article_id}` : undefined,
          ...agencyChanges(ctx, item, settings.timeZone),
        }))}
      />,
    );
  }

  app.get('/admin/wires', async (request, reply) => {
    const ctx = await adminContext(db, request, 'wires');
    if (!can(ctx.actor, 'article.create')) throw new AppError('FORBIDDEN');
    const raw = (request.query as Record<string, string | undefined>).item;
    const itemId = raw === undefined ? undefined : positiveInt(raw);
    if (raw !== undefined && !itemId) throw new AppError('BAD_REQUEST', 'item must be a queue item number');
    return renderQueue(reply, ctx, { itemId });
  });

  app.post('/admin/wires/providers', async (request, reply) => {
    requireCsrf(request);
    const ctx = await adminContext(db, request, 'wires');
    const body = request.body as Record<string, unknown>;
    try {
      await createProvider(db, ctx.actor, {
        name: String(body.name ?? ''),
        url: String(body.url ?? ''),
        intervalMinutes: Number(body.intervalMinutes ?? 15),
      });
    } catch (error) {
      if (!(error instanceof WireError)) throw error;
      throw new AppError('VALIDATION', error.message);
    }
    return reply.redirect('/admin/wires?done=wireAdded', 303);
  });

  app.post<{ Params: { id: string } }>('/admin/wires/providers/:id/poll', async (request, reply) => {
    requireCsrf(request);
    const ctx = await adminContext(db, request, 'wires');
    if (!can(ctx.actor, 'article.create')) throw new AppError('FORBIDDEN');
    const provider = (await listProviders(db)).find((p) => p.id === positiveInt(request.params.id));
    if (!provider) throw new AppError('NOT_FOUND');
    const result = await pollProvider(db, provider, { allowPrivateAddresses: deps.config.importAllowPrivate });
    // The fault itself is shown beside the provider (last_error); the notice says what this poll changed.
    if (!result) return reply.redirect('/admin/wires?done=wirePollFailed', 303);
    return reply.redirect(`/admin/wires?done=wirePolled&added=${result.added}&withdrawn=${result.withdrawn}&updated=${result.updated}`, 303);
  });

  // A POST with the CSRF token: opening an item fetches its page and stores its pictures.
  app.post<{ Params: { id: string } }>('/admin/wires/items/:id/import', async (request, reply) => {
    requireCsrf(request);
    const ctx = await adminContext(db, request, 'wires');
    if (!can(ctx.actor, 'article.create')) throw new AppError('FORBIDDEN');
    const item = await findQueueItem(db, positiveInt(request.params.id) ?? 0);
    if (!item) throw new AppError('NOT_FOUND');
    // The agency killed it: nothing is fetched or stored, and the queue says why.
    if (item.status === 'withdrawn') return renderQueue(reply, ctx, { itemId: item.id, error: ctx.t('wireWithdrawnRefused'), status: 409 });
    let extraction: Extraction;
    let original: string;
    const notes: string[] = [];
    try {
      ({ extraction, original } = await extractItem(item, deps.config.importAllowPrivate));
      // Wire pictures (ninjs associations, NewsML-G2 picture items) join the media library with their
      // captions and credits, as a URL import's do, rather than being hot-linked from the agency.
      // Storing is by content hash, so opening the same item again adds no second copy.
      if (extraction.images.length && can(ctx.actor, 'media.upload')) {
        const local = await localiseImages(db, deps.config.dataDir, extraction, {
          actor: ctx.actor,
          fetch: { allowPrivateAddresses: deps.config.importAllowPrivate },
        });
        extraction = local.extraction;
        if (local.stored.length) notes.push(ctx.t('importImages', { count: local.stored.length }));
        if (local.failed.length) notes.push(ctx.t('importImagesFailed', { count: local.failed.length }));
      }
    } catch (error) {
      if (error instanceof ExtractionError || error instanceof FetchError) throw new AppError('VALIDATION', error.message);
      throw error;
    }
    const [tree, settings] = await Promise.all([loadChannelTree(db), getSiteSettings(db)]);
    // Saving the draft carries the embargo over from the queue item (markQueueItem); the editor sees it now.
    if (isEmbargoed(item.embargo_until)) notes.unshift(ctx.t('embargoNotice', { time: formatMinute(item.embargo_until, settings.timeZone) }));
    const authors = extraction.authors.length ? extraction.authors : parseList(item.authors);
    // Imported before (the agency has since sent a new version): the draft may update that article instead.
    const earlier = item.article_id ? await findArticleRow(db, item.article_id) : undefined;
    const updatable = earlier && can(ctx.actor, 'article.edit', { channelId: earlier.channel_id, authorId: earlier.author_id, status: earlier.status }) ? earlier : undefined;
    const values = formValuesOf({
      channelId: earlier?.channel_id ?? tree.byId.values().next().value?.id ?? 0,
      title: extraction.title || item.title,
      summary: extraction.summary || item.summary,
      bodyHtml: extraction.bodyHtml,
      isOriginal: false,
      sourceName: extraction.source || item.provider,
      sourceUrl: item.url,
      originalTitle: item.title,
      originalAuthor: authors.join('、'),
      dateline: extraction.dateline,
      reporters: authors,
      editorName: ctx.actor.role === 'reporter' ? '' : ctx.actor.name,
    });
    return renderEditor(reply, deps, ctx, { values, version: 0, statusKey: 'draft' }, {
      before: (
        <>
          {/* Outside the form, tied to it: saving the draft marks this queue item as imported. */}
          <input type="hidden" name="ingestItemId" form="article-form" value={String(item.id)} />
          {/* The agency version this review shows, so a later one arriving before the save is not mistaken for it. */}
          <input type="hidden" name="ingestItemSeen" form="article-form" value={item.agency_updated_at ?? ''} />
          <ImportReview
            t={ctx.t}
            originalText={original}
            draftText={extraction.bodyText}
            notes={notes}
            duplicate={
              earlier
                ? {
                    reason: 'source-url',
                    title: earlier.title,
                    url: `/admin/articles/${earlier.id}`,
                    update: updatable ? { action: `/admin/articles/${updatable.id}/update-from-import`, version: updatable.version } : undefined,
                  }
                : undefined
            }
          />
        </>
      ),
    });
  });
}

/**
 * What the agency did after sending the item: a kill, or a later version. Before import the new
 * version simply is the item ("updated"); after import the article stays as the editors left it,
 * so the row says so and shows the agency's new text.
 */
function agencyChanges(ctx: AdminContext, item: IngestItemRow, timeZone: string): Pick<WireItemView, 'withdrawn' | 'updated' | 'latestText'> {
  if (item.status === 'withdrawn') return { withdrawn: ctx.t('wireWithdrawnBadge', { time: formatMinute(item.withdrawn_at ?? item.created_at, timeZone) }) };
  if (!item.agency_updated_at) return {};
  const time = formatMinute(item.agency_updated_at, timeZone);
  if (item.status !== 'imported') return { updated: ctx.t('wireUpdatedBadge', { time }) };
  return { updated: ctx.t('wireAgencyUpdatedBadge', { time }), latestText: richTextToPlain(item.body_html) };
}

/**
 * The item's language as the newsroom should read it ("英语 (en-US)"), or undefined when it is
 * the site's own: same language and script, so zh-CN and zh stay quiet but zh-Hant is named.
 */
function foreignLanguage(tag: string | null, siteLocale: string, uiLocale: string): string | undefined {
  if (!tag) return undefined;
  try {
    const item = new Intl.Locale(tag).maximize();
    const site = new Intl.Locale(siteLocale).maximize();
    if (item.language === site.language && item.script === site.script) return undefined;
    const name = new Intl.DisplayNames([uiLocale], { type: 'language' }).of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

/** The item as a draft, and the original to show beside it: the agency's text, or the page a teaser links to. */
async function extractItem(item: { title: string; url: string; body_html: string }, allowPrivate: boolean): Promise<{ extraction: Extraction; original: string }> {
  const page = `<html><head><title></title></head><body><article><h1>${escapeText(item.title)}</h1>${item.body_html}</article></body></html>`;
  const fromFeed = { extraction: extractArticle(page, { url: item.url || undefined }), original: readOriginalText(page) };
  if (fromFeed.extraction.bodyText.length >= TEASER_CHARS || !/^https?:\/\//i.test(item.url)) return fromFeed;
  try {
    const fetched = await safeFetch(item.url, { allowPrivateAddresses: allowPrivate });
    return { extraction: extractArticle(fetched.body, { url: fetched.url, charset: fetched.charset }), original: readOriginalText(fetched.body, { charset: fetched.charset }) };
  } catch (error) {
    // The page being unreachable is no reason to refuse what the feed itself carried.
    if (error instanceof FetchError || error instanceof ExtractionError) return fromFeed;
    throw error;
  }
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
