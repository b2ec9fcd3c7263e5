import { afterEach, expect, it } from 'vitest';
import { changeChannelSlug } from '../src/domain/channels/channel.service.ts';
import { updateSiteSettings } from '../src/domain/settings/site-settings.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { makeArticle, makeChannels } from './helpers/factories.ts';
import { type TestApp, buildTestApp } from './helpers/test-app.ts';

/** The channel's own list, without the sidebar's latest items. */
function channelList(html: string): string {
  const start = html.indexOf('<ul class="link-list channel-list">');
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</ul>', start));
}

describeEachDialect('public pages', (_fresh, dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const open = async () => (t = await buildTestApp(dialect));

  it('serves an article at its dated URL with the publish time in Asia/Shanghai', async () => {
    const { db, app } = await open();
    const { world } = await makeChannels(db);
    const article = await makeArticle(db, world.id, { title: '会谈未实现突破', publishedAt: '2025-05-19T02:28:00Z', dateline: '临湖社北京5月18日电' });
    const res = await app.inject(`/news/world/2025/05/19/${article.id}.html`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<h1>会谈未实现突破</h1>');
    expect(res.body).toContain('2025-05-19 10:28');
    expect(res.body).toContain('<span class="dateline">临湖社北京5月18日电</span> 第一段。');
    expect(res.body).toContain(`<link rel="canonical" href="/news/world/2025/05/19/${article.id}.html"/>`);
  });

  it('redirects an article URL with a wrong date or channel to the canonical one', async () => {
    const { db, app } = await open();
    const { world } = await makeChannels(db);
    const article = await makeArticle(db, world.id, { publishedAt: '2025-05-18T17:00:00Z' });
    // 17:00 UTC is 01:00 the next day in Shanghai: the URL carries the local date.
    const res = await app.inject(`/gov/2025/05/18/${article.id}.html`);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`/news/world/2025/05/19/${article.id}.html`);
  });

  it('answers 301 from old channel URLs after a slug change', async () => {
    const { db, app } = await open();
    const { news, world } = await makeChannels(db);
    const article = await makeArticle(db, world.id, { publishedAt: '2025-05-19T02:28:00Z' });
    await changeChannelSlug(db, news.id, 'xinwen');
    const channel = await app.inject('/news/world/');
    expect(channel.statusCode).toBe(301);
    expect(channel.headers.location).toBe('/xinwen/world/');
    const old = await app.inject(`/news/world/2025/05/19/${article.id}.html`);
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe(`/xinwen/world/2025/05/19/${article.id}.html`);
    expect((await app.inject(old.headers.location as string)).statusCode).toBe(200);
  });

  it('lists a channel newest first with its sub-channels, paginated', async () => {
    const { db, app } = await open();
    const { news, world } = await makeChannels(db);
    for (let i = 1; i <= 25; i++) await makeArticle(db, i % 2 ? world.id : news.id, { title: `列表文章${String(i).padStart(2, '0')}` });
    const first = await app.inject('/news/');
    expect(first.statusCode).toBe(200);
    const firstList = channelList(first.body);
    expect(firstList.indexOf('列表文章25')).toBeLessThan(firstList.indexOf('列表文章24'));
    expect(firstList).toContain('列表文章06');
    expect(firstList).not.toContain('列表文章05');
    expect(first.body).toContain('href="/news/?page=2"');
    const second = channelList((await app.inject('/news/?page=2')).body);
    expect(second).toContain('列表文章05');
    expect(second).toContain('列表文章01');
    const sub = channelList((await app.inject('/news/world/')).body);
    expect(sub).toContain('列表文章25');
    expect(sub).not.toContain('列表文章24');
  });

  it('lets readers and feed readers find the feeds: the site feeds on every page, a channel feed on its page', async () => {
    const { db, app } = await open();
    const { world } = await makeChannels(db);
    await makeArticle(db, world.id, { title: '湖区合作论坛举行' });
    const home = (await app.inject('/')).body;
    expect(home).toMatch(/<link rel="alternate" type="application\/rss\+xml" title="[^"]+" href="\/rss\.xml"\/>/);
    expect(home).toMatch(/<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/atom\.xml"\/>/);
    expect(home).toMatch(/<footer[^]*<a href="\/rss\.xml">RSS<\/a>/);
    const channel = (await app.inject('/news/world/')).body;
    const feedUrl = /<link rel="alternate" type="application\/rss\+xml" title="[^"]*国际新闻[^"]*" href="([^"]+)"/.exec(channel)?.[1];
    expect(feedUrl).toBe('/feeds/news/world/rss.xml');
    const feed = await app.inject(feedUrl!);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('湖区合作论坛举行');
  });

  it('titles the copyright block with the short name in either language, spaced in English', async () => {
    const { db, app } = await open();
    const { world } = await makeChannels(db);
    const article = await makeArticle(db, world.id, { publishedAt: '2025-05-19T02:28:00Z' });
    const url = `/news/world/2025/05/19/${article.id}.html`;
    await updateSiteSettings(db, { shortName: '临湖网' });
    expect((await app.inject(url)).body).toMatch(/<h2[^>]*>临湖网版权与免责声明<\/h2>/);
    await updateSiteSettings(db, { shortName: 'Linhu News', locale: 'en', icpNumber: '鄂ICP备00000000号-1', newsLicence: '00000000000000' });
    const english = (await app.inject(url)).body;
    expect(english).toMatch(/<h2[^>]*>Linhu News copyright and disclaimer<\/h2>/);
    // The footer's labels take an English colon and space too.
    expect(english).toContain('<p>ICP number: 鄂ICP备00000000号-1</p>');
    expect(english).toContain('<p>Internet news licence: 00000000000000</p>');
  });

  it('sends malformed page numbers back to page 1 and unknown pages to the 404 page', async () => {
    const { db, app } = await open();
    const { news } = await makeChannels(db);
    await makeArticle(db, news.id);
    for (const bad of ['abc', '0', '-1', '1e3', '99999999999999999999', '2%27%20or%201=1']) {
      const res = await app.inject(`/news/?page=${bad}`);
      expect(res.statusCode, bad).toBe(302);
      expect(res.headers.location).toBe('/news/');
    }
    const beyond = await app.inject('/news/?page=5');
    expect(beyond.statusCode).toBe(404);
  });

  it('shows the site 404 page for unknown channels, articles and drafts', async () => {
    const { db, app } = await open();
    const { world } = await makeChannels(db);
    const draft = await makeArticle(db, world.id, { status: 'draft', publishedAt: null });
    for (const url of ['/nope/', '/news/world/2025/05/19/999999.html', `/news/world/2025/05/19/${draft.id}.html`, '/%E4%BD%A0/', '/news/world/x.html']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toContain('页面不存在');
      expect(res.body, url).toContain('<nav class="channel-bar"');
    }
  });
});
