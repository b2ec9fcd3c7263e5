import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import { type ArticleSummary, listFlagged, listPublished } from '../../../domain/articles/article.queries.ts';
import {
  BlockError,
  type BlockItemInput,
  FOCUS_CANDIDATES,
  addBlockItem,
  articleFlags,
  deleteBlockItem,
  findBlockItem,
  listBlockItems,
  listFocusArticles,
  moveBlockItem,
  moveFocusArticle,
  reorderBlockItems,
  saveFocusOrder,
  setArticleFlag,
  updateBlockItem,
} from '../../../domain/blocks/block.service.ts';
import { loadChannelTree } from '../../../domain/channels/channel.service.ts';
import { getSiteSettings } from '../../../domain/settings/site-settings.ts';
import { formatMinute } from '../../../domain/shared/time.ts';
import { can } from '../../../domain/users/policy.ts';
import { type BlockItemView, BlocksPage, type StoryView } from '../../../views/admin/blocks-page.tsx';
import { requireCsrf } from '../../auth/staff-session.ts';
import { AppError } from '../../errors.ts';
import { SiteUrls } from '../../site-urls.ts';
import { type AdminContext, adminContext } from './admin-context.ts';
import { explainRefusal } from './admin-errors.ts';
import { html, positiveInt } from './articles.route.tsx';

type Body = Record<string, unknown>;
type Params = { id: string };

/** The home page shows this many 要闻; the newsroom lists the same ones. */
const IMPORTANT_ITEMS = 12;
const RECENT_ITEMS = 20;
const FLAGS = { headline: 'is_headline', focus: 'is_focus', top: 'is_top' } as const;

/** /admin/blocks: headline slot, focus carousel, 要闻 pins and 新媒体 (editors, chiefs, administrators). */
export function registerBlockAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const context = async (request: FastifyRequest) => {
    const ctx = await adminContext(db, request, 'blocks');
    if (!can(ctx.actor, 'blocks.manage')) throw new AppError('FORBIDDEN');
    return ctx;
  };
  /** Domain refusals come back as the page with the message; a missing item is a 404. */
  const attempt = async (reply: FastifyReply, ctx: AdminContext, run: () => Promise<unknown>, done: string, state: RenderState = {}) => {
    try {
      await run();
      return reply.redirect(`/admin/blocks?done=${done}`, 303);
    } catch (error) {
      if (!(error instanceof BlockError)) throw error;
      if (/does not exist/.test(error.message)) throw new AppError('NOT_FOUND', error.message);
      return render(reply.code(400), deps, ctx, { ...state, error: explainRefusal(ctx.t, error.message) });
    }
  };

  app.get('/admin/blocks', async (request, reply) => render(reply, deps, await context(request), {}));

  app.get<{ Params: Params }>('/admin/blocks/items/:id', async (request, reply) => {
    const ctx = await context(request);
    const item = await findBlockItem(db, positiveInt(request.params.id) ?? 0);
    if (!item) throw new AppError('NOT_FOUND');
    return render(reply, deps, ctx, { editItem: itemView(item) });
  });

  app.post('/admin/blocks/items', async (request, reply) => {
    requireCsrf(request);
    const ctx = await context(request);
    const body = request.body as Body;
    return attempt(reply, ctx, () => addBlockItem(db, ctx.actor, 'newmedia', readItem(body)), 'added', { addValues: formValues(body) });
  });

  app.post<{ Params: Params }>('/admin/blocks/items/:id', async (request, reply) => {
    requireCsrf(request);
    const ctx = await context(request);
    const id = positiveInt(request.params.id) ?? 0;
    const body = request.body as Body;
    return attempt(reply, ctx, () => updateBlockItem(db, ctx.actor, id, readItem(body)), 'saved', { editItem: { ...formValues(body), id } });
  });

  app.post<{ Params: Params }>('/admin/blocks/items/:id/delete', async (request, reply) => {
    requireCsrf(request);
    const ctx = await context(request);
    return attempt(reply, ctx, () => deleteBlockItem(db, ctx.actor, positiveInt(request.params.id) ?? 0), 'deleted');
  });

  app.post<{ Params: Params }>('/admin/blocks/items/:id/move', async (request, reply) => {
    requireCsrf(request);
    const ctx = await context(request);
    const direction = readDirection(request.body as Body);
    return attempt(reply, ctx, () => moveBlockItem(db, ctx.actor, positiveInt(request.params.id) ?? 0, direction), 'moved');
  });

  app.post<{ Params: Params }>('/admin/blocks/focus/:id/move', async (request, reply) => {
    requireCsrf(request);
    const ctx = await context(request);
    const direction = readDirection(request.body as Body);
    return attempt(reply, ctx, () => moveFocusArticle(db, ctx.actor, positiveInt(request.params.id) ?? 0, direction), 'moved');
  });

  app.post<{ Params: Params }>('/admin/blocks/articles/:id/flag', async (request, reply) => {
    requireCsrf(request);
    const ctx = await context(request);
    const body = request.body as Body;
    const flag = FLAGS[body.flag as keyof typeof FLAGS];
    if (!flag) throw new AppError('BAD_REQUEST', 'flag must be headline, focus or top');
    const on = body.on === '1' || body.on === true;
    return attempt(reply, ctx, () => setArticleFlag(db, ctx.actor, positiveInt(request.params.id) ?? 0, flag, on), flag === 'is_headline' ? 'headline' : 'curated');
  });

  /**
   * The whole order of a block at once, from drag and drop (blocks-order.js) or any client:
   * form fields `block` and `order` (comma-separated ids), or JSON `{ block, order: [ids] }`
   * with the CSRF token in the x-csrf-token header. JSON callers get JSON back.
   */
  app.post('/admin/blocks/order', async (request, reply) => {
    requireCsrf(request);
    const ctx = await context(request);
    const body = (request.body ?? {}) as Body;
    const raw = body.order;
    const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
    const ids = list.map((v) => positiveInt(String(v).trim()));
    if (!ids.length || ids.some((id) => id === undefined)) throw new AppError('VALIDATION', 'order must be a list of ids');
    const order = ids as number[];
    const wantsJson = request.headers['content-type']?.includes('application/json') || request.headers.accept?.includes('application/json');
    try {
      if (body.block === 'focus') await saveFocusOrder(db, ctx.actor, order);
      else if (body.block === 'newmedia') await reorderBlockItems(db, ctx.actor, 'newmedia', order);
      else throw new AppError('VALIDATION', 'block must be newmedia or focus');
    } catch (error) {
      if (error instanceof BlockError) throw new AppError('VALIDATION', error.message);
      throw error;
    }
    if (wantsJson) return reply.header('cache-control', 'no-store').send({ ok: true, block: body.block, order });
    return reply.redirect('/admin/blocks?done=moved', 303);
  });
}

