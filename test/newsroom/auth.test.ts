import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeChannels } from '../helpers/factories.ts';
import { TEST_PASSWORD, cookiesOf, csrfIn, form, makeUser, signIn } from '../helpers/newsroom.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';
import { changePassword } from '../../src/domain/users/user.service.ts';
import { systemActor } from '../../src/domain/users/actor.ts';

describeEachDialect('newsroom sign-in and sessions', (_fresh, dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const open = async () => {
    t = await buildTestApp(dialect);
    await makeChannels(t.db);
    return t;
  };

  async function attempt(app: TestApp['app'], username: string, password: string, withCsrf = true) {
    const page = await app.inject('/admin/login');
    return app.inject({
      method: 'POST',
      url: '/admin/login',
      cookies: { inkstone_login_csrf: cookiesOf(page).inkstone_login_csrf ?? '' },
      ...form({ username, password, _csrf: withCsrf ? csrfIn(page.body) : 'forged' }),
    });
  }

  it('sends visitors without a session to the login page, and back after signing in', async () => {
    const { app, db } = await open();
    await makeUser(db, 'chief', 'chief');
    const res = await app.inject('/admin/articles?status=draft');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/login?next=%2Fadmin%2Farticles%3Fstatus%3Ddraft');
    const stale = await app.inject({ url: '/admin', cookies: { inkstone_session: 'no-longer-valid' } });
    expect(stale.headers.location).toBe('/admin/login?reason=expired&next=%2Fadmin');
    expect((await app.inject(stale.headers.location as string)).body).toContain('登录已过期');
    const api = await app.inject({ method: 'POST', url: '/admin/api/articles/1/autosave', payload: {} });
    expect(api.statusCode).toBe(401);
    expect(api.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('signs in with a fresh, HttpOnly, SameSite session cookie and says why a sign-in failed', async () => {
    const { app, db } = await open();
    await makeUser(db, 'chief', 'chief');
    const wrong = await attempt(app, 'chief', 'wrong password!');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('用户名或密码错误');
    // The username stays filled in and the cursor waits in the password field.
    expect(wrong.body).toMatch(/<input id="username"[^>]*value="chief"(?![^>]*autofocus)[^>]*>/);
    expect(wrong.body).toMatch(/<input id="password"[^>]*autofocus[^>]*>/);
    expect(wrong.cookies.find((c) => c.name === 'inkstone_session')).toBeUndefined();
    const unknown = await attempt(app, 'nobody', TEST_PASSWORD);
    expect(unknown.statusCode).toBe(401);
    const ok = await attempt(app, 'chief', TEST_PASSWORD);
    expect(ok.statusCode).toBe(303);
    const session = ok.cookies.find((c) => c.name === 'inkstone_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    expect(session.path).toBe('/');
    const again = await attempt(app, 'chief', TEST_PASSWORD);
    expect(again.cookies.find((c) => c.name === 'inkstone_session')!.value).not.toBe(session.value);
  });

  it('refuses a login form without its CSRF token', async () => {
    const { app, db } = await open();
    await makeUser(db, 'chief', 'chief');
    const res = await attempt(app, 'chief', TEST_PASSWORD, false);
    expect(res.statusCode).toBe(403);
    expect(res.cookies.find((c) => c.name === 'inkstone_session')).toBeUndefined();
  });

  it('locks an account after five wrong passwords, even for the right one', async () => {
    const { app, db } = await open();
    await makeUser(db, 'editor', 'editor');
    for (let i = 0; i < 5; i++) expect((await attempt(app, 'editor', `bad-${i}-password`)).statusCode).toBe(401);
    const locked = await attempt(app, 'editor', TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('锁定');
  });

  it('ends the session on logout and on a password change', async () => {
    const { app, db } = await open();
    await makeUser(db, 'chief', 'chief');
    const first = await signIn(app, 'chief');
    expect((await first.get('/admin')).statusCode).toBe(200);
    const noToken = await app.inject({ method: 'POST', url: '/admin/logout', cookies: { inkstone_session: first.cookie }, ...form({}) });
    expect(noToken.statusCode).toBe(403);
    expect((await first.get('/admin')).statusCode).toBe(200);
    const out = await first.post('/admin/logout', {});
    expect(out.statusCode).toBe(303);
    // The login page it leads to says that the sign-out happened.
    expect((await app.inject(out.headers.location as string)).body).toContain('<p class="notice" role="status">您已退出登录。</p>');
    expect((await first.get('/admin')).statusCode).toBe(303);

    const second = await signIn(app, 'chief');
    await changePassword(db, systemActor(), 'chief', 'a brand new password');
    expect((await second.get('/admin')).statusCode).toBe(303);
  });

  it('switches the newsroom to English and back', async () => {
    const { app, db } = await open();
    await makeUser(db, 'chief', 'chief');
    const client = await signIn(app, 'chief');
    expect((await client.get('/admin')).body).toContain('工作台');
    const switched = await client.post('/admin/language', { next: '/admin' });
    const lang = switched.cookies.find((c) => c.name === 'inkstone_lang')!.value;
    const english = await app.inject({ url: '/admin', cookies: { inkstone_session: client.cookie, inkstone_lang: lang } });
    expect(english.body).toContain('Dashboard');
    expect(english.body).toContain('<html lang="en">');
  });
});
