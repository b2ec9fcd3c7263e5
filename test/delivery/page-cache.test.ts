import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import type { Db } from '../../src/db/create-db.ts';
import { changeChannelSlug } from '../../src/domain/channels/channel.service.ts';
import { updateDeliverySettings } from '../../src/domain/feeds/delivery-settings.ts';
import { updateSiteSettings } from '../../src/domain/settings/site-settings.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeArticle, makeChannels } from '../helpers/factories.ts';
import { type DeliveryApp, buildDeliveryApp } from './delivery-app.ts';

/** Changes a title behind the cache's back: only a published change may make it visible. */
async function retitle(db: Db, id: number, title: string) {
  await db.kysely.updateTable('articles').set({ title, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
}

describeEachDialect('page cache', (fresh) => {
  let t: DeliveryApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function portal() {
    const db = await fresh();
    const channels = await makeChannels(db);
    const older = await makeArticle(db, channels.world.id, { title: '旧闻一则' });
    for (let i = 0; i < 9; i++) await makeArticle(db, channels.world.id, { title: `国际要闻${i}` });
    const govStory = await makeArticle(db, channels.gov.id, { title: '政务公开' });
    t = await buildDeliveryApp(db);
    // Dates move with the factory's clock: ask the site for the canonical URL.
    const urlOf = async (id: number) => (await t!.app.inject(`/x/2000/01/01/${id}.html`)).headers.location as string;
    return { db, app: t.app, cache: t.cache!, ...channels, older, govStory, urlOf };
  }

  it('serves a stored page with ETag, Cache-Control and Surrogate-Key, 304 on a match, 200 on garbage', async () => {
    const { app, db, older, urlOf } = await portal();
    const url = await urlOf(older.id);
    const first = await app.inject(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toContain('s-maxage=');
    expect(String(first.headers['surrogate-key']).split(' ')).toContain(`article:${older.id}`);
    // Cached: a write that nobody announced is not seen.
    await retitle(db, older.id, '未公布的改动');
    const second = await app.inject(url);
    expect(second.body).toBe(first.body);
    const etag = first.headers.etag as string;
    expect((await app.inject({ url, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    expect((await app.inject({ url, headers: { 'if-none-match': `W/${etag}, "x"` } })).statusCode).toBe(304);
    for (const garbage of ['garbage', '"', 'W/', ',,,', '\u00ff'.repeat(3), '"'.repeat(3000)]) {
      const res = await app.inject({ url, headers: { 'if-none-match': garbage } });
      expect(res.statusCode, garbage).toBe(200);
      expect(res.body).toBe(first.body);
    }
  });

  it('answers with brotli or gzip made once per render, identity otherwise', async () => {
    const { app, cache, older, urlOf } = await portal();
    const url = await urlOf(older.id);
    const plain = await app.inject(url);
    await cache.compressed();
    const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('Accept-Encoding');
    const none = await app.inject({ url, headers: { 'accept-encoding': 'br;q=0, identity' } });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body).toBe(plain.body);
  });

  it('shows a published article on the very next request to home, its channels and every sidebar', async () => {
    const { app, db, world, govStory, urlOf } = await portal();
    const govUrl = await urlOf(govStory.id);
    const before = await Promise.all(['/', '/news/', '/news/world/', govUrl].map((u) => app.inject(u)));
    for (const res of before) expect(res.statusCode).toBe(200);
    const fresh = await makeArticle(db, world.id, { title: '刚刚发布的快讯' });
    db.changes.publish({ kind: 'article', articleId: fresh.id, channelIds: [world.id] });
    for (const url of ['/', '/news/', '/news/world/', govUrl]) {
      expect((await app.inject(url)).body, url).toContain('刚刚发布的快讯');
    }
  });

  it('purges exactly: an edit to an old story leaves unrelated pages cached', async () => {
    const { app, db, older, govStory, world, urlOf } = await portal();
    const olderUrl = await urlOf(older.id);
    const govUrl = await urlOf(govStory.id);
    await app.inject(olderUrl);
    await app.inject(govUrl);
    await app.inject('/gov/');
    await retitle(db, older.id, '更正后的旧闻');
    db.changes.publish({ kind: 'article', articleId: older.id, channelIds: [world.id] });
    expect((await app.inject(olderUrl)).body).toContain('更正后的旧闻');
    // The 政务 pages neither show nor list the old story: they stay cached.
    await retitle(db, govStory.id, '未公布的政务改动');
    expect((await app.inject(govUrl)).body).toContain('政务公开');
    expect((await app.inject('/gov/')).body).not.toContain('未公布的政务改动');
  });

  it('purges everything on channel, settings and block changes', async () => {
    const { app, db, news, older, urlOf } = await portal();
    const url = await urlOf(older.id);
    await app.inject('/');
    await app.inject(url);
    await updateSiteSettings(db, { name: '临湖新闻网测试' });
    db.changes.publish({ kind: 'settings' });
    expect((await app.inject('/')).body).toContain('临湖新闻网测试');
    await changeChannelSlug(db, news.id, 'xinwen');
    db.changes.publish({ kind: 'channels' });
    expect((await app.inject(url)).statusCode).toBe(301);
    expect((await app.inject('/')).body).toContain('href="/xinwen/"');
    await db.kysely.insertInto('block_items').values({ block: 'newmedia', title: '临湖发布微信号', url: 'https://example.cn/wx', image_media_id: null, account: '微信', position: 0 }).execute();
    db.changes.publish({ kind: 'block', block: 'newmedia' });
    expect((await app.inject('/')).body).toContain('临湖发布微信号');
  });

  it('lets staff with a session cookie bypass the cache, and never stores their pages', async () => {
    const { app, db, cache, older, urlOf } = await portal();
    const url = await urlOf(older.id);
    await app.inject(url);
    await retitle(db, older.id, '编辑预览中的标题');
    const staff = await app.inject({ url, headers: { cookie: 'theme=dark; inkstone_session=abc' } });
    expect(staff.body).toContain('编辑预览中的标题');
    expect(staff.headers.etag).toBeUndefined();
    expect((await app.inject(url)).body).not.toContain('编辑预览中的标题');
    const size = cache.size;
    await app.inject({ url: '/gov/', headers: { cookie: 'inkstone_session=abc' } });
    expect(cache.size).toBe(size);
  });

  it('keeps a flood of distinct query strings within its byte budget', async () => {
    const db = await fresh();
    const { news } = await makeChannels(db);
    await makeArticle(db, news.id);
    t = await buildDeliveryApp(db, { pageCacheBytes: 300_000 });
    const cache = t.cache!;
    for (let i = 0; i < 400; i++) expect((await t.app.inject(`/?utm=${i}`)).statusCode).toBe(200);
    await cache.compressed();
    expect(cache.totalBytes).toBeLessThanOrEqual(300_000);
    expect(cache.size).toBeLessThan(400);
    expect(cache.size).toBeGreaterThan(0);
  });

  it('calls the purge webhook with the purged keys', async () => {
    const db = await fresh();
    const { world } = await makeChannels(db);
    const story = await makeArticle(db, world.id);
    const received: unknown[] = [];
    let arrived!: () => void;
    const done = new Promise<void>((resolve) => (arrived = resolve));
    const hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end('ok');
        arrived();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    try {
      await updateDeliverySettings(db, { purgeWebhookUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/purge` });
      t = await buildDeliveryApp(db);
      await t.app.inject('/');
      db.changes.publish({ kind: 'article', articleId: story.id, channelIds: [world.id] });
      await done;
      expect((received[0] as { keys: string[] }).keys).toEqual(expect.arrayContaining([`article:${story.id}`, `list:${world.id}`, 'home', 'feeds']));
    } finally {
      hook.close();
    }
  });

  it('is off with INKSTONE_PAGE_CACHE=off: no cache, no validators, every request renders', async () => {
    const db = await fresh();
    const { news } = await makeChannels(db);
    const story = await makeArticle(db, news.id, { title: '不缓存' });
    t = await buildDeliveryApp(db, { pageCache: false });
    expect(t.cache).toBeUndefined();
    const first = await t.app.inject('/');
    expect(first.headers.etag).toBeUndefined();
    await retitle(db, story.id, '立刻可见');
    expect((await t.app.inject('/')).body).toContain('立刻可见');
  });
});
