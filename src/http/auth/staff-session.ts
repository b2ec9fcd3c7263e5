import { timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/create-db.ts';
import type { Actor } from '../../domain/users/actor.ts';
import { type Session, findSession } from '../../domain/users/session.service.ts';
import type { Locale } from '../../i18n/messages.ts';
import { AppError } from '../errors.ts';

export const SESSION_COOKIE = 'inkstone_session';
export const LOGIN_CSRF_COOKIE = 'inkstone_login_csrf';
export const LANG_COOKIE = 'inkstone_lang';

declare module 'fastify' {
  interface FastifyRequest {
    staff: Session | null;
  }
}

/**
 * Reads the staff session cookie on newsroom requests and checks the CSRF token of every
 * state-changing request (form field `_csrf` or header `x-csrf-token`).
 */
export async function registerStaffSessions(app: FastifyInstance, db: Db): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('staff', null);
  app.addHook('preHandler', async (request) => {
    if (!isNewsroomUrl(request.url)) return;
    const cookie = request.cookies[SESSION_COOKIE];
    request.staff = cookie ? ((await findSession(db, cookie, request.ip)) ?? null) : null;
  });
}

export function isNewsroomUrl(url: string): boolean {
  return url === '/admin' || url.startsWith('/admin/') || url.startsWith('/admin?');
}

/** The signed-in actor, or an AppError that the error handler turns into a login redirect or 401. */
export function requireStaff(request: FastifyRequest): Actor {
  if (!request.staff) throw new AppError('UNAUTHENTICATED');
  return request.staff.actor;
}

/** Checks the CSRF token of a state-changing newsroom request against the session's. */
export function requireCsrf(request: FastifyRequest): void {
  const session = request.staff;
  const body = request.body as Record<string, unknown> | undefined;
  const sent = (request.headers['x-csrf-token'] as string | undefined) ?? (typeof body?._csrf === 'string' ? body._csrf : '');
  if (!session || !sameToken(sent, session.csrfToken)) throw new AppError('CSRF_INVALID');
}

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** Cookies are Secure when the request came over HTTPS (directly or through a trusted proxy). */
export function cookieOptions(request: FastifyRequest, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

export function newsroomLocale(request: FastifyRequest): Locale {
  return request.cookies[LANG_COOKIE] === 'en' ? 'en' : 'zh-CN';
}

export function clearSession(reply: FastifyReply, request: FastifyRequest): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}
