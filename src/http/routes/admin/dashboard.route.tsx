import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import { listNewsroomArticles } from '../../../domain/articles/newsroom.queries.ts';
import { DashboardPage } from '../../../views/admin/dashboard-page.tsx';
import { adminContext } from './admin-context.ts';
import { articleRows, html } from './articles.route.tsx';

const ITEMS = 8;

/** The day's work at a glance: my drafts, what waits for review, what is scheduled, what went out. */
export function registerDashboardRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get('/admin', async (request, reply) => {
    const ctx = await adminContext(deps.db, request, 'dashboard');
    const me = ctx.actor.userId ?? -1;
    const section = async (key: 'myDrafts' | 'rejectedToMe' | 'waitingReview' | 'scheduled' | 'recentlyPublished', filters: Parameters<typeof listNewsroomArticles>[2], query: string) => {
      const result = await listNewsroomArticles(deps.db, ctx.actor, filters, 1, ITEMS);
      return { key, title: ctx.t(key), rows: await articleRows(deps, ctx, result.rows), moreUrl: `/admin/articles?${query}` };
    };
    const sections = await Promise.all([
      section('myDrafts', { status: 'draft', authorId: me }, `status=draft&author=${me}`),
      section('rejectedToMe', { status: 'rejected', authorId: me }, `status=rejected&author=${me}`),
      section('waitingReview', { status: 'submitted' }, 'status=submitted'),
      section('scheduled', { status: 'scheduled' }, 'status=scheduled'),
      section('recentlyPublished', { status: 'published' }, 'status=published'),
    ]);
    return html(reply, <DashboardPage chrome={ctx.chrome} sections={sections} />);
  });
}
