import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/create-db.ts';
import type { Role } from '../../src/db/schema.ts';
import { systemActor } from '../../src/domain/users/actor.ts';
import { createUser } from '../../src/domain/users/user.service.ts';

export const TEST_PASSWORD = 'correct horse battery';

export async function makeUser(db: Db, username: string, role: Role, channelIds: number[] = []) {
  return createUser(db, systemActor(), { username, password: TEST_PASSWORD, displayName: `${username}的真名`, role, channelIds });
}

function cookiesOf(res: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
}

export function csrfIn(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on the page');
  return token;
}

export function form(fields: Record<string, string>): { payload: string; headers: Record<string, string> } {
  return { payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}

/** A signed-in browser: keeps the session cookie and the page's CSRF token. */
export interface StaffClient {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<StaffClient> {
  const page = await app.inject('/admin/login');
  const loginCsrf = cookiesOf(page).inkstone_login_csrf ?? '';
  const res = await app.inject({
    method: 'POST',
    url: '/admin/login',
    cookies: { inkstone_login_csrf: loginCsrf },
    ...form({ username, password, _csrf: csrfIn(page.body), next: '/admin' }),
  });
  if (res.statusCode !== 303) throw new Error(`sign-in of ${username} failed: ${res.statusCode}`);
  const cookie = cookiesOf(res).inkstone_session ?? '';
  const dashboard = await app.inject({ url: '/admin', cookies: { inkstone_session: cookie } });
  const client: StaffClient = {
    cookie,
    csrf: csrfIn(dashboard.body),
    get: (url) => app.inject({ url, cookies: { inkstone_session: cookie } }),
    post: (url, fields) => app.inject({ method: 'POST', url, cookies: { inkstone_session: cookie }, ...form({ _csrf: client.csrf, ...fields }) }),
  };
  return client;
}

export { cookiesOf };
