import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { formatMinute, isoToLocal } from '../../src/domain/shared/time.ts';
import { systemActor } from '../../src/domain/users/actor.ts';
import { createApiToken } from '../../src/domain/users/api-token.service.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeChannels } from '../helpers/factories.ts';
import { type StaffClient, makeUser, signIn } from '../helpers/newsroom.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

const ZONE = 'Asia/Shanghai';
// Two days ahead, on the minute (the newsroom's time fields are to the minute), written by an agency five hours behind UTC.
const EMBARGO = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 2 * 86_400_000).toISOString();
const AGENCY_EMBARGO = `${new Date(Date.parse(EMBARGO) - 5 * 3_600_000).toISOString().slice(0, 19)}-05:00`;
const BODY = '青石县明年将新建三所山区寄宿制学校，并为十二所村小配齐音乐和美术教室。县教育局表示，新校舍将优先安排在交通不便的东部山区，寄宿生的交通和伙食补助同时提高。';

let feed: Server;
let feedUrl = '';
beforeAll(async () => {
  feed = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        items: [
          { uri: 'urn:example:hz:2026:schools', language: 'zh-CN', embargoed: AGENCY_EMBARGO, headline: '青石县公布明年山区学校建设计划', body_html: `<p>${BODY}</p>`, byline: '华中社记者 周云' },
          { uri: 'urn:example:northbay:2026:ferry', language: 'en', headline: 'Harbor ferry adds a winter timetable', body_text: 'The Gull Island ferry will run twice a day this winter.' },
        ],
      }),
    );
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/ninjs.json`;
});
afterAll(() => new Promise<void>((resolve) => feed.close(() => resolve())));

describeEachDialect('wire embargo in the newsroom', (_fresh, dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** A newsroom whose queue holds the two items above, and a chief who works it. */
  async function polledNewsroom() {
    t = await buildTestApp(dialect, { importAllowPrivate: true });
    const { world } = await makeChannels(t.db);
    await makeUser(t.db, 'admin', 'admin');
    await makeUser(t.db, 'chief', 'chief');
    const admin = await signIn(t.app, 'admin');
    await admin.post('/admin/wires/providers', { name: '华中社', url: feedUrl, intervalMinutes: '15' });
    const chief = await signIn(t.app, 'chief');
    const providerId = /\/admin\/wires\/providers\/(\d+)\/poll/.exec((await chief.get('/admin/wires')).body)?.[1];
    expect((await chief.post(`/admin/wires/providers/${providerId}/poll`, {})).statusCode).toBe(303);
    return { app: t.app, db: t.db, world, chief };
  }

  it('shows the embargo badge in Beijing time and the language that is not the site\'s, in Chinese and in English', async () => {
    const { app, chief } = await polledNewsroom();
    const queue = (await chief.get('/admin/wires')).body;
    const badge = `禁发至 ${formatMinute(EMBARGO, ZONE)}`;
    expect(queue).toContain(badge);
    expect(queue.split(badge)).toHaveLength(2);
    expect(queue).toContain('语言:英语 (en)');
    // The Chinese story is in the site's language: nothing to point out.
    expect(queue).not.toContain('(zh-CN)');
    const english = await app.inject({ url: '/admin/wires', cookies: { inkstone_session: chief.cookie, inkstone_lang: 'en' } });
    expect(english.body).toContain(`Embargoed until ${formatMinute(EMBARGO, ZONE)}`);
    expect(english.body).toContain('Language:English (en)');
  });

  /** The editor saves the draft the import review filled in from the queue item. */
  const saveDraftFrom = (chief: StaffClient, itemId: number, channelId: number) =>
    chief.post('/admin/articles', {
      ingestItemId: String(itemId),
      channelId: String(channelId),
      title: '青石县公布明年山区学校建设计划',
      bodyHtml: `<p>${BODY}</p>`,
      sourceName: '华中社',
      sourceUrl: 'https://wire.example.cn/hz/schools.html',
      editorName: '王编辑',
    });

  it('opens the embargoed item into a draft that keeps the embargo; publishing early is refused and changes nothing; scheduling at the embargo is accepted', async () => {
    const { app, db, world, chief } = await polledNewsroom();
    const item = await db.kysely.selectFrom('ingest_items').selectAll().where('guid', '=', 'urn:example:hz:2026:schools').executeTakeFirstOrThrow();
    expect(item.embargo_until).toBe(EMBARGO);
    const review = await chief.post(`/admin/wires/items/${item.id}/import`, {});
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain(`本稿来自禁发通稿:${formatMinute(EMBARGO, ZONE)} 前不得发布`);

    const saved = await saveDraftFrom(chief, item.id, world.id);
    expect(saved.statusCode).toBe(303);
    const articleId = Number(/articles\/(\d+)/.exec(saved.headers.location as string)?.[1]);
    const before = await db.kysely.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirstOrThrow();
    expect(before.embargo_until).toBe(EMBARGO);
    const edit = await chief.get(`/admin/articles/${articleId}`);
    expect(edit.body).toContain(`本稿来自禁发通稿:${formatMinute(EMBARGO, ZONE)} 前不得发布`);
    // The schedule field starts at the embargo time, the earliest that will be accepted.
    expect(edit.body).toContain(`value="${isoToLocal(EMBARGO, ZONE)}"`);

    const now = await chief.post(`/admin/articles/${articleId}/publish`, { mode: 'now' });
    expect(now.statusCode).toBe(409);
    expect(now.body).toContain(`禁发期内不能发布:本稿 ${formatMinute(EMBARGO, ZONE)} 前不得发布`);
    const early = await chief.post(`/admin/articles/${articleId}/publish`, { mode: 'schedule', publishAt: isoToLocal(new Date(Date.parse(EMBARGO) - 60_000).toISOString(), ZONE) });
    expect(early.statusCode).toBe(409);
    expect(await db.kysely.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirstOrThrow()).toEqual(before);
    expect((await app.inject('/api/v1/articles')).json().items).toEqual([]);

    const onTime = await chief.post(`/admin/articles/${articleId}/publish`, { mode: 'schedule', publishAt: isoToLocal(EMBARGO, ZONE) });
    expect(onTime.statusCode).toBe(303);
    expect(onTime.headers.location).toContain('done=scheduled');
    expect(await db.kysely.selectFrom('articles').select(['status', 'scheduled_at']).where('id', '=', articleId).executeTakeFirstOrThrow()).toEqual({ status: 'scheduled', scheduled_at: EMBARGO });
  });

  it('refuses an early publish through the API with 409 EMBARGOED in both languages, and accepts a schedule at the embargo', async () => {
    const { db, app, world, chief } = await polledNewsroom();
    const item = await db.kysely.selectFrom('ingest_items').select('id').where('guid', '=', 'urn:example:hz:2026:schools').executeTakeFirstOrThrow();
    const saved = await saveDraftFrom(chief, item.id, world.id);
    const articleId = Number(/articles\/(\d+)/.exec(saved.headers.location as string)?.[1]);
    const { token } = await createApiToken(db, systemActor(), { name: '总编系统', role: 'chief' });
    const headers = { authorization: `Bearer ${token}` };
    const refused = await app.inject({ method: 'POST', url: `/api/v1/articles/${articleId}/publish`, headers });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'EMBARGOED', message: expect.stringContaining('禁发'), messageEn: expect.stringContaining('embargo'), problems: ['embargoUntil'] });
    expect((await db.kysely.selectFrom('articles').select('status').where('id', '=', articleId).executeTakeFirstOrThrow()).status).toBe('draft');
    const scheduled = await app.inject({ method: 'POST', url: `/api/v1/articles/${articleId}/publish`, headers, payload: { at: AGENCY_EMBARGO } });
    expect(scheduled.statusCode).toBe(200);
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', scheduledAt: EMBARGO, embargoUntil: EMBARGO });
  });
});
