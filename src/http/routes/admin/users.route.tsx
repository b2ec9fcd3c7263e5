import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import type { Role } from '../../../db/schema.ts';
import { loadChannelTree } from '../../../domain/channels/channel.service.ts';
import { getSiteSettings } from '../../../domain/settings/site-settings.ts';
import { formatMinute } from '../../../domain/shared/time.ts';
import { ROLES } from '../../../domain/users/actor.ts';
import { PASSWORD_MIN_LENGTH, PasswordError } from '../../../domain/users/password.ts';
import { can } from '../../../domain/users/policy.ts';
import {
  UserError,
  changePassword,
  channelIdsByUser,
  createUser,
  listUsers,
  requireUser,
  setUserDisabled,
  updateUserAccess,
} from '../../../domain/users/user.service.ts';
import { type UserFormValues, type UserRowView, UsersPage } from '../../../views/admin/users-page.tsx';
import { requireCsrf } from '../../auth/staff-session.ts';
import { AppError } from '../../errors.ts';
import { type AdminContext, adminContext } from './admin-context.ts';
import { explainRefusal } from './admin-errors.ts';
import { html, positiveInt } from './articles.route.tsx';

type Body = Record<string, unknown>;
type Params = { id: string };

/** /admin/users: accounts, roles, channel assignments (administrators). */
export function registerUserAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const context = async (request: FastifyRequest) => {
    const ctx = await adminContext(db, request, 'users');
    if (!can(ctx.actor, 'users.manage')) throw new AppError('FORBIDDEN');
    return ctx;
  };
  const userFrom = async (raw: string) => {
    const id = positiveInt(raw);
    if (!id) throw new AppError('NOT_FOUND');
    try {
      return await requireUser(db, id);
    } catch {
      throw new AppError('NOT_FOUND');
    }
  };
  /** A refused change shows the page again with the reason; nothing was written. */
  const attempt = async (reply: FastifyReply, ctx: AdminContext, run: () => Promise<unknown>, redirect: string, state: RenderState) => {
    try {
      await run();
      return reply.redirect(redirect, 303);
    } catch (error) {
      if (!(error instanceof UserError) && !(error instanceof PasswordError)) throw error;
      return render(reply.code(400), deps, ctx, { ...state, error: explainRefusal(ctx.t, error.message) });
    }
  };

  app.get('/admin/users', async (request, reply) => render(reply, deps, await context(request), {}));

  app.get<{ Params: Params }>('/admin/users/:id', async (request, reply) => {
    const ctx = await context(request);
    const user = await userFrom(request.params.id);
    return render(reply, deps, ctx, { editId: user.id });
  });

  app.post('/admin/users', async (request, reply) => {
    requireCsrf(request);
    const ctx = await context(request);
    const body = request.body as Body;
    const values = readForm(body);
    const password = typeof body.password === 'string' ? body.password : '';
    return attempt(
      reply,
      ctx,
      () => createUser(db, ctx.actor, { username: values.username.trim().toLowerCase(), password, displayName: values.realName, role: values.role as Role, channelIds: values.channelIds }),
      '/admin/users?done=userCreated',
      { create: values },
    );
  });

  app.post<{ Params: Params }>('/admin/users/:id', async (request, reply) => {
    requireCsrf(request);
    const ctx = await context(request);
    const user = await userFrom(request.params.id);
    const values = readForm(request.body as Body);
    return attempt(
      reply,
      ctx,
      () => updateUserAccess(db, ctx.actor, user.id, { role: values.role as Role, channelIds: values.channelIds, displayName: values.realName }),
      `/admin/users/${user.id}?done=saved`,
      { editId: user.id, editValues: { ...values, username: user.username } },
    );
  });

  app.post<{ Params: Params }>('/admin/users/:id/password', async (request, reply) => {
    requireCsrf(request);
    const ctx = await context(request);
    const user = await userFrom(request.params.id);
    const password = typeof (request.body as Body).password === 'string' ? ((request.body as Body).password as string) : '';
    return attempt(reply, ctx, () => changePassword(db, ctx.actor, user.username, password), `/admin/users/${user.id}?done=passwordReset`, { editId: user.id });
  });

  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post<{ Params: Params }>(`/admin/users/:id/${action}`, async (request, reply) => {
      requireCsrf(request);
      const ctx = await context(request);
      const user = await userFrom(request.params.id);
      return attempt(reply, ctx, () => setUserDisabled(db, ctx.actor, user.id, disabled), `/admin/users/${user.id}?done=${disabled ? 'userDisabled' : 'userEnabled'}`, { editId: user.id });
    });
  }
}

function readForm(body: Body): UserFormValues {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
  const raw = body.channels;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const channelIds = list.map((v) => positiveInt(String(v))).filter((n): n is number => n !== undefined);
  return { username: text('username').slice(0, 64), realName: text('realName').slice(0, 100), role: text('role'), channelIds };
}

interface RenderState {
  editId?: number;
  editValues?: UserFormValues;
  create?: UserFormValues;
  error?: string;
}

async function render(reply: FastifyReply, deps: AppDeps, ctx: AdminContext, state: RenderState) {
  const { db } = deps;
  const [users, assignments, tree, settings] = await Promise.all([listUsers(db), channelIdsByUser(db), loadChannelTree(db), getSiteSettings(db)]);
  const rows: UserRowView[] = users.map((user) => ({
    id: user.id,
    username: user.username,
    realName: user.display_name,
    role: user.role,
    roleLabel: ctx.t(`role_${user.role}`),
    channelNames: (assignments.get(user.id) ?? []).map((id) => tree.byId.get(id)?.name ?? `#${id}`),
    disabled: user.disabled === 1,
    createdAt: formatMinute(user.created_at, settings.timeZone),
  }));
  const channels: { id: number; label: string }[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const channel of tree.children(parentId)) {
      channels.push({ id: channel.id, label: `${'— '.repeat(depth)}${channel.name}` });
      walk(channel.id, depth + 1);
    }
  };
  walk(null, 0);
  const editing = rows.find((r) => r.id === state.editId);
  return html(
    reply,
    <UsersPage
      chrome={ctx.chrome}
      users={rows}
      roles={ROLES.map((r) => ({ key: r, label: ctx.t(`role_${r}`) }))}
      channels={channels}
      create={state.create ?? { username: '', realName: '', role: 'reporter', channelIds: [] }}
      edit={
        editing
          ? {
              user: editing,
              values: state.editValues ?? { username: editing.username, realName: editing.realName, role: editing.role, channelIds: assignments.get(editing.id) ?? [] },
              isSelf: editing.id === ctx.actor.userId,
            }
          : undefined
      }
      passwordMin={PASSWORD_MIN_LENGTH}
      error={state.error}
    />,
  );
}
