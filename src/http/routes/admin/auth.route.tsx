import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import { getSiteSettings } from '../../../domain/settings/site-settings.ts';
import { LoginError, SESSION_HOURS, login, logout, newToken } from '../../../domain/users/session.service.ts';
import { type AdminKey, adminTranslator } from '../../../i18n/admin-messages.ts';
import { LoginPage } from '../../../views/admin/login-page.tsx';
import {
  LANG_COOKIE,
  LOGIN_CSRF_COOKIE,
  SESSION_COOKIE,
  clearSession,
  cookieOptions,
  newsroomLocale,
  requireCsrf,
  requireStaff,
  sameToken,
} from '../../auth/staff-session.ts';
import { html } from './articles.route.tsx';
import { assetUrl } from '../../asset-urls.ts';

const LOGIN_FAILURES: Record<string, AdminKey> = {
  bad_credentials: 'loginFailed',
  locked: 'loginLocked',
  disabled: 'loginDisabled',
};

/** Only paths inside the newsroom are valid targets after login (no open redirect). */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/admin(\/|$|\?)/.test(value) && !value.startsWith('//') ? value : '/admin';
}

export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  const loginPage = async (request: FastifyRequest, status: number, errorKey?: AdminKey, username?: string, noticeKey?: AdminKey) => {
    const locale = newsroomLocale(request);
    const t = adminTranslator(locale);
    const settings = await getSiteSettings(db);
    // Login CSRF: a double-submit token, since there is no session yet to hold one.
    const token = newToken();
    return { status, token, page: <LoginPage t={t} locale={locale} siteName={settings.name} stylesheetUrl={assetUrl('/assets/', 'admin.css')} csrfToken={token} next={safeNext((request.query as Record<string, unknown>)?.next ?? (request.body as Record<string, unknown> | undefined)?.next)} error={errorKey && t(errorKey)} notice={noticeKey && t(noticeKey)} username={username} /> };
  };

  app.get('/admin/login', async (request, reply) => {
    const reason = (request.query as Record<string, unknown>).reason;
    const { status, token, page } = await loginPage(request, 200, reason === 'expired' ? 'sessionExpired' : undefined, undefined, reason === 'signedOut' ? 'signedOut' : undefined);
    reply.setCookie(LOGIN_CSRF_COOKIE, token, cookieOptions(request, 3600));
    return html(reply.code(status), page);
  });

  app.post(
    '/admin/login',
    {
      config: {
        rateLimit: {
          max: 10,
          timeWindow: 60_000,
          errorResponseBuilder: () => ({ statusCode: 429, code: 'RATE_LIMITED', message: 'too many login attempts' }),
        },
      },
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const username = typeof body.username === 'string' ? body.username.slice(0, 64) : '';
      const password = typeof body.password === 'string' ? body.password.slice(0, 256) : '';
      const respond = async (status: number, key: AdminKey) => {
        const { token, page } = await loginPage(request, status, key, username);
        reply.setCookie(LOGIN_CSRF_COOKIE, token, cookieOptions(request, 3600));
        return html(reply.code(status), page);
      };
      if (!sameToken(typeof body._csrf === 'string' ? body._csrf : '', request.cookies[LOGIN_CSRF_COOKIE] ?? '')) return respond(403, 'csrfInvalid');
      try {
        const { sessionId } = await login(db, { username, password, ip: request.ip, userAgent: request.headers['user-agent'] ?? '' });
        reply.clearCookie(LOGIN_CSRF_COOKIE, cookieOptions(request));
        reply.setCookie(SESSION_COOKIE, sessionId, cookieOptions(request, SESSION_HOURS * 3600));
        return reply.redirect(safeNext(body.next), 303);
      } catch (error) {
        if (error instanceof LoginError) return respond(error.reason === 'locked' ? 429 : 401, LOGIN_FAILURES[error.reason] ?? 'loginFailed');
        throw error;
      }
    },
  );

  app.post('/admin/logout', async (request, reply) => {
    const actor = requireStaff(request);
    requireCsrf(request);
    await logout(db, request.cookies[SESSION_COOKIE] ?? '', actor);
    clearSession(reply, request);
    // The login page says so: every action tells what happened.
    return reply.redirect('/admin/login?reason=signedOut', 303);
  });

  app.post('/admin/language', async (request, reply) => {
    requireStaff(request);
    requireCsrf(request);
    const next = safeNext((request.body as Record<string, unknown>).next);
    reply.setCookie(LANG_COOKIE, newsroomLocale(request) === 'en' ? 'zh-CN' : 'en', { ...cookieOptions(request, 365 * 86400), httpOnly: false });
    return reply.redirect(next, 303);
  });
}
