import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import type { ChannelKind } from '../../../db/schema.ts';
import type { ChannelTree } from '../../../domain/channels/channel-tree.ts';
import { ChannelError, KINDS, createChannelAs, deleteChannel, loadChannelTree, moveChannel, updateChannel } from '../../../domain/channels/channel.service.ts';
import { getSiteSettings } from '../../../domain/settings/site-settings.ts';
import { can } from '../../../domain/users/policy.ts';
import { type ChannelFormValues, type ChannelRowView, ChannelsPage } from '../../../views/admin/channels-page.tsx';
import { requireCsrf } from '../../auth/staff-session.ts';
import { AppError } from '../../errors.ts';
import { SiteUrls } from '../../site-urls.ts';
import { type AdminContext, adminContext } from './admin-context.ts';
import { explainRefusal } from './admin-errors.ts';
import { html, positiveInt } from './articles.route.tsx';

type Body = Record<string, unknown>;
type Params = { id: string };

/** /admin/channels: the channel tree for administrators. */
export function registerChannelAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const context = async (request: Parameters<typeof adminContext>[1]) => {
    const ctx = await adminContext(db, request, 'channels');
    if (!can(ctx.actor, 'channels.manage')) throw new AppError('FORBIDDEN');
    return ctx;
  };

  app.get('/admin/channels', async (request, reply) => render(reply, deps, await context(request), {}));

  app.get<{ Params: Params }>('/admin/channels/:id', async (request, reply) => {
    const ctx = await context(request);
    const tree = await loadChannelTree(db);
    const channel = tree.byId.get(positiveInt(request.params.id) ?? 0);
    if (!channel) throw new AppError('NOT_FOUND');
    return render(reply, deps, ctx, { editId: channel.id });
  });

  app.post('/admin/channels', async (request, reply) => {
    requireCsrf(request);
    const ctx = await context(request);
    const values = readForm(request.body as Body);
    try {
      const parentId = positiveInt(values.parentId) ?? null;
      const created = await createChannelAs(db, ctx.actor, { name: values.name, slug: values.slug, kind: values.kind as ChannelKind, inNav: values.inNav, parentId });
      return reply.redirect(`/admin/channels?done=channelCreated#channel-${created.id}`, 303);
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      return render(reply.code(400), deps, ctx, { create: values, error: explainRefusal(ctx.t, error.message) });
    }
  });

  app.post<{ Params: Params }>('/admin/channels/:id', async (request, reply) => {
    requireCsrf(request);
    const ctx = await context(request);
    const id = positiveInt(request.params.id);
    const tree = await loadChannelTree(db);
    if (!id || !tree.byId.has(id)) throw new AppError('NOT_FOUND');
    const values = readForm(request.body as Body);
    try {
      const parentId = 'parentId' in (request.body as Body) ? parentOf(values.parentId) : undefined;
      await updateChannel(db, ctx.actor, id, { name: values.name, slug: values.slug, kind: values.kind as ChannelKind, inNav: values.inNav, parentId });
      return reply.redirect(`/admin/channels?done=saved#channel-${id}`, 303);
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      return render(reply.code(400), deps, ctx, { editId: id, editValues: values, error: explainRefusal(ctx.t, error.message) });
    }
  });

  app.post<{ Params: Params }>('/admin/channels/:id/delete', async (request, reply) => {
    requireCsrf(request);
    const ctx = await context(request);
    const id = positiveInt(request.params.id);
    const tree = await loadChannelTree(db);
    if (!id || !tree.byId.has(id)) throw new AppError('NOT_FOUND');
    try {
      await deleteChannel(db, ctx.actor, id);
      return reply.redirect('/admin/channels?done=channelDeleted', 303);
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      return render(reply.code(400), deps, ctx, { editId: id, error: explainRefusal(ctx.t, error.message) });
    }
  });

  app.post<{ Params: Params }>('/admin/channels/:id/move', async (request, reply) => {
    requireCsrf(request);
    const ctx = await context(request);
    const id = positiveInt(request.params.id);
    const direction = (request.body as Body).direction;
    if (!id || (direction !== 'up' && direction !== 'down')) throw new AppError('BAD_REQUEST');
    try {
      await moveChannel(db, ctx.actor, id, direction);
    } catch (error) {
      if (error instanceof ChannelError) throw new AppError('NOT_FOUND', error.message);
      throw error;
    }
    return reply.redirect(`/admin/channels?done=moved#channel-${id}`, 303);
  });
}

/** The parent picked in a form: '' is the top level; anything unreadable names no channel (refused). */
function parentOf(value: string): number | null {
  return value === '' ? null : (positiveInt(value) ?? 0);
}

function readForm(body: Body): ChannelFormValues {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
  return { name: text('name').slice(0, 100), slug: text('slug').trim(), kind: text('kind') || 'list', inNav: Boolean(body.inNav), parentId: text('parentId') };
}

interface RenderState {
  editId?: number;
  editValues?: ChannelFormValues;
  create?: ChannelFormValues;
  error?: string;
}

async function render(reply: FastifyReply, deps: AppDeps, ctx: AdminContext, state: RenderState) {
  const [tree, settings] = await Promise.all([loadChannelTree(deps.db), getSiteSettings(deps.db)]);
  const urls = new SiteUrls(tree, settings.timeZone);
  const kindLabel = (kind: string) => ctx.t(`ch_kind_${kind as ChannelKind}`);
  const rows = treeRows(tree).map(({ channel, depth, place, count }): ChannelRowView => ({
    id: channel.id,
    depth,
    name: channel.name,
    path: tree.pathOf(channel.id),
    publicUrl: urls.channel(channel.id),
    kind: channel.kind,
    kindLabel: kindLabel(channel.kind),
    inNav: channel.in_nav === 1,
    place,
    isFirst: place === 1,
    isLast: place === count,
  }));
  const editing = state.editId ? tree.byId.get(state.editId) : undefined;
  return html(
    reply,
    <ChannelsPage
      chrome={ctx.chrome}
      rows={rows}
      kinds={KINDS.map((k) => ({ key: k, label: kindLabel(k) }))}
      edit={
        editing
          ? {
              id: editing.id,
              path: tree.pathOf(editing.id),
              values: state.editValues ?? { name: editing.name, slug: editing.slug, kind: editing.kind, inNav: editing.in_nav === 1, parentId: String(editing.parent_id ?? '') },
            }
          : undefined
      }
      create={state.create ?? { name: '', slug: '', kind: 'list', inNav: true, parentId: '' }}
      parents={rows.map((r) => ({ id: r.id, label: `${'— '.repeat(r.depth)}${r.name}` }))}
      editParents={
        editing
          ? rows.filter((r) => !tree.subtreeIds(editing.id).includes(r.id)).map((r) => ({ id: r.id, label: `${'— '.repeat(r.depth)}${r.name}` }))
          : []
      }
      error={state.error}
    />,
  );
}

function treeRows(tree: ChannelTree) {
  const out: { channel: NonNullable<ReturnType<ChannelTree['byId']['get']>>; depth: number; place: number; count: number }[] = [];
  const walk = (parentId: number | null, depth: number) => {
    const children = tree.children(parentId);
    children.forEach((channel, index) => {
      out.push({ channel, depth, place: index + 1, count: children.length });
      walk(channel.id, depth + 1);
    });
  };
  walk(null, 0);
  return out;
}