function readDirection(body: Body): 'up' | 'down' {
  if (body.direction !== 'up' && body.direction !== 'down') throw new AppError('BAD_REQUEST', 'direction must be up or down');
  return body.direction;
}

function formValues(body: Body): BlockItemView {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
  return { id: 0, title: text('title'), url: text('url'), account: text('account'), imageMediaId: text('imageMediaId').trim() };
}

function readItem(body: Body): BlockItemInput {
  const values = formValues(body);
  let imageMediaId: number | null = null;
  if (values.imageMediaId) {
    const id = positiveInt(values.imageMediaId);
    if (!id) throw new BlockError('image must be the number of an image in the media library');
    imageMediaId = id;
  }
  return { title: values.title, url: values.url, account: values.account, imageMediaId };
}

function itemView(item: { id: number; title: string; url: string; account: string; image_media_id: number | null }): BlockItemView {
  return { id: item.id, title: item.title, url: item.url, account: item.account, imageMediaId: item.image_media_id ? String(item.image_media_id) : '' };
}

interface RenderState {
  editItem?: BlockItemView;
  addValues?: BlockItemView;
  error?: string;
}

async function render(reply: FastifyReply, deps: AppDeps, ctx: AdminContext, state: RenderState) {
  const { db } = deps;
  const [tree, settings, headlines, focus, important, recent, items] = await Promise.all([
    loadChannelTree(db),
    getSiteSettings(db),
    listFlagged(db, 'is_headline', 1),
    listFocusArticles(db, FOCUS_CANDIDATES),
    listPublished(db, { pageSize: IMPORTANT_ITEMS + 1, withTotal: false }),
    listPublished(db, { pageSize: RECENT_ITEMS, withTotal: false }),
    listBlockItems(db, 'newmedia', 1000),
  ]);
  const headline = headlines[0];
  const shown = [...headlines, ...focus, ...important.items, ...recent.items];
  const flags = await articleFlags(db, [...new Set(shown.map((a) => a.id))]);
  const urls = new SiteUrls(tree, settings.timeZone);
  const story = (a: ArticleSummary): StoryView => ({
    id: a.id,
    title: a.title,
    url: urls.article(a),
    date: formatMinute(a.publishedAt, settings.timeZone),
    isHeadline: flags.get(a.id)?.isHeadline ?? false,
    isFocus: flags.get(a.id)?.isFocus ?? false,
    isTop: flags.get(a.id)?.isTop ?? false,
  });
  return html(
    reply,
    <BlocksPage
      chrome={ctx.chrome}
      headline={headline && story(headline)}
      focus={focus.map(story)}
      important={important.items.filter((a) => a.id !== headline?.id).slice(0, IMPORTANT_ITEMS).map(story)}
      recent={recent.items.map(story)}
      newMedia={items.map(itemView)}
      editItem={state.editItem}
      addValues={state.addValues ?? { id: 0, title: '', url: '', account: '', imageMediaId: '' }}
      error={state.error}
    />,
  );
}
