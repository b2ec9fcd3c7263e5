import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from './helpers/databases.ts';
import { makeArticle, makeChannels } from './helpers/factories.ts';
import { type TestApp, buildTestApp } from './helpers/test-app.ts';

/** Titles of the channel's own list, in page order (not the sidebar's). */
function listedTitles(html: string): string[] {
  const start = html.indexOf('<ul class="link-list channel-list">');
  expect(start).toBeGreaterThan(-1);
  const list = html.slice(start, html.indexOf('</ul>', start));
  return [...list.matchAll(/<a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1] ?? '');
}

/** The href of the pager's 下一页 link, entities decoded, or undefined on the last page. */
function nextLink(html: string): string | undefined {
  const href = /<a href="([^"]+)" rel="next">/.exec(html)?.[1];
  return href?.replace(/&amp;/g, '&');
}

function canonical(html: string): string | undefined {
  return /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
}

describeEachDialect('deep pages of a parent channel', (_fresh, dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** 45 stories in 新闻 and its sub-channel 国际, two 置顶, two published at the same second. */
  async function portal() {
    t = await buildTestApp(dialect);
    const { db } = t;
    const { news, world, gov } = await makeChannels(db);
    const made: { title: string; isTop: boolean; publishedAt: string; id: number }[] = [];
    for (let i = 1; i <= 45; i++) {
      const publishedAt = new Date(Date.UTC(2025, 0, 1, i === 31 ? 30 : i)).toISOString();
      const a = await makeArticle(db, i % 3 ? world.id : news.id, { title: `深页${String(i).padStart(2, '0')}`, isTop: i === 7 || i === 40, publishedAt });
      made.push({ title: a.title, isTop: a.isTop, publishedAt: a.publishedAt!, id: a.id });
    }
    await makeArticle(db, gov.id, { title: '别的频道' });
    const order = [...made]
      .sort((a, b) => Number(b.isTop) - Number(a.isTop) || (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : b.id - a.id))
      .map((a) => a.title);
    return { app: t.app, db, world, order };
  }

  it('older-stories links walk the whole merged list once, in order, like the numbered pages', async () => {
    const { app, order } = await portal();
    const walked: string[] = [];
    let url: string | undefined = '/news/';
    let pages = 0;
    while (url) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      if (pages > 0) {
        expect(url).toMatch(/^\/news\/\?before=\d{4}-\d{2}-\d{2}T[\d:.]+Z,\d+(,top)?$/);
        expect(canonical(res.body)).toBe(url);
        // Position unknown: first and last page links, no page numbers.
        expect(res.body).toContain('href="/news/"');
        expect(res.body).toContain('href="/news/?page=3"');
        expect(res.body).not.toContain('<span class="current"');
      }
      walked.push(...listedTitles(res.body));
      url = nextLink(res.body);
      pages++;
    }
    expect(pages).toBe(3);
    expect(walked).toEqual(order);

    const numbered: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await app.inject(page === 1 ? '/news/' : `/news/?page=${page}`);
      expect(canonical(res.body)).toBe(page === 1 ? '/news/' : `/news/?page=${page}`);
      expect(res.body).toContain('第 ' + page + ' / 3 页');
      numbered.push(...listedTitles(res.body));
    }
    expect(numbered).toEqual(order);
    expect((await app.inject('/news/?page=4')).statusCode).toBe(404);
  });

  it('a deep numbered page shows the right stories and links to the older ones after them', async () => {
    const { app, order } = await portal();
    const third = await app.inject('/news/?page=2');
    expect(listedTitles(third.body)).toEqual(order.slice(20, 40));
    const older = await app.inject(nextLink(third.body)!);
    expect(listedTitles(older.body)).toEqual(order.slice(40));
    expect(nextLink(older.body)).toBeUndefined();
  });

  it('sends malformed positions back to page 1 and a position past the end to the 404 page', async () => {
    const { app } = await portal();
    for (const bad of ['abc', '2025-01-01,5', '2025-01-01T00:00:00Z,5', '2025-13-01T00:00:00.000Z,5', '2025-01-01T00:00:00.000Z,0', "2025-01-01T00:00:00.000Z,5'--"]) {
      const res = await app.inject(`/news/?before=${encodeURIComponent(bad)}`);
      expect(res.statusCode, bad).toBe(302);
      expect(res.headers.location).toBe('/news/');
    }
    expect((await app.inject('/news/?before=2000-01-01T00:00:00.000Z,1')).statusCode).toBe(404);
  });

  it('the page count follows a newly published story at once', async () => {
    const { app, db, world } = await portal();
    expect((await app.inject('/news/')).body).toContain('第 1 / 3 页');
    for (let i = 0; i < 16; i++) await makeArticle(db, world.id, { title: `新稿${i}` });
    const first = await app.inject('/news/');
    expect(first.body).toContain('第 1 / 4 页');
    expect(listedTitles(first.body)[2]).toBe('新稿15');
  });
});
