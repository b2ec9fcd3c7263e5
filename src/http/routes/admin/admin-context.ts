import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/create-db.ts';
import { getSiteSettings } from '../../../domain/settings/site-settings.ts';
import type { Actor } from '../../../domain/users/actor.ts';
import { type Action, can } from '../../../domain/users/policy.ts';
import { type AdminKey, type AdminTranslate, adminTranslator } from '../../../i18n/admin-messages.ts';
import type { AdminChrome } from '../../../views/admin/admin-view-models.ts';
import { newsroomLocale, requireStaff } from '../../auth/staff-session.ts';
import { assetUrl } from '../../asset-urls.ts';

const MENU: { key: AdminKey; url: string; action?: Action }[] = [
  { key: 'dashboard', url: '/admin' },
  { key: 'articles', url: '/admin/articles' },
  { key: 'newArticle', url: '/admin/articles/new', action: 'article.create' },
  { key: 'import', url: '/admin/import', action: 'article.create' },
  { key: 'wires', url: '/admin/wires', action: 'article.create' },
  { key: 'media', url: '/admin/media', action: 'media.upload' },
  { key: 'blocks', url: '/admin/blocks', action: 'blocks.manage' },
  { key: 'channels', url: '/admin/channels', action: 'channels.manage' },
  { key: 'settings', url: '/admin/settings', action: 'settings.manage' },
  { key: 'users', url: '/admin/users', action: 'users.manage' },
  { key: 'tokens', url: '/admin/tokens', action: 'tokens.manage' },
  { key: 'audit', url: '/admin/audit', action: 'audit.view' },
];

/** Notices passed through a redirect (?done=saved) so a reload does not resubmit. */
const NOTICES: Record<string, AdminKey> = {
  saved: 'saved',
  created: 'created',
  submitted: 'submitted',
  rejected: 'rejected',
  published: 'published',
  scheduled: 'scheduledOk',
  unpublished: 'unpublished',
  restored: 'restored',
  wireAdded: 'wireAdded',
  wirePolled: 'wirePolled',
  wirePollFailed: 'wirePollFailed',
  moved: 'nr_moved',
  added: 'nr_added',
  deleted: 'nr_deleted',
  channelCreated: 'ch_created',
  channelDeleted: 'ch_deleted',
  headline: 'blk_headlineSet',
  curated: 'blk_flagsSaved',
  userCreated: 'usr_created',
  passwordReset: 'usr_passwordReset',
  userDisabled: 'usr_disabledOk',
  userEnabled: 'usr_enabledOk',
};

export interface AdminContext {
  actor: Actor;
  t: AdminTranslate;
  chrome: AdminChrome;
}

/** Built on first use, not at import: the client may be built after this module loads (tests). */
const ADMIN_ASSETS = {
  get adminCss() {
    return assetUrl('/assets/', 'admin.css');
  },
  get editorCss() {
    return assetUrl('/admin/assets/', 'editor.css');
  },
  get editorJs() {
    return assetUrl('/admin/assets/', 'editor.js');
  },
  get blocksJs() {
    return assetUrl('/assets/', 'blocks-order.js');
  },
  get icon() {
    return assetUrl('/assets/', 'favicon.svg');
  },
};

export async function adminContext(db: Db, request: FastifyRequest, currentMenu: AdminKey): Promise<AdminContext> {
  const actor = requireStaff(request);
  const locale = newsroomLocale(request);
  const t = adminTranslator(locale);
  const settings = await getSiteSettings(db);
  const done = (request.query as Record<string, unknown> | undefined)?.done;
  const noticeKey = typeof done === 'string' ? NOTICES[done] : undefined;
  const noticeCounts = countsOf(request.query as Record<string, unknown> | undefined);
  return {
    actor,
    t,
    chrome: {
      t,
      locale,
      siteName: settings.name,
      userName: actor.name,
      roleLabel: t(`role_${actor.role}`),
      csrfToken: request.staff?.csrfToken ?? '',
      assets: ADMIN_ASSETS,
      menu: MENU.filter((item) => !item.action || can(actor, item.action)).map((item) => ({
        key: item.key,
        label: t(item.key),
        url: item.url,
        current: item.key === currentMenu,
      })),
      notice: noticeKey ? t(noticeKey, noticeCounts) : undefined,
      currentUrl: request.url,
    },
  };
}

/** Counts a notice may name (?done=wirePolled&added=3&withdrawn=1): whole numbers only, anything else reads as 0. */
function countsOf(query: Record<string, unknown> | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of ['added', 'withdrawn', 'updated']) {
    const value = query?.[key];
    counts[key] = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 0;
  }
  return counts;
}
