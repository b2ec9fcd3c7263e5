import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { formatMinute, isoToLocal } from '../../src/domain/shared/time.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeChannels } from '../helpers/factories.ts';
import { makeUser, signIn, type StaffClient } from '../helpers/newsroom.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

const ZONE = 'Asia/Shanghai';
const RESERVOIR = 'urn:example:hz:2026:reservoir';
const FAIR = 'urn:example:hz:2026:orange-fair';
const BODY_V1 = '青石水库今冬开始除险加固,工程包括加高坝顶、更换泄洪闸门和整修库区道路,预计明年汛期前完工。施工期间水库下游的两处钓鱼点暂时关闭。';
const BODY_V2 = '青石水库今冬开始除险加固,工程包括加高坝顶和更换泄洪闸门,库区道路整修推迟到明年秋季,预计明年汛期前完成主体工程。施工期间下游三处钓鱼点暂时关闭。';
// Two days ahead, on the minute: the first version is under embargo, the correction lifts it.
const EMBARGO = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 2 * 86_400_000).toISOString();

/** A ninjs story as the fictional agency 华中社 sends it. */
function story(uri: string, version: number, fields: Record<string, unknown>) {
  return { uri, version: String(version), versioncreated: `2026-12-04T0${version}:00:00+08:00`, pubstatus: 'usable', language: 'zh-CN', byline: '华中社记者 周云', ...fields };
}
const reservoirV1 = story(RESERVOIR, 1, { headline: '青石水库今冬开始除险加固', body_html: `<p>${BODY_V1}</p>`, embargoed: EMBARGO });
const reservoirV2 = story(RESERVOIR, 2, { headline: '青石水库除险加固方案调整', body_html: `<p>${BODY_V2}</p>` });
const reservoirKill = story(RESERVOIR, 3, { pubstatus: 'canceled', headline: '撤稿:青石水库今冬开始除险加固', body_text: '华中社撤销此稿,请勿采用。' });
const fair = story(FAIR, 1, { headline: '青石县柑橘节本周六开幕', body_text: '青石县第十届柑橘节本周六在县体育场开幕,展出二十多个柑橘品种。' });

