import { afterEach, expect, it } from 'vitest';
import { updateDeliverySettings } from '../../src/domain/feeds/delivery-settings.ts';
import { streamSitemapArticles } from '../../src/domain/feeds/feed.queries.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeArticle, makeChannels } from '../helpers/factories.ts';
import { type DeliveryApp, buildDeliveryApp } from './delivery-app.ts';

describeEachDialect('feeds and sitemaps', (fresh) => {
  let t: DeliveryApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function portal() {
    const db = await fresh();
    const channels = await makeChannels(db);
    const world = await makeArticle(db, channels.world.id, {
      title: '会谈 <未> 实现 & 突破',
      summary: '摘要一句',
      reporters: ['栾海', '高山'],
      publishedAt: '2025-05-19T02:28:00Z',
    });
    const gov = await makeArticle(db, channels.gov.id, { title: '政务公开', publishedAt: '2025-06-02T02:00:00Z' });
    t = await buildDeliveryApp(db);
    return { db, app: t.app, ...channels, worldStory: world, govStory: gov };
  }

  it('publishes RSS 2.0, Atom and JSON Feed for the site with absolute links, dates and authors', async () => {
    const { app, worldStory } = await portal();
    const rss = await app.inject({ url: '/rss.xml', headers: { host: 'news.example.cn' } });
    expect(rss.statusCode).toBe(200);
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    expect(rss.body).toContain('<title>会谈 &lt;未&gt; 实现 &amp; 突破</title>');
    expect(rss.body).toContain(`<link>http://news.example.cn/news/world/2025/05/19/${worldStory.id}.html</link>`);
    expect(rss.body).toContain('<pubDate>Mon, 19 May 2025 02:28:00 GMT</pubDate>');
    expect(rss.body).toContain('<dc:creator>栾海</dc:creator>');
    expect(rss.body).toContain('<description>摘要一句</description>');
    expect(rss.body).not.toContain('content:encoded>');
    expect(rss.body.indexOf('政务公开')).toBeLessThan(rss.body.indexOf('会谈'));

    const atom = await app.inject('/atom.xml');
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(atom.body).toContain('<published>2025-05-19T02:28:00.000Z</published>');
    expect(atom.body).toContain('<author><name>高山</name></author>');

    const json = await app.inject('/feed.json');
    const feed = JSON.parse(json.body) as { version: string; items: { title: string; authors?: { name: string }[] }[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((i) => i.title)).toEqual(['政务公开', '会谈 <未> 实现 & 突破']);
    expect(feed.items[1]?.authors).toEqual([{ name: '栾海' }, { name: '高山' }]);
  });

  it('serves per-channel feeds that include sub-channels, 404 for unknown channels and files', async () => {
    const { app, db } = await portal();
    const news = await app.inject('/feeds/news/rss.xml');
    expect(news.statusCode).toBe(200);
    expect(news.body).toContain('会谈');
    expect(news.body).not.toContain('政务公开');
    expect((await app.inject('/feeds/news/world/feed.json')).statusCode).toBe(200);
    for (const url of ['/feeds/nope/rss.xml', '/feeds/news/feed.txt', '/feeds/rss.xml', '/feeds/%3Cscript%3E/atom.xml']) {
      expect((await app.inject(url)).statusCode, url).toBe(404);
    }
    // Full text is a setting; a settings change reaches cached feeds at once.
    await updateDeliverySettings(db, { feedFullText: true, siteUrl: 'https://www.linhu.cn/' });
    db.changes.publish({ kind: 'settings' });
    const full = await app.inject('/feeds/news/rss.xml');
    expect(full.body).toContain('<content:encoded>&lt;p&gt;第一段。');
    expect(full.body).toContain('<link>https://www.linhu.cn/news/world/');
  });

  it('builds a sitemap index, monthly sitemaps, a channel sitemap and robots.txt', async () => {
    const { app, worldStory } = await portal();
    const index = await app.inject({ url: '/sitemap.xml', headers: { host: 'news.example.cn' } });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<loc>http://news.example.cn/sitemaps/2025-05.xml</loc>');
    expect(index.body).toContain('<loc>http://news.example.cn/sitemaps/2025-06.xml</loc>');
    expect(index.body).toContain('<loc>http://news.example.cn/sitemaps/news.xml</loc>');
    const may = await app.inject({ url: '/sitemaps/2025-05.xml', headers: { host: 'news.example.cn' } });
    expect(may.statusCode).toBe(200);
    expect(may.body).toContain(`<loc>http://news.example.cn/news/world/2025/05/19/${worldStory.id}.html</loc>`);
    expect(may.body).not.toContain('政务');
    expect(may.body.trim().endsWith('</urlset>')).toBe(true);
    expect((await app.inject('/sitemaps/channels.xml')).body).toContain('/news/world/</loc>');
    for (const bad of ['/sitemaps/2025-13.xml', '/sitemaps/x.xml', '/sitemaps/2025-05-p1.xml', '/sitemaps/2025-05.xml.gz']) {
      expect((await app.inject(bad)).statusCode, bad).toBe(404);
    }
    const robots = await app.inject({ url: '/robots.txt', headers: { host: 'news.example.cn' } });
    expect(robots.body).toContain('Sitemap: http://news.example.cn/sitemap.xml');
  });

  it('lists only the last two days in the Google News sitemap', async () => {
    const { app, db, gov } = await portal();
    const recent = await makeArticle(db, gov.id, { title: '今日要闻', publishedAt: new Date(Date.now() - 3600_000).toISOString() });
    db.changes.publish({ kind: 'article', articleId: recent.id, channelIds: [gov.id] });
    const res = await app.inject('/sitemaps/news.xml');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<news:title>今日要闻</news:title>');
    expect(res.body).toContain('<news:language>zh-cn</news:language>');
    expect(res.body).not.toContain('会谈');
  });

  it('streams a month in keyset batches, with offsets for months past 50,000 URLs', async () => {
    const db = await fresh();
    const { news } = await makeChannels(db);
    for (let i = 0; i < 7; i++) await makeArticle(db, news.id, { publishedAt: `2025-07-0${i + 1}T00:00:00Z` });
    const range = { from: '2025-07-01T00:00:00.000Z', to: '2025-08-01T00:00:00.000Z' };
    const all: number[] = [];
    for await (const a of streamSitemapArticles(db, { ...range, offset: 0, limit: 100 }, 2)) all.push(a.id);
    expect(all).toHaveLength(7);
    const part: number[] = [];
    for await (const a of streamSitemapArticles(db, { ...range, offset: 3, limit: 3 }, 2)) part.push(a.id);
    expect(part).toEqual(all.slice(3, 6));
  });
});
