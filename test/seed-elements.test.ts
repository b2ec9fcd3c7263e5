import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PublishedArticle } from '../src/domain/articles/article.ts';
import { findNeighbours, findPublishedArticle } from '../src/domain/articles/article.queries.ts';
import { listBlockItems } from '../src/domain/blocks/block.service.ts';
import { loadChannelTree } from '../src/domain/channels/channel.service.ts';
import { describeEachDialect } from './helpers/databases.ts';
import { sharedPath } from './helpers/shared.ts';
import { type TestApp, buildTestApp } from './helpers/test-app.ts';

/** The nav bar of the model page, read from ../shared so the test follows the seed, not a copy. */
function seedNav(): string[] {
  const seed = readFileSync(sharedPath('seed', '000_6a1b3f7d972bca36.txt'), 'utf8');
  return (seed.split('\n')[0] ?? '').trim().split(/\s+/);
}

function navNames(page: string): string[] {
  const nav = /<nav class="channel-bar"[^>]*>(.*?)<\/nav>/s.exec(page)?.[1] ?? '';
  return [...nav.matchAll(/<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1] ?? '');
}

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describeEachDialect('the demo article page shows every element of the seed page', (_fresh, dialect) => {
  let t: TestApp;
  let repost: PublishedArticle;
  let own: PublishedArticle;
  let repostUrl: string;
  let html: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { demo: true });
    const tree = await loadChannelTree(t.db);
    const world = tree.findByPath('news/world');
    if (!world) throw new Error('demo has no news/world channel');
    const rows = await t.db.kysely
      .selectFrom('articles')
      .select(['id', 'is_original'])
      .where('status', '=', 'published')
      .orderBy('published_at', 'desc')
      .execute();
    const candidates = (await Promise.all(rows.map((r) => findPublishedArticle(t.db, r.id)))).filter(
      (a): a is PublishedArticle => Boolean(a),
    );
    // A reposted world story with figures and both neighbours, like the seed page.
    for (const article of candidates) {
      if (article.channelId !== world.id || article.isOriginal || !article.bodyHtml.includes('<figure>')) continue;
      const n = await findNeighbours(t.db, article);
      if (n.previous && n.next) {
        repost = article;
        break;
      }
    }
    own = candidates.find((a) => a.isOriginal && a.bodyHtml.includes('<figure>'))!;
    expect(repost, 'a demo repost in 国际新闻 with figures and neighbours').toBeDefined();
    expect(own).toBeDefined();
    const home = await t.app.inject('/');
    const link = new RegExp(`href="(/news/world/\\d{4}/\\d{2}/\\d{2}/${repost.id}\\.html)"`).exec(
      (await t.app.inject('/news/world/')).body,
    );
    expect(home.statusCode).toBe(200);
    repostUrl = link?.[1] ?? '';
    const res = await t.app.inject(repostUrl);
    expect(res.statusCode).toBe(200);
    html = res.body;
  });
  afterAll(async () => t?.close());

  it('has the nav bar of the seed on the article and the home page: 首页, the 15 sections, 返回', async () => {
    expect(seedNav()).toHaveLength(17);
    expect(navNames(html)).toEqual(seedNav());
    expect(navNames((await t.app.inject('/')).body)).toEqual(seedNav());
  });

  it('has breadcrumb, title, 来源 and 时间 to the minute', () => {
    expect(text(html)).toContain('首页 >> 新闻 >> 国际新闻 >> 正文');
    expect(html).toContain(`<h1>${repost.title}</h1>`);
    const shanghai = new Date(Date.parse(repost.publishedAt) + 8 * 3600_000).toISOString();
    const minute = `${shanghai.slice(0, 10)} ${shanghai.slice(11, 16)}`;
    expect(text(html)).toContain(`来源:${repost.sourceName}`);
    expect(text(html)).toContain(`时间:${minute}`);
    expect(html).toContain(`href="${repost.sourceUrl}"`);
  });

  it('opens the body with the dateline and keeps subheadings and figures with caption and credit', () => {
    expect(repost.dateline).not.toBe('');
    expect(html).toMatch(new RegExp(`<div class="article-body"><p><span class="dateline">${repost.dateline}</span> `));
    expect(html).toMatch(/<div class="article-body">.*<h2>[^<]+<\/h2>/s);
    // Library figures are responsive pictures: WebP and JPEG srcset, fixed width and height.
    expect(html).toMatch(
      /<figure><picture><source type="image\/webp" srcset="[^"]+\.webp \d+w[^"]*" sizes="[^"]+"><img src="\/media\/[^"]+" srcset="[^"]+\.jpg \d+w[^"]*" sizes="[^"]+" width="\d+" height="\d+" alt="[^"]+"[^>]*><\/picture><figcaption>[^<]+<span class="credit">[^<]+<\/span><\/figcaption><\/figure>/,
    );
  });

  it('serves the figure images', async () => {
    const src = /<figure><picture><source [^>]*><img src="([^"]+)"/.exec(html)?.[1] ?? '';
    const image = await t.app.inject(src);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
  });

  it('names the reporters and the responsible editor', () => {
    expect(repost.reporters.length).toBeGreaterThan(0);
    expect(text(html)).toContain(`(记者:${repost.reporters.join('、')})`);
    expect(repost.editorName).not.toBe('');
    expect(text(html)).toContain(`编辑:${repost.editorName}`);
  });

  it('links 上一篇 and 下一篇 within the channel', async () => {
    const { previous, next } = await findNeighbours(t.db, repost);
    expect(text(html)).toContain(`上一篇:${previous!.title}`);
    expect(text(html)).toContain(`下一篇:${next!.title}`);
    const prevHref = new RegExp(`<a href="([^"]+)" rel="prev">`).exec(html)?.[1];
    expect(prevHref).toMatch(new RegExp(`/news/world/\\d{4}/\\d{2}/\\d{2}/${previous!.id}\\.html$`));
  });

  it('lists 相关新闻: other published stories, computed from content', () => {
    const related = /<section class="related panel">(.*?)<\/section>/s.exec(html)?.[1] ?? '';
    expect(related).toContain('相关新闻');
    const links = [...related.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^\/[a-z/]+\/\d{4}\/\d{2}\/\d{2}\/\d+\.html$/);
    expect(links).not.toContain(repostUrl);
  });

  it('words the copyright block for reposted content, and for own content on own stories', async () => {
    const block = /<section class="copyright".*?<\/section>/s.exec(html)?.[0] ?? '';
    expect(text(block)).toContain('临湖网版权与免责声明');
    expect(block).toMatch(/<li class="applies">② [^<]*(转载|非临湖网)/);
    expect(text(block)).toContain('30日内');
    const ownPage = await t.app.inject(`/${(await loadChannelTree(t.db)).pathOf(own.channelId)}/`);
    const ownUrl = new RegExp(`href="([^"]+/${own.id}\\.html)"`).exec(ownPage.body)?.[1];
    const ownHtml = (await t.app.inject(ownUrl!)).body;
    expect(text(ownHtml)).toContain('来源:临湖网');
    expect(ownHtml).toMatch(/<li class="applies">① [^<]*来源:临湖网/);
  });

  it('shows the 新媒体 sidebar with titles cut short and the full title on hover', async () => {
    const items = await listBlockItems(t.db, 'newmedia');
    const long = items.find((item) => Array.from(item.title).length > 20)!;
    expect(long).toBeDefined();
    const aside = /<aside class="sidebar">(.*?)<\/aside>/s.exec(html)?.[1] ?? '';
    expect(aside).toContain('新媒体');
    expect(aside).toContain(`title="${long.title}"`);
    expect(aside).toContain(`>${Array.from(long.title).slice(0, 20).join('')}</span>`);
    expect(aside).not.toContain(`>${long.title}</span>`);
  });

  it('has 返回 leading back to the channel, and a canonical link', () => {
    expect(html).toMatch(/<a href="\/news\/world\/" class="back">返回<\/a>/);
    expect(html).toContain(`<link rel="canonical" href="${repostUrl}"/>`);
  });

  it('names the ICP number and the news licence once each in the footer', () => {
    const footer = html.slice(html.indexOf('<footer'));
    expect(footer).toMatch(/<p>ICP备案号:[^<:]+<\/p>/);
    expect(footer).toMatch(/<p>互联网新闻信息服务许可证:[^<:]+<\/p>/);
  });
});
