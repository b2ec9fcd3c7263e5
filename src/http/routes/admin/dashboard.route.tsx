import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import { listNewsroomArticles } from '../../../domain/articles/newsroom.queries.ts';
import { DashboardPage } from '../../../views/admin/dashboard-page.tsx';
import { adminContext } from './admin-context.ts';
import { articleRows, html } from './articles.route.tsx';

const ITEMS = 8;

/**
 * The day's work at a glance: stories out although the agency has withdrawn them (only when there
 * are any, first), my drafts, what waits for review, what is scheduled, what went out.
 */
export function registerDashboardRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get('/admin', async (request, reply) => {
    const ctx = await adminContext(deps.db, request, 'dashboard');
    const me = ctx.actor.userId ?? -1;
    const section = async (key: 'killedStillOut' | 'myDrafts' | 'rejectedToMe' | 'waitingReview' | 'scheduled' | 'recentlyPublished', filters: Parameters<typeof listNewsroomArticles>[2], moreUrl: string) => {
      const result = await listNewsroomArticles(deps.db, ctx.actor, filters, 1, ITEMS);
      return { key, title: ctx.t(key), rows: await articleRows(deps, ctx, result.rows), moreUrl, alert: key === 'killedStillOut' };
    };
    const sections = await Promise.all([
      section('killedStillOut', { killedStillOut: true }, '/admin/wires'),
      section('myDrafts', { status: 'draft', authorId: me }, `/admin/articles?status=draft&author=${me}`),
      section('rejectedToMe', { status: 'rejected', authorId: me }, `/admin/articles?status=rejected&author=${me}`),
      section('waitingReview', { status: 'submitted' }, '/admin/articles?status=submitted'),
      section('scheduled', { status: 'scheduled' }, '/admin/articles?status=scheduled'),
      section('recentlyPublished', { status: 'published' }, '/admin/articles?status=published'),
    ]);
    return html(reply, <DashboardPage chrome={ctx.chrome} sections={sections.filter((s) => !s.alert || s.rows.length)} />);
  });
}