/** What the agency's feed holds right now; each test sets it before polling. */
let feedItems: object[] = [];
let feed: Server;
let feedUrl = '';
beforeAll(async () => {
  feed = createServer((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: feedItems })));
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/ninjs.json`;
});
afterAll(() => new Promise<void>((resolve) => feed.close(() => resolve())));

describeEachDialect('wire kills and updates in the newsroom', (_fresh, dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** A newsroom with the agency as provider and a chief who works the queue; `poll` fetches the feed as it is now. */
  async function newsroom() {
    t = await buildTestApp(dialect, { importAllowPrivate: true });
    const { world } = await makeChannels(t.db);
    await makeUser(t.db, 'admin', 'admin');
    await makeUser(t.db, 'chief', 'chief');
    await (await signIn(t.app, 'admin')).post('/admin/wires/providers', { name: '华中社', url: feedUrl, intervalMinutes: '15' });
    const chief = await signIn(t.app, 'chief');
    const providerId = /\/admin\/wires\/providers\/(\d+)\/poll/.exec((await chief.get('/admin/wires')).body)?.[1];
    const db = t.db;
    const poll = async (items: object[]) => {
      feedItems = items;
      expect((await chief.post(`/admin/wires/providers/${providerId}/poll`, {})).statusCode).toBe(303);
    };
    const queueRow = (guid: string) => db.kysely.selectFrom('ingest_items').selectAll().where('guid', '=', guid).executeTakeFirstOrThrow();
    return { app: t.app, db, world, chief, poll, queueRow };
  }

  /**
   * The editor's path from queue item to saved draft, sending the review's hidden fields as a
   * browser would; `meanwhile` runs between opening the review and saving. Returns the article's id.
   */
  async function importAsDraft(chief: StaffClient, itemId: number, channelId: number, title: string, body: string, meanwhile?: () => Promise<void>) {
    const review = await chief.post(`/admin/wires/items/${itemId}/import`, {});
    expect(review.statusCode).toBe(200);
    const seen = /name="ingestItemSeen" form="article-form" value="([^"]*)"/.exec(review.body)?.[1];
    expect(seen).toBeDefined();
    await meanwhile?.();
    const saved = await chief.post('/admin/articles', {
      ingestItemId: String(itemId),
      ingestItemSeen: seen ?? '',
      channelId: String(channelId),
      title,
      bodyHtml: `<p>${body}</p>`,
      sourceName: '华中社',
      sourceUrl: 'https://wire.example.cn/hz/reservoir.html',
      editorName: '王编辑',
    });
    expect(saved.statusCode).toBe(303);
    return Number(/articles\/(\d+)/.exec(saved.headers.location as string)?.[1]);
  }

  it('marks a queued story withdrawn when the agency kills it: the queue says so, the import button is gone, and importing is refused with 409, changing nothing', async () => {
    const { app, db, chief, poll, queueRow } = await newsroom();
    await poll([reservoirV1, fair]);
    const queued = await queueRow(RESERVOIR);
    // The same version sent again changes nothing.
    await poll([reservoirV1, fair]);
    expect(await queueRow(RESERVOIR)).toEqual(queued);

    await poll([reservoirKill, fair]);
    const killed = await queueRow(RESERVOIR);
    expect(killed).toMatchObject({ status: 'withdrawn', title: '青石水库今冬开始除险加固', article_id: null });
    const queue = (await chief.get('/admin/wires')).body;
    expect(queue).toContain(`通讯社已撤稿(${formatMinute(killed.withdrawn_at ?? '', ZONE)}),不能再导入`);
    expect(queue).toContain('<td>已撤稿</td>');
    expect(queue).not.toContain(`/admin/wires/items/${killed.id}/import`);
    expect(queue).toContain(`/admin/wires/items/${(await queueRow(FAIR)).id}/import`);
    const english = await app.inject({ url: '/admin/wires', cookies: { inkstone_session: chief.cookie, inkstone_lang: 'en' } });
    expect(english.body).toContain('Withdrawn by the agency (');

    const refused = await chief.post(`/admin/wires/items/${killed.id}/import`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('通讯社已撤回此稿,不能导入。');
    expect(await queueRow(RESERVOIR)).toEqual(killed);
    expect(await db.kysely.selectFrom('articles').select('id').execute()).toEqual([]);
    expect(await db.kysely.selectFrom('media').select('id').execute()).toEqual([]);
    // The kill, sent again, is no news.
    await poll([reservoirKill, fair]);
    expect(await queueRow(RESERVOIR)).toEqual(killed);
    expect(await db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'wire.withdrawn').execute()).toHaveLength(1);
  });

  it('flags a published article whose wire story the agency kills, with the time, and leaves it online for the editors to decide', async () => {
    const { app, db, world, chief, poll, queueRow } = await newsroom();
    // No embargo in this version, so the story can go out at once.
    await poll([{ ...reservoirV1, embargoed: undefined }]);
    const articleId = await importAsDraft(chief, (await queueRow(RESERVOIR)).id, world.id, '青石水库今冬开始除险加固', BODY_V1);
    expect((await chief.post(`/admin/articles/${articleId}/publish`, { mode: 'now' })).statusCode).toBe(303);
    const published = await db.kysely.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirstOrThrow();
    expect(published.status).toBe('published');
    expect((await chief.get(`/admin/articles/${articleId}`)).body).not.toContain('通讯社已撤稿');
    expect((await chief.get('/admin')).body).not.toContain('通讯社已撤稿,仍在线或待发');

    await poll([reservoirKill]);
    // The dashboard opens with the live story the agency has withdrawn, as an alert.
    const dashboard = (await chief.get('/admin')).body;
    expect(dashboard).toMatch(/<section class="card alert" role="alert"[^>]*>\s*<h2[^>]*><a href="\/admin\/wires">通讯社已撤稿,仍在线或待发<\/a>/);
    expect(dashboard.indexOf('青石水库今冬开始除险加固')).toBeGreaterThan(dashboard.indexOf('通讯社已撤稿,仍在线或待发'));
    const killed = await queueRow(RESERVOIR);
    expect(killed).toMatchObject({ status: 'withdrawn', article_id: articleId });
    const edit = (await chief.get(`/admin/articles/${articleId}`)).body;
    expect(edit).toContain(`<div class="wire-notice withdrawn" role="alert"><p>通讯社已撤稿:华中社 于 ${formatMinute(killed.withdrawn_at ?? '', ZONE)} 撤回了本稿所依据的通稿。</p><p>本稿目前仍在线上;是否撤下由编辑决定。</p>`);
    expect(edit).toContain(`href="/admin/wires?item=${killed.id}"`);
    const english = await app.inject({ url: `/admin/articles/${articleId}`, cookies: { inkstone_session: chief.cookie, inkstone_lang: 'en' } });
    expect(english.body).toContain('The agency has withdrawn this story: 华中社 withdrew');
    expect(english.body).toContain('This article is still live; editors decide whether to unpublish it.');

    // Online as before: nothing about the article changed.
    expect(await db.kysely.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirstOrThrow()).toEqual(published);
    expect((await app.inject('/api/v1/articles')).json().items.map((a: { id: number }) => a.id)).toEqual([articleId]);
    const audit = await db.kysely.selectFrom('audit_log').select(['username', 'target_type', 'target_id', 'detail']).where('action', '=', 'wire.withdrawn').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'wire', target_type: 'article', target_id: String(articleId) });
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ provider: '华中社', guid: RESERVOIR, previousStatus: 'imported', articleStatus: 'published' });

    // Once an editor takes it offline, the alert has nothing left to say.
    expect((await chief.post(`/admin/articles/${articleId}/unpublish`, {})).statusCode).toBe(303);
    expect((await chief.get('/admin')).body).not.toContain('通讯社已撤稿,仍在线或待发');
  });

  it('says a scheduled article whose story was killed will still go out unless an editor cancels it', async () => {
    const { db, world, chief, poll, queueRow } = await newsroom();
    await poll([{ ...reservoirV1, embargoed: undefined }]);
    const articleId = await importAsDraft(chief, (await queueRow(RESERVOIR)).id, world.id, '青石水库今冬开始除险加固', BODY_V1);
    const at = isoToLocal(new Date(Date.now() + 86_400_000).toISOString(), ZONE);
    expect((await chief.post(`/admin/articles/${articleId}/publish`, { mode: 'schedule', publishAt: at })).statusCode).toBe(303);
    await poll([reservoirKill]);
    const edit = (await chief.get(`/admin/articles/${articleId}`)).body;
    expect(edit).toContain('通讯社已撤稿:华中社 于');
    expect(edit).toContain('本稿已定时发布,到时将会上线;是否取消由编辑决定。');
    expect((await db.kysely.selectFrom('articles').select('status').where('id', '=', articleId).executeTakeFirstOrThrow()).status).toBe('scheduled');
  });

  it('replaces a queued story with the agency\'s later version, embargo lifted, and shows it as updated; the draft is made from the new text', async () => {
    const { chief, poll, queueRow } = await newsroom();
    await poll([reservoirV1]);
    const before = (await chief.get('/admin/wires')).body;
    expect(before).toContain('青石水库今冬开始除险加固');
    expect(before).toContain(`禁发至 ${formatMinute(EMBARGO, ZONE)}`);

    await poll([reservoirV2]);
    const updated = await queueRow(RESERVOIR);
    expect(updated).toMatchObject({ status: 'new', title: '青石水库除险加固方案调整', embargo_until: null, version: 2 });
    const queue = (await chief.get('/admin/wires')).body;
    expect(queue).toContain('青石水库除险加固方案调整');
    expect(queue).toContain(`已更新(${formatMinute(updated.agency_updated_at ?? '', ZONE)})`);
    expect(queue).not.toContain('禁发至');
    const review = await chief.post(`/admin/wires/items/${updated.id}/import`, {});
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('库区道路整修推迟到明年秋季');
    expect(review.body).not.toContain('本稿来自禁发通稿');
  });

  it('leaves an imported article alone when the agency updates the story, and says so on the queue row and the edit page, linking to the item', async () => {
    const { db, world, chief, poll, queueRow } = await newsroom();
    await poll([reservoirV1, fair]);
    const item = await queueRow(RESERVOIR);
    const articleId = await importAsDraft(chief, item.id, world.id, '青石水库冬季加固(编辑改写)', BODY_V1);
    const article = await db.kysely.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirstOrThrow();

    await poll([reservoirV2, fair]);
    const updated = await queueRow(RESERVOIR);
    expect(updated).toMatchObject({ id: item.id, status: 'imported', article_id: articleId, title: '青石水库除险加固方案调整' });
    const time = formatMinute(updated.agency_updated_at ?? '', ZONE);
    const queue = (await chief.get('/admin/wires')).body;
    expect(queue).toContain(`通讯社有更新(${time}),已导入的稿件未改动`);
    expect(queue).toContain('<summary>通讯社最新稿文</summary><p class="wire-latest-text">青石水库今冬开始除险加固,工程包括加高坝顶和更换泄洪闸门');

    const edit = (await chief.get(`/admin/articles/${articleId}`)).body;
    expect(edit).toContain(`<div class="wire-notice updated" role="note"><p>通讯社有更新:华中社 于 ${time} 发来本稿所依据通稿的新版本,本稿未作改动。</p><p><a href="/admin/wires?item=${item.id}">查看通稿</a></p></div>`);
    // The link shows that item alone, whatever else the queue holds.
    const one = (await chief.get(`/admin/wires?item=${item.id}`)).body;
    expect(one).toContain('青石水库除险加固方案调整');
    expect(one).not.toContain('青石县柑橘节本周六开幕');
    expect(one).toContain('href="/admin/wires">显示全部通稿</a>');
    expect((await chief.get('/admin/wires?item=abc')).statusCode).toBe(400);

    expect(await db.kysely.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirstOrThrow()).toEqual(article);
    // The same version again: no second update, no second audit entry.
    await poll([reservoirV2, fair]);
    expect(await queueRow(RESERVOIR)).toEqual(updated);
    expect(await db.kysely.selectFrom('audit_log').select('target_id').where('action', '=', 'wire.updated').execute()).toEqual([{ target_id: String(articleId) }]);
  });
  it('offers to update the imported article with the agency\'s new version, which then carries no update notice', async () => {
    const { db, world, chief, poll, queueRow } = await newsroom();
    await poll([reservoirV1, fair]);
    const item = await queueRow(RESERVOIR);
    const articleId = await importAsDraft(chief, item.id, world.id, '青石水库冬季加固(编辑改写)', BODY_V1);
    await poll([reservoirV2, fair]);
    const review = await chief.post(`/admin/wires/items/${item.id}/import`, {});
    const offer = new RegExp(`formaction="/admin/articles/${articleId}/update-from-import" name="baseVersion" value="(\\d+)"`).exec(review.body);
    expect(offer).not.toBeNull();
    const seen = /name="ingestItemSeen" form="article-form" value="([^"]*)"/.exec(review.body)?.[1] ?? '';
    const saved = await chief.post(`/admin/articles/${articleId}/update-from-import`, {
      baseVersion: offer?.[1] ?? '',
      ingestItemId: String(item.id),
      ingestItemSeen: seen,
      channelId: String(world.id),
      title: '青石水库除险加固方案调整',
      bodyHtml: `<p>${BODY_V2}</p>`,
      sourceName: '华中社',
      editorName: '王编辑',
    });
    expect(saved.statusCode).toBe(303);
    const article = await db.kysely.selectFrom('articles').select(['title', 'body_html']).where('id', '=', articleId).executeTakeFirstOrThrow();
    expect(article).toEqual({ title: '青石水库除险加固方案调整', body_html: `<p>${BODY_V2}</p>` });
    expect((await chief.get(`/admin/articles/${articleId}`)).body).not.toContain('wire-notice');
    expect((await queueRow(RESERVOIR)).agency_updated_at).toBeNull();
  });

  it('gives no update notice to an article made from the updated version, but does when the update comes while the review is open', async () => {
    const { world, chief, poll, queueRow } = await newsroom();
    await poll([reservoirV1, fair]);
    await poll([reservoirV2, fair]);
    const fromV2 = await importAsDraft(chief, (await queueRow(RESERVOIR)).id, world.id, '青石水库除险加固方案调整', BODY_V2);
    expect((await chief.get(`/admin/articles/${fromV2}`)).body).not.toContain('wire-notice');
    expect((await queueRow(RESERVOIR)).agency_updated_at).toBeNull();

    const fairV2 = story(FAIR, 2, { headline: '青石县柑橘节改在下周六开幕', body_text: '青石县第十届柑橘节因雨改在下周六开幕。' });
    const fromV1 = await importAsDraft(chief, (await queueRow(FAIR)).id, world.id, '青石县柑橘节本周六开幕', '青石县第十届柑橘节本周六在县体育场开幕。', () => poll([reservoirV2, fairV2]));
    expect((await chief.get(`/admin/articles/${fromV1}`)).body).toContain('<div class="wire-notice updated" role="note"><p>通讯社有更新:华中社 于');
  });
  it('escapes what the agency sends in the notices, the badges and the latest text', async () => {
    const { world, chief, poll, queueRow } = await newsroom();
    const hostile = '<img src=x onerror=alert(1)>';
    await poll([story(FAIR, 1, { headline: `柑橘节${hostile}`, body_text: '青石县第十届柑橘节本周六开幕。' })]);
    const articleId = await importAsDraft(chief, (await queueRow(FAIR)).id, world.id, '青石县柑橘节本周六开幕', '青石县第十届柑橘节本周六开幕。');
    await poll([story(FAIR, 2, { headline: `柑橘节改期${hostile}`, body_html: `<p>改期&lt;script&gt;alert(2)&lt;/script&gt;</p><script>alert(3)</script>` })]);
    const queue = (await chief.get('/admin/wires')).body;
    expect(queue).toContain('<span>柑橘节改期&lt;img src=x onerror=alert(1)></span>');
    expect(queue).toContain('<p class="wire-latest-text">改期&lt;script>alert(2)&lt;/script></p>');
    for (const raw of [hostile, '<script>alert', 'alert(3)']) expect(queue).not.toContain(raw);
    await poll([story(FAIR, 3, { pubstatus: 'canceled', headline: hostile })]);
    const edit = (await chief.get(`/admin/articles/${articleId}`)).body;
    expect(edit).toContain('通讯社已撤稿');
    expect(edit).not.toContain(hostile);
  });
});
