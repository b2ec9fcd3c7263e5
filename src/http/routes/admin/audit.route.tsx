import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import { listAudit, listAuditActions } from '../../../domain/audit/audit.service.ts';
import { getSiteSettings } from '../../../domain/settings/site-settings.ts';
import { formatMinute } from '../../../domain/shared/time.ts';
import { can } from '../../../domain/users/policy.ts';
import { listUsers } from '../../../domain/users/user.service.ts';
import { auditActionLabel, auditTargetLabel } from '../../../i18n/audit-labels.ts';
import type { Locale } from '../../../i18n/messages.ts';
import { AuditPage } from '../../../views/admin/audit-page.tsx';
import { AppError } from '../../errors.ts';
import { adminContext } from './admin-context.ts';
import { html, positiveInt } from './articles.route.tsx';

const PAGE_SIZE = 50;
const DETAIL_CHARS = 300;

/** /admin/audit: the audit log (administrators and chief editors, per policy). */
export function registerAuditAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  app.get('/admin/audit', async (request, reply) => {
    const ctx = await adminContext(db, request, 'audit');
    if (!can(ctx.actor, 'audit.view')) throw new AppError('FORBIDDEN');
    const q = request.query as Record<string, string | undefined>;
    const action = (q.action ?? '').slice(0, 100);
    const user = (q.user ?? '').slice(0, 100);
    const page = positiveInt(q.page) ?? 1;
    const [result, actions, users, settings] = await Promise.all([
      listAudit(db, { page, pageSize: PAGE_SIZE, action: action || undefined, username: user || undefined }),
      listAuditActions(db),
      listUsers(db),
      getSiteSettings(db),
    ]);
    const keep = new URLSearchParams(Object.entries({ action, user }).filter(([, v]) => v));
    return html(
      reply,
      <AuditPage
        chrome={ctx.chrome}
        rows={result.rows.map((row) => ({
          id: row.id,
          // Seconds do not depend on the zone (offsets are whole minutes), so they come from the UTC value.
          at: `${formatMinute(row.at, settings.timeZone)}:${row.at.slice(17, 19)}`,
          username: row.username,
          action: row.action,
          actionLabel: auditActionLabel(ctx.chrome.locale, row.action),
          target: row.target_type ? `${auditTargetLabel(ctx.chrome.locale, row.target_type)} ${row.target_id}` : row.target_id,
          targetUrl: targetUrl(row.target_type, row.target_id),
          detail: row.detail.length > DETAIL_CHARS ? `${row.detail.slice(0, DETAIL_CHARS)}…` : row.detail,
          ip: row.ip,
        }))}
        actions={actions.map((code) => ({ code, label: actionOption(ctx.chrome.locale, code) }))}
        usernames={[...new Set([...users.map((u) => u.username), 'system'])]}
        filters={{ action, user }}
        page={page}
        pageCount={result.pageCount}
        total={result.total}
        pageUrl={(n) => `/admin/audit?${new URLSearchParams([...keep, ['page', String(n)]]).toString()}`}
      />,
    );
  });
}

/** Targets that have a page of their own in the newsroom link to it. */
function targetUrl(type: string | null, id: string | number | null): string | undefined {
  if (id === null || !/^\d+$/.test(String(id))) return undefined;
  if (type === 'article') return `/admin/articles/${id}`;
  if (type === 'media') return `/admin/media/${id}`;
  if (type === 'user') return `/admin/users/${id}`;
  if (type === 'channel') return `/admin/channels/${id}`;
  return undefined;
}

function actionOption(locale: Locale, code: string): string {
  const label = auditActionLabel(locale, code);
  return label === code ? code : `${label} (${code})`;
}
