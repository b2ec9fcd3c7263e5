import type { TSchema } from '@fastify/type-provider-typebox';
import sharp from 'sharp';
import { Compile } from 'typebox/compile';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/users/actor.ts';
import { createApiToken } from '../../src/domain/users/api-token.service.ts';
import {
  ArticlePageSchema,
  ChannelListSchema,
  DraftPageSchema,
  ErrorSchema,
  MediaPageSchema,
  MediaSchema,
  NewsroomArticleSchema,
  PublishedArticleSchema,
  SearchPageSchema,
} from '../../src/http/routes/api/api-schemas.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeArticle, makeChannels } from '../helpers/factories.ts';
import { form, makeUser, signIn } from '../helpers/newsroom.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

/** The responses must match the schemas the OpenAPI document shows. */
function expectSchema(schema: TSchema, value: unknown) {
  const check = Compile(schema);
  if (!check.Check(value)) throw new Error(`response does not match its schema: ${JSON.stringify([...check.Errors(value)].slice(0, 3))}`);
}

function expectError(res: { statusCode: number; json(): unknown; headers: Record<string, unknown> }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/json');
  const body = res.json() as { error: { code: string } };
  expectSchema(ErrorSchema, body);
  expect(body.error.code).toBe(code);
}

const story = (channelId: number, extra: Record<string, unknown> = {}) => ({
  channelId,
  title: '接口写的稿件',
  bodyHtml: '<p>第一段。</p><script>alert(1)</script>',
  editorName: '王编辑',
  reporters: ['李记者'],
  ...extra,
});

