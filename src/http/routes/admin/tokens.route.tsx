import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import type { Role } from '../../../db/schema.ts';
import { loadChannelTree } from '../../../domain/channels/channel.service.ts';
import { getSiteSettings } from '../../../domain/settings/site-settings.ts';
import { formatMinute } from '../../../domain/shared/time.ts';
import { ROLES } from '../../../domain/users/actor.ts';
import { ApiTokenError, createApiToken, listApiTokens, revokeApiToken } from '../../../domain/users/api-token.service.ts';
import { can } from '../../../domain/users/policy.ts';
import { TokensPage } from '../../../views/admin/tokens-page.tsx';
import { requireCsrf } from '../../auth/staff-session.ts';
import { AppError } from '../../errors.ts';
import { type AdminContext, adminContext } from './admin-context.ts';

type Body = Record<string, unknown>;

/** /admin/tokens: administrators create (plain token shown once), list and revoke API tokens. */
export function registerTokenAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  async function context(request: Parameters<typeof adminContext>[1]): Promise<AdminContext> {
    const ctx = await adminContext(db, request, 'tokens');
    if (!can(ctx.actor, 'tokens.manage')) throw new AppError('FORBIDDEN');
    return ctx;
  }

  async function render(reply: FastifyReply, ctx: AdminContext, extra: { newToken?: string; errors?: string[]; values?: { name: string; role: string }; status?: number } = {}) {
    const [tokens, tree, settings] = await Promise.all([listApiTokens(db, ctx.actor), loadChannelTree(db), getSiteSettings(db)]);
    const channels: { id: number; label: string }[] = [];
    const walk = (parentId: number | null, depth: number) => {
      for (const channel of tree.children(parentId)) {
        if (channel.kind !== 'section') channels.push({ id: channel.id, label: `${'— '.repeat(depth)}${channel.name}` });
        walk(channel.id, depth + 1);
      }
    };
    walk(null, 0);
    return reply
      .code(extra.status ?? 200)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        <TokensPage
          chrome={ctx.chrome}
          rows={tokens.map((token) => ({
            id: token.id,
            name: token.name,
            roleLabel: ctx.t(`role_${token.role}`),
            channelNames: token.channelIds.map((id) => tree.byId.get(id)?.name ?? String(id)).join('、'),
            createdBy: token.createdByName,
            createdAt: formatMinute(token.createdAt, settings.timeZone),
            lastUsedAt: token.lastUsedAt ? formatMinute(token.lastUsedAt, settings.timeZone) : ctx.t('tok_never'),
            revoked: token.revokedAt !== null,
            revokeUrl: `/admin/tokens/${token.id}/revoke`,
          }))}
          roles={ROLES.map((role) => ({ key: role, label: ctx.t(`role_${role}`) }))}
          channels={channels}
          newToken={extra.newToken}
          errors={extra.errors ?? []}
          values={extra.values ?? { name: '', role: 'reporter' }}
        />,
      );
  }

  app.get('/admin/tokens', async (request, reply) => {
    const ctx = await context(request);
    const done = (request.query as Record<string, unknown> | undefined)?.done;
    if (done === 'revoked') ctx.chrome.notice = ctx.t('tok_revokedOk');
    return render(reply, ctx);
  });

  app.post('/admin/tokens', async (request, reply) => {
    requireCsrf(request);
    const ctx = await context(request);
    const body = (request.body ?? {}) as Body;
    const name = typeof body.name === 'string' ? body.name : '';
    const role = typeof body.role === 'string' ? body.role : '';
    const rawChannels = Array.isArray(body.channel) ? body.channel : body.channel === undefined ? [] : [body.channel];
    const channelIds = rawChannels.map(Number).filter((n) => Number.isInteger(n) && n > 0);
    try {
      // The plain token is rendered in this response only (no redirect): it is never stored.
      const { token } = await createApiToken(db, ctx.actor, { name, role: role as Role, channelIds });
      return render(reply, ctx, { newToken: token });
    } catch (error) {
      if (!(error instanceof ApiTokenError)) throw error;
      return render(reply, ctx, { errors: [`${ctx.t('badInput')} ${error.message}`], values: { name, role }, status: 400 });
    }
  });

  app.post<{ Params: { id: string } }>('/admin/tokens/:id/revoke', async (request, reply) => {
    requireCsrf(request);
    const ctx = await context(request);
    const id = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : 0;
    if (!id) throw new AppError('NOT_FOUND');
    await revokeApiToken(db, ctx.actor, id);
    return reply.redirect('/admin/tokens?done=revoked', 303);
  });
}
