import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import { type SiteSettings, SettingsFieldError, getSiteSettings, saveSiteSettings } from '../../../domain/settings/site-settings.ts';
import { can } from '../../../domain/users/policy.ts';
import type { AdminKey, AdminTranslate } from '../../../i18n/admin-messages.ts';
import { type SettingsField, SettingsPage } from '../../../views/admin/settings-page.tsx';
import { requireCsrf } from '../../auth/staff-session.ts';
import { AppError } from '../../errors.ts';
import { adminContext } from './admin-context.ts';
import { html } from './articles.route.tsx';

const FIELDS: readonly SettingsField[] = [
  'name',
  'shortName',
  'tagline',
  'logoUrl',
  'ownSourceLabel',
  'copyrightOwn',
  'disclaimerRepost',
  'contactNotice',
  'icpNumber',
  'newsLicence',
  'timeZone',
  'locale',
];

let zones: string[] | undefined;
function timeZones(): string[] {
  zones ??= Intl.supportedValuesOf('timeZone');
  return zones;
}

/** /admin/settings: the site's identity, legal texts, licences, time zone and language (administrators). */
export function registerSettingsAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get('/admin/settings', async (request, reply) => {
    const ctx = await adminContext(db, request, 'settings');
    if (!can(ctx.actor, 'settings.manage')) throw new AppError('FORBIDDEN');
    const settings = await getSiteSettings(db);
    return html(reply, <SettingsPage chrome={ctx.chrome} values={valuesOf(settings)} errors={{}} timeZones={timeZones()} />);
  });

  app.post('/admin/settings', async (request, reply) => {
    requireCsrf(request);
    const ctx = await adminContext(db, request, 'settings');
    if (!can(ctx.actor, 'settings.manage')) throw new AppError('FORBIDDEN');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const change: Record<string, string> = {};
    for (const field of FIELDS) if (typeof body[field] === 'string') change[field] = body[field];
    try {
      await saveSiteSettings(db, ctx.actor, change as Partial<SiteSettings>);
      return reply.redirect('/admin/settings?done=saved', 303);
    } catch (error) {
      if (!(error instanceof SettingsFieldError)) throw error;
      const errors: Partial<Record<SettingsField, string>> = {};
      for (const problem of error.problems) errors[problem.field] = messageFor(ctx.t, problem.field, problem.message);
      const values = { ...valuesOf(await getSiteSettings(db)), ...change };
      reply.code(400);
      return html(reply, <SettingsPage chrome={ctx.chrome} values={values} errors={errors} timeZones={timeZones()} />);
    }
  });
}

function valuesOf(settings: SiteSettings): Record<SettingsField, string> {
  return Object.fromEntries(FIELDS.map((field) => [field, settings[field]])) as Record<SettingsField, string>;
}

function messageFor(t: AdminTranslate, field: SettingsField, message: string): string {
  const key: AdminKey = message.startsWith('longer than')
    ? 'set_err_tooLong'
    : field === 'timeZone'
      ? 'set_err_timeZone'
      : field === 'locale'
        ? 'set_err_locale'
        : field === 'logoUrl'
          ? 'set_err_url'
          : 'set_err_required';
  return t(key);
}