function multipart(file: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----inkstone-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\nContent-Type: image/png\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeEachDialect('JSON API /api/v1', (_fresh, dialect) => {
  let t: TestApp;
  let channels: Awaited<ReturnType<typeof makeChannels>>;
  let reporterToken: string;
  let chiefToken: string;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    channels = await makeChannels(t.db);
    await makeArticle(t.db, channels.world.id, { title: '国际新闻一则' });
    await makeArticle(t.db, channels.gov.id, { title: '政务新闻一则' });
    await makeArticle(t.db, channels.gov.id, { title: '还没发的草稿', status: 'draft', publishedAt: null });
    reporterToken = (await createApiToken(t.db, systemActor(), { name: '通讯员系统', role: 'reporter', channelIds: [channels.news.id] })).token;
    chiefToken = (await createApiToken(t.db, systemActor(), { name: '总编系统', role: 'chief' })).token;
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves published articles and the channel tree without a token', async () => {
    const list = await t.app.inject('/api/v1/articles');
    expect(list.statusCode).toBe(200);
    expectSchema(ArticlePageSchema, list.json());
    const titles = list.json().items.map((a: { title: string }) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['国际新闻一则', '政务新闻一则']));
    expect(titles).not.toContain('还没发的草稿');

    // A channel's list includes its sub-channels, like the public channel page.
    const news = await t.app.inject(`/api/v1/articles?channel=${channels.news.id}&pageSize=5`);
    expect(news.json().items.map((a: { title: string }) => a.title)).toEqual(['国际新闻一则']);
    expect(news.json().pageSize).toBe(5);

    const id = list.json().items.find((a: { title: string }) => a.title === '国际新闻一则').id;
    const one = await t.app.inject(`/api/v1/articles/${id}`);
    expect(one.statusCode).toBe(200);
    expectSchema(PublishedArticleSchema, one.json());
    expect(one.json().channel).toMatchObject({ id: channels.world.id, path: 'news/world' });
    const url = new URL(one.json().url);
    expect(url.pathname).toMatch(new RegExp(`^/news/world/\\d{4}/\\d{2}/\\d{2}/${id}\\.html$`));
    expect((await t.app.inject(url.pathname)).statusCode).toBe(200);

    const tree = await t.app.inject('/api/v1/channels');
    expectSchema(ChannelListSchema, tree.json());
    const newsNode = tree.json().items.find((c: { slug: string }) => c.slug === 'news');
    expect(newsNode.children.map((c: { path: string }) => c.path)).toEqual(['news/world']);
  });

  it('answers missing things and bad query strings with JSON errors', async () => {
    const draftId = (await t.db.kysely.selectFrom('articles').select('id').where('status', '=', 'draft').executeTakeFirstOrThrow()).id;
    expectError(await t.app.inject(`/api/v1/articles/${draftId}`), 404, 'NOT_FOUND');
    expectError(await t.app.inject('/api/v1/articles/abc'), 400, 'VALIDATION');
    expectError(await t.app.inject('/api/v1/articles?page=zero'), 400, 'VALIDATION');
    expectError(await t.app.inject('/api/v1/articles?channel=99999'), 404, 'NOT_FOUND');
    expectError(await t.app.inject('/api/v1/no-such-thing'), 404, 'NOT_FOUND');
  });

  it('refuses writes without a bearer token, even with a signed-in session cookie', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/articles', payload: story(channels.news.id) });
    expectError(anonymous, 401, 'UNAUTHENTICATED');
    expect(anonymous.headers['www-authenticate']).toContain('Bearer');
    expectError(await t.app.inject('/api/v1/drafts'), 401, 'UNAUTHENTICATED');

    await makeUser(t.db, 'boss', 'admin');
    const staff = await signIn(t.app, 'boss');
    const withCookie = await t.app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      cookies: { inkstone_session: staff.cookie },
      headers: { 'x-csrf-token': staff.csrf },
      payload: story(channels.news.id),
    });
    expectError(withCookie, 401, 'UNAUTHENTICATED');
    expectError(await t.app.inject({ url: '/api/v1/articles', headers: bearer('ink_not-a-real-token') }), 401, 'UNAUTHENTICATED');
    expect(await t.db.kysely.selectFrom('articles').select('id').where('title', '=', '接口写的稿件').execute()).toEqual([]);
  });

  it('lets a reporter token write and submit in its channels, but not publish', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/articles', headers: bearer(reporterToken), payload: story(channels.news.id) });
    expect(created.statusCode).toBe(201);
    expectSchema(NewsroomArticleSchema, created.json());
    expect(created.json()).toMatchObject({ status: 'draft', version: 1, url: null });
    expect(created.json().bodyHtml).not.toContain('script');
    const id = created.json().id as number;
    expect(created.headers.location).toBe(`/api/v1/drafts/${id}`);

    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/v1/articles', headers: bearer(reporterToken), payload: story(channels.gov.id) });
    expectError(elsewhere, 403, 'FORBIDDEN');
    expectError(await t.app.inject({ method: 'POST', url: `/api/v1/articles/${id}/publish`, headers: bearer(reporterToken) }), 403, 'FORBIDDEN');

    const drafts = await t.app.inject({ url: '/api/v1/drafts', headers: bearer(reporterToken) });
    expectSchema(DraftPageSchema, drafts.json());
    expect(drafts.json().items.map((d: { id: number }) => d.id)).toEqual([id]);
    expect(drafts.json().items[0].authorName).toBe('API · 通讯员系统');

    const submitted = await t.app.inject({ method: 'POST', url: `/api/v1/articles/${id}/submit`, headers: bearer(reporterToken) });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    // Once submitted, the story is no longer the reporter's to change.
    const late = await t.app.inject({ method: 'PUT', url: `/api/v1/articles/${id}`, headers: bearer(reporterToken), payload: { ...story(channels.news.id), version: 2 } });
    expectError(late, 403, 'FORBIDDEN');

    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'username']).where('target_id', '=', String(id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['article.create', 'article.submit']);
    expect(audit[0]?.username).toMatch(/^api-/);
  });

  it('lets a chief token edit with version checks and publish to the public site', async () => {
    const created = (await t.app.inject({ method: 'POST', url: '/api/v1/articles', headers: bearer(chiefToken), payload: story(channels.gov.id, { title: '总编接口稿' }) })).json();
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/articles/${created.id}`,
      headers: bearer(chiefToken),
      payload: { ...story(channels.gov.id), title: '总编接口稿(改)', version: created.version },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(created.version + 1);

    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/articles/${created.id}`,
      headers: bearer(chiefToken),
      payload: { ...story(channels.gov.id), title: '旧版本覆盖', version: created.version },
    });
    expectError(stale, 409, 'EDIT_CONFLICT');

    const published = await t.app.inject({ method: 'POST', url: `/api/v1/articles/${created.id}/publish`, headers: bearer(chiefToken) });
    expect(published.statusCode).toBe(200);
    expect(published.json().status).toBe('published');
    const page = await t.app.inject(new URL(published.json().url).pathname);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('总编接口稿(改)');
    expect(page.body).not.toContain('旧版本覆盖');
    const listed = (await t.app.inject(`/api/v1/articles?channel=${channels.gov.id}`)).json();
    expect(listed.items[0].title).toBe('总编接口稿(改)');

    expectError(await t.app.inject({ method: 'POST', url: `/api/v1/articles/${created.id}/reject`, headers: bearer(chiefToken), payload: { comment: '' } }), 400, 'VALIDATION');
    expectError(await t.app.inject({ method: 'POST', url: `/api/v1/articles/${created.id}/reject`, headers: bearer(chiefToken), payload: { comment: '再改改' } }), 409, 'WORKFLOW');
    const off = await t.app.inject({ method: 'POST', url: `/api/v1/articles/${created.id}/unpublish`, headers: bearer(chiefToken) });
    expect(off.json().status).toBe('unpublished');
    expect((await t.app.inject(new URL(published.json().url).pathname)).statusCode).toBe(404);
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/articles/99999/submit', headers: bearer(chiefToken) }), 404, 'NOT_FOUND');
  });

  it('answers invalid JSON and wrong types with 400 and a code, and changes nothing', async () => {
    const before = (await t.db.kysely.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const post = (payload: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/articles', headers: { ...bearer(chiefToken), 'content-type': 'application/json' }, payload });
    expectError(await post('{"title": '), 400, 'BAD_REQUEST');
    const wrongType = await post(JSON.stringify({ ...story(channels.gov.id), title: 123 }));
    expectError(wrongType, 400, 'VALIDATION');
    expect(wrongType.json().error.problems.join(' ')).toContain('/title');
    expectError(await post(JSON.stringify({ ...story(channels.gov.id), channelId: '2' })), 400, 'VALIDATION');
    expectError(await post(JSON.stringify({ ...story(channels.gov.id), status: 'published' })), 400, 'VALIDATION');
    expectError(await post(JSON.stringify({ title: '缺字段' })), 400, 'VALIDATION');
    expectError(await post(JSON.stringify(story(99999))), 400, 'VALIDATION');
    const after = (await t.db.kysely.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect(Number(after)).toBe(Number(before));
  });

  it('uploads and lists media with a token', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } }).png().toBuffer();
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/media', ...withAuth(multipart(png, { caption: '红色方块', credit: '测试' }), reporterToken) });
    expect(first.statusCode).toBe(201);
    expectSchema(MediaSchema, first.json());
    expect(first.json()).toMatchObject({ caption: '红色方块', width: 40, height: 30, mime: 'image/png' });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/media', ...withAuth(multipart(png), reporterToken) });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/media', ...withAuth(multipart(Buffer.from('GIF89a not really')), reporterToken) }), 400, 'VALIDATION');
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/media', ...multipart(png) }), 401, 'UNAUTHENTICATED');
    const list = await t.app.inject({ url: '/api/v1/media?q=红色', headers: bearer(reporterToken) });
    expectSchema(MediaPageSchema, list.json());
    expect(list.json().items.map((m: { id: number }) => m.id)).toEqual([first.json().id]);
  });

  it('describes every registered route in openapi.json', async () => {
    const res = await t.app.inject('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { securitySchemes: Record<string, { scheme: string }> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearerToken?.scheme).toBe('bearer');
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)));
    // printRoutes draws a tree ("│   ├── /:id (GET, HEAD)"); a node's path is its parent's plus its own segment.
    const registered = new Set<string>();
    const stack: string[] = [];
    for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
      if (!match) continue;
      const depth = [...(match[1] ?? '')].length / 4;
      const path = (stack[depth - 1] ?? '') + match[2];
      stack[depth] = path;
      stack.length = depth + 1;
      if (!path.startsWith('/api/v1/') || !match[3]) continue;
      for (const method of match[3].split(',').map((m) => m.trim())) if (method !== 'HEAD') registered.add(`${method} ${path}`);
    }
    expect(registered.size).toBeGreaterThanOrEqual(14);
    expect([...registered].filter((r) => !documented.has(r))).toEqual([]);
    for (const entry of documented) {
      const [method, url] = entry.split(' ') as [string, string];
      expect(t.app.hasRoute({ method: method as 'GET', url }), entry).toBe(true);
    }
    expect(doc.paths['/api/v1/articles/{id}']?.put?.responses['409']).toBeDefined();
    expect(doc.paths['/api/v1/articles']?.post?.responses['401']).toBeDefined();
  });

  it('refuses a revoked token and records when a token was last used', async () => {
    const { token, record } = await createApiToken(t.db, systemActor(), { name: '将被吊销', role: 'chief' });
    expect((await t.app.inject({ url: '/api/v1/drafts', headers: bearer(token) })).statusCode).toBe(200);
    const row = await t.db.kysely.selectFrom('api_tokens').selectAll().where('id', '=', record.id).executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
    expect(row.token_hash).not.toContain(token.slice(4, 20));

    await makeUser(t.db, 'admin2', 'admin');
    const admin = await signIn(t.app, 'admin2');
    expect((await admin.get('/admin/tokens')).body).toContain('将被吊销');
    const forged = await t.app.inject({ method: 'POST', url: `/admin/tokens/${record.id}/revoke`, cookies: { inkstone_session: admin.cookie }, ...form({ _csrf: 'forged' }) });
    expect(forged.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/drafts', headers: bearer(token) })).statusCode).toBe(200);
    const revoked = await admin.post(`/admin/tokens/${record.id}/revoke`, {});
    expect(revoked.statusCode).toBe(303);
    expectError(await t.app.inject({ url: '/api/v1/drafts', headers: bearer(token) }), 401, 'UNAUTHENTICATED');
  });

  it('lets administrators create tokens at /admin/tokens, showing the token once', async () => {
    await makeUser(t.db, 'admin3', 'admin');
    await makeUser(t.db, 'writer', 'reporter', [channels.news.id]);
    const admin = await signIn(t.app, 'admin3');
    const created = await admin.post('/admin/tokens', { name: '网页创建', role: 'reporter', channel: String(channels.world.id) });
    expect(created.statusCode).toBe(200);
    const token = /<code id="new-token">([^<]+)<\/code>/.exec(created.body)?.[1];
    expect(token).toMatch(/^ink_/);
    expect((await admin.get('/admin/tokens')).body).not.toContain(token!);
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/articles', headers: bearer(token!), payload: story(channels.world.id) });
    expect(write.statusCode).toBe(201);
    expect((await admin.post('/admin/tokens', { name: '', role: 'reporter' })).statusCode).toBe(400);
    expect((await admin.post('/admin/tokens', { name: 'x', role: 'root' })).statusCode).toBe(400);

    const writer = await signIn(t.app, 'writer');
    expect((await writer.get('/admin/tokens')).statusCode).toBe(403);
    expect((await writer.post('/admin/tokens', { name: '偷偷', role: 'admin' })).statusCode).toBe(403);
  });

  it('searches published articles, reading odd parameters leniently', async () => {
    const res = await t.app.inject(`/api/v1/search?q=${encodeURIComponent('国际新闻')}&pageSize=3`);
    expect(res.statusCode).toBe(200);
    expectSchema(SearchPageSchema, res.json());
    expect(res.json().pageSize).toBe(3);
    expect(res.json().items.map((hit: { title: string }) => hit.title)).toContain('国际新闻一则');
    expect(new URL(res.json().items[0].url).pathname).toMatch(/\.html$/);
    const draft = await t.app.inject(`/api/v1/search?q=${encodeURIComponent('还没发的草稿')}`);
    expect(draft.json().items).toEqual([]);

    for (const query of ['q=%22NEAR(%20-&page=1000000000', 'page=abc&pageSize=zz&sort=newest&from=2025-13-45', `q=${'新'.repeat(10_000)}`, 'unknown=1']) {
      const odd = await t.app.inject(`/api/v1/search?${query}`);
      expect(odd.statusCode, query).toBe(200);
      expectSchema(SearchPageSchema, odd.json());
    }
  });
});

describeEachDialect('JSON API rate limit', (_fresh, dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { apiRateLimit: 3 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After once a client spends its budget, counting each token apart', async () => {
    for (let i = 0; i < 3; i++) expect((await t.app.inject('/api/v1/channels')).statusCode).toBe(200);
    const refused = await t.app.inject('/api/v1/channels');
    expectError(refused, 429, 'RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address has its own budget; so does a token, wherever it calls from.
    expect((await t.app.inject({ url: '/api/v1/channels', remoteAddress: '10.0.0.7' })).statusCode).toBe(200);
    const { token } = await createApiToken(t.db, systemActor(), { name: '合作方', role: 'reporter' });
    for (let i = 0; i < 3; i++) expect((await t.app.inject({ url: '/api/v1/drafts', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    expectError(await t.app.inject({ url: '/api/v1/drafts', headers: { authorization: `Bearer ${token}` } }), 429, 'RATE_LIMITED');
    // The public site is not part of the API budget.
    expect((await t.app.inject('/')).statusCode).not.toBe(429);
  });
});

function withAuth(request: { payload: Buffer; headers: Record<string, string> }, token: string) {
  return { payload: request.payload, headers: { ...request.headers, authorization: `Bearer ${token}` } };
}
