import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeChannels } from '../helpers/factories.ts';
import { makeUser, signIn } from '../helpers/newsroom.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

let feed: Server;
let feedUrl = '';
const BODY = '临湖港今年前十个月集装箱吞吐量同比增长百分之十二,新开通的两条内贸航线带动了周边制造业出口。港口管理部门表示,年底前还将启用两座自动化泊位,进一步缩短船舶在港时间。';
beforeAll(async () => {
  feed = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(
      `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>华中社通稿</title>` +
        `<item><guid>hz-1001</guid><title>临湖港吞吐量同比增长12%</title><link>https://wire.example/hz-1001</link>` +
        `<description><![CDATA[<p>${BODY}</p>]]></description><pubDate>Thu, 20 Nov 2025 01:30:00 GMT</pubDate><author>记者 李青</author></item>` +
        `</channel></rss>`,
    );
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/rss.xml`;
});
afterAll(() => new Promise<void>((resolve) => feed.close(() => resolve())));

describeEachDialect('wire feeds', (_fresh, dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
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
    expect((await editor.post(`/admin/wires/providers/${providerId}/poll`, {})).statusCode).toBe(303);
    await editor.post(`/admin/wires/providers/${providerId}/poll`, {});
    const queue = await editor.get('/admin/wires');
    expect(queue.body).toContain('临湖港吞吐量同比增长12%');
    expect(await t.db.kysely.selectFrom('ingest_items').selectAll().execute()).toHaveLength(1);

    const importUrl = /href="(\/admin\/wires\/items\/\d+\/import)"/.exec(queue.body)?.[1] ?? '';
    const review = await editor.get(importUrl);
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
});
