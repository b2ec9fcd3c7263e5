import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { wireFixture } from '../fixtures/wires/fixtures.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeChannels } from '../helpers/factories.ts';
import { makeUser, signIn } from '../helpers/newsroom.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

let feed: Server;
let feedUrl = '';
let newsmlUrl = '';
let picture: Buffer;
const BODY = '临湖港今年前十个月集装箱吞吐量同比增长百分之十二,新开通的两条内贸航线带动了周边制造业出口。港口管理部门表示,年底前还将启用两座自动化泊位,进一步缩短船舶在港时间。';
beforeAll(async () => {
  picture = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#4a7' } }).jpeg().toBuffer();
  feed = createServer((req, res) => {
    const origin = `http://${req.headers.host}`;
    if (req.url === '/bridge.jpg') return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(picture);
    if (req.url === '/teaser.xml') {
      // A feed that carries only a teaser: the story is on the page it links to.
      return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(
        `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>华中社要闻</title><item><guid>hz-2002</guid><title>临湖港新开两条内贸航线</title>` +
          `<link>${origin}/hz-2002.html</link><description>临湖港新开两条内贸航线。</description></item></channel></rss>`,
      );
    }
    if (req.url === '/hz-2002.html') {
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<html><head><title>临湖港新开两条内贸航线_华中社</title></head><body><div class="nav">首页 要闻 财经 体育 图片</div><article><h1>临湖港新开两条内贸航线</h1><p>${BODY}</p><p>${BODY}</p></article><div class="footer">华中社版权所有</div></body></html>`,
      );
    }
    if (req.url === '/g2.xml') {
      // The fixture's picture, served from here so that the import can fetch it.
      const xml = wireFixture('newsml-message.xml').toString('utf8').replace('https://img.wire.example.cn/hz/bridge-p1-1280.jpg', `${origin}/bridge.jpg`);
      return void res.writeHead(200, { 'content-type': 'application/vnd.iptc.g2.newsmessage+xml' }).end(xml);
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(
      `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>华中社通稿</title>` +
        `<item><guid>hz-1001</guid><title>临湖港吞吐量同比增长12%</title><link>https://wire.example/hz-1001</link>` +
        `<description><![CDATA[<p>${BODY}</p>]]></description><pubDate>Thu, 20 Nov 2025 01:30:00 GMT</pubDate><author>记者 李青</author></item>` +
        `</channel></rss>`,
    );
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/rss.xml`;
  newsmlUrl = feedUrl.replace('/rss.xml', '/g2.xml');
});
afterAll(() => new Promise<void>((resolve) => feed.close(() => resolve())));

describeEachDialect('wire feeds', (_fresh, dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('opens a teaser item from the page it links to, and shows that page beside the draft', async () => {
    t = await buildTestApp(dialect, { importAllowPrivate: true });
    await makeChannels(t.db);
    await makeUser(t.db, 'admin', 'admin');
    const admin = await signIn(t.app, 'admin');
    await admin.post('/admin/wires/providers', { name: '华中社', url: feedUrl.replace('/rss.xml', '/teaser.xml'), intervalMinutes: '15' });
    const providerId = /\/admin\/wires\/providers\/(\d+)\/poll/.exec((await admin.get('/admin/wires')).body)?.[1];
    await admin.post(`/admin/wires/providers/${providerId}/poll`, {});
    const importUrl = /action="(\/admin\/wires\/items\/\d+\/import)"/.exec((await admin.get('/admin/wires')).body)?.[1] ?? '';
    const review = await admin.post(importUrl, {});
    expect(review.statusCode).toBe(200);
    // The draft is the whole story from the page; beside it, the page with its menu and footer, which the draft left out.
    expect(review.body).toContain('港口管理部门表示');
    const original = /<div class="original-text">([\s\S]*?)<\/details>\s*<\/section>/.exec(review.body)?.[1] ?? '';
    expect(original).toContain('首页 要闻 财经 体育 图片');
    expect(original).toMatch(/<div class="dropped">[^<]*华中社版权所有/);
  });

  it('polls a provider into the queue once per GUID, and turns an item into an attributed draft', async () => {
    t = await buildTestApp(dialect, { importAllowPrivate: true });
    const { world } = await makeChannels(t.db);
    await makeUser(t.db, 'admin', 'admin');
    await makeUser(t.db, 'editor', 'editor', [world.id]);
    const admin = await signIn(t.app, 'admin');
    expect((await admin.post('/admin/wires/providers', { name: '华中社', url: 'not a url', intervalMinutes: '15' })).statusCode).toBe(400);
    expect((await admin.post('/admin/wires/providers', { name: '华中社', url: feedUrl, intervalMinutes: '15' })).statusCode).toBe(303);

    const editor = await signIn(t.app, 'editor');
    // Editors work the queue but do not configure providers.
    expect((await editor.post('/admin/wires/providers', { name: 'x', url: feedUrl, intervalMinutes: '5' })).statusCode).toBe(403);
    const page = await editor.get('/admin/wires');
    const providerId = /\/admin\/wires\/providers\/(\d+)\/poll/.exec(page.body)?.[1];
    const first = await editor.post(`/admin/wires/providers/${providerId}/poll`, {});
    expect(first.statusCode).toBe(303);
    // The notice after a poll says what it brought; the second poll of the same feed brings nothing new.
    expect((await editor.get(String(first.headers.location))).body).toContain('已抓取:新稿 1 条,撤稿 0 条,更新 0 条。');
    const second = await editor.post(`/admin/wires/providers/${providerId}/poll`, {});
    expect((await editor.get(String(second.headers.location))).body).toContain('已抓取:新稿 0 条');
    // A provider that cannot be reached: the notice says so, the reason stands beside the provider.
    await admin.post('/admin/wires/providers', { name: '断线社', url: 'http://127.0.0.1:1/feed.xml', intervalMinutes: '15' });
    const brokenId = [...(await editor.get('/admin/wires')).body.matchAll(/\/admin\/wires\/providers\/(\d+)\/poll/g)].map((m) => m[1]).find((id) => id !== providerId);
    const failed = await editor.post(`/admin/wires/providers/${brokenId}/poll`, {});
    expect((await editor.get(String(failed.headers.location))).body).toContain('抓取失败,原因见通稿源列表。');
    // …in words, not as the network library's message.
    const providers = (await editor.get('/admin/wires')).body;
    expect(providers).toContain('无法连接对方网站。 (ECONNREFUSED)');
    expect(providers).not.toContain('connect ECONNREFUSED');
    // A page that is no feed says so too.
    await admin.post('/admin/wires/providers', { name: '网页社', url: feedUrl.replace('/rss.xml', '/hz-2002.html'), intervalMinutes: '15' });
    const pageId = [...(await editor.get('/admin/wires')).body.matchAll(/\/admin\/wires\/providers\/(\d+)\/poll/g)].map((m) => m[1]).at(-1);
    await editor.post(`/admin/wires/providers/${pageId}/poll`, {});
    expect((await editor.get('/admin/wires')).body).toContain('该网址返回的不是可读的通稿(RSS、Atom、NewsML-G2 或 ninjs)。');
    const queue = await editor.get('/admin/wires');
    expect(queue.body).toContain('临湖港吞吐量同比增长12%');
    // The queue's second column is the agency an item came from, headed as such (it read 名称, "name").
    expect(queue.body).toMatch(/<th scope="col">标题<\/th><th scope="col">来源<\/th>/);
    expect(await t.db.kysely.selectFrom('ingest_items').selectAll().execute()).toHaveLength(1);

    const importUrl = /action="(\/admin\/wires\/items\/\d+\/import)"/.exec(queue.body)?.[1] ?? '';
    const review = await editor.post(importUrl, {});
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('value="https://wire.example/hz-1001"');
    expect(review.body).toContain('name="ingestItemId" form="article-form"');
    const itemId = /name="ingestItemId" form="article-form" value="(\d+)"/.exec(review.body)?.[1] ?? '';
    const saved = await editor.post('/admin/articles', {
      ingestItemId: itemId,
      channelId: String(world.id),
      title: '临湖港吞吐量同比增长12%',
      bodyHtml: `<p>${BODY}</p>`,
      sourceName: '华中社',
      sourceUrl: 'https://wire.example/hz-1001',
      originalTitle: '临湖港吞吐量同比增长12%',
    });
    expect(saved.statusCode).toBe(303);
    const item = await t.db.kysely.selectFrom('ingest_items').selectAll().executeTakeFirstOrThrow();
    expect(item.status).toBe('imported');
    expect(item.article_id).toBe(Number(/articles\/(\d+)/.exec(saved.headers.location as string)?.[1]));
    expect((await editor.get('/admin/wires')).body).not.toContain(importUrl);
  });

  it('polls a NewsML-G2 provider; its story opens as a draft with the dateline, a clean body and the picture stored with caption and credit', async () => {
    t = await buildTestApp(dialect, { importAllowPrivate: true });
    const { world } = await makeChannels(t.db);
    await makeUser(t.db, 'admin', 'admin');
    await makeUser(t.db, 'editor', 'editor', [world.id]);
    const admin = await signIn(t.app, 'admin');
    expect((await admin.get('/admin/wires')).body).toContain('NewsML-G2');
    expect((await admin.post('/admin/wires/providers', { name: '华中社', url: newsmlUrl, intervalMinutes: '10' })).statusCode).toBe(303);

    const editor = await signIn(t.app, 'editor');
    const providerId = /\/admin\/wires\/providers\/(\d+)\/poll/.exec((await editor.get('/admin/wires')).body)?.[1];
    await editor.post(`/admin/wires/providers/${providerId}/poll`, {});
    await editor.post(`/admin/wires/providers/${providerId}/poll`, {});
    const queue = await editor.get('/admin/wires');
    expect(queue.body).toContain('青石江二桥合龙 明年通车');
    expect(queue.body).toContain('Orchard town ships its first winter pears abroad');
    // The picture came packaged with the story: it is part of it, not a queue item of its own.
    expect(await t.db.kysely.selectFrom('ingest_items').select('guid').orderBy('guid').execute()).toEqual([
      { guid: 'urn:example:hz:g2:20251120-bridge' },
      { guid: 'urn:example:hz:g2:20251120-orchard' },
    ]);

    const bridgeId = (await t.db.kysely.selectFrom('ingest_items').select('id').where('guid', '=', 'urn:example:hz:g2:20251120-bridge').executeTakeFirstOrThrow()).id;
    // Opening an item stores pictures, so it is a POST with the CSRF token.
    expect((await editor.get(`/admin/wires/items/${bridgeId}/import`)).statusCode).toBe(404);
    const forged = await t.app.inject({ method: 'POST', url: `/admin/wires/items/${bridgeId}/import`, cookies: { inkstone_session: editor.cookie }, payload: '_csrf=forged', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(forged.statusCode).toBe(403);
    expect(await t.db.kysely.selectFrom('media').select('id').execute()).toHaveLength(0);
    const review = await editor.post(`/admin/wires/items/${bridgeId}/import`, {});
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('name="dateline" form="article-form" value="华中社青石11月20日电"');
    expect(review.body).toContain('已把 1 张图片存入图片库。');
    const body = unescapeHtml(/<textarea id="body-html" name="bodyHtml"[^>]*>([\s\S]*?)<\/textarea>/.exec(review.body)?.[1] ?? '');
    expect(body).toMatch(/^<p>青石江二桥主跨20日顺利合龙/);
    expect(body).toMatch(/<figure><img src="\/media\/[^"]+" width="\d+" height="\d+" data-media-id="\d+"[^>]*><figcaption>11月20日，工人在青石江二桥合龙段作业。 <span class="credit">华中社记者 周云 摄<\/span><\/figcaption><\/figure>/);
    for (const hostile of ['<script', "alert('wire')", 'onmouseover', 'javascript:', 'img.wire.example.cn']) expect(body).not.toContain(hostile);
    const media = await t.db.kysely.selectFrom('media').select(['caption', 'credit']).execute();
    expect(media).toEqual([{ caption: '11月20日，工人在青石江二桥合龙段作业。', credit: '华中社记者 周云 摄' }]);
    // Opening the item again stores no second copy.
    await editor.post(`/admin/wires/items/${bridgeId}/import`, {});
    expect(await t.db.kysely.selectFrom('media').select('id').execute()).toHaveLength(1);
  });
});

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&(quot|#34);/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();
}
