import { afterAll, beforeAll, expect, it } from 'vitest';
import { reindexSearch } from '../../src/domain/search/reindex.service.ts';
import { loadSiteContext } from '../../src/http/site-context.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

// One demo portal per dialect, indexed once (the newsroom's writes will call syncArticleSearch).
describeEachDialect('search pages', (_fresh, dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { demo: true });
    await reindexSearch(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('puts a labelled GET search box in every page header', async () => {
    const res = await t.app.inject('/');
    expect(res.body).toContain('<form class="site-search" action="/search" method="get" role="search">');
    expect(res.body).toMatch(/<label for="site-search-q"[^>]*>搜索本站新闻<\/label>/);
  });

  it('shows ranked, highlighted results that link to the articles', async () => {
    const res = await t.app.inject(`/search?q=${encodeURIComponent('候鸟')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('“候鸟”的搜索结果');
    // A breadcrumb back home, as on every other page.
    expect(res.body).toMatch(/<nav class="breadcrumb" aria-label="当前位置"><a href="\/">首页<\/a><span class="sep"> >> <\/span><span aria-current="page">搜索<\/span><\/nav>/);
    expect(res.body).toContain('<mark>候鸟</mark>');
    const link = res.body.match(/<ol class="search-results">\s*<li>\s*<h2>\s*<a href="([^"]+)"/)?.[1];
    expect(link).toMatch(/^\/.+\/\d{4}\/\d{2}\/\d{2}\/\d+\.html$/);
    expect((await t.app.inject(link ?? '/')).statusCode).toBe(200);
  });

  it('answers the empty query, hostile input and absurd pages with a clean page', async () => {
    const inputs = ['', '候鸟'.repeat(5000), '" * : ( ) NEAR AND OR NOT -', "' OR 1=1; drop table articles; --", '<script>alert(1)</script>'];
    for (const q of inputs) {
      const res = await t.app.inject(`/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      // Inside a quoted attribute (the search box's value) "<" is harmless; anywhere else it would not be.
      expect(res.body.replace(/value="[^"]*"/g, '')).not.toContain('<script>alert(1)');
    }
    for (const query of ['q=候鸟&page=1000000000', 'q=候鸟&page=-1', 'q=候鸟&page=abc', 'q[]=x&page[]=2', 'q=候鸟&from=zzz&to=2025-13-45&channel=99999&sort=x']) {
      expect((await t.app.inject(`/search?${encodeURI(query)}`)).statusCode).toBe(200);
    }
    expect((await t.app.inject('/search?q=候鸟&page=1000000000'.replace('候鸟', encodeURIComponent('候鸟')))).body).toContain('这一页没有结果了');
    expect((await t.app.inject('/search')).body).toContain('请输入要搜索的词语');
  });

  it('serves the same search as JSON at /api/v1/search', async () => {
    const res = await t.app.inject(`/api/v1/search?q=${encodeURIComponent('候鸟')}&pageSize=5`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; pageSize: number; items: { url: string; titleHtml: string; snippetHtml: string }[] };
    expect(body.total).toBeGreaterThan(0);
    expect(body.pageSize).toBe(5);
    expect(body.items[0]?.url).toMatch(/\.html$/);
    const bad = await t.app.inject(`/api/v1/search?q=${encodeURIComponent('"NEAR( -')}&page=1000000000`);
    expect(bad.statusCode).toBe(200);
    expect((bad.json() as { items: unknown[] }).items).toEqual([]);
  });

  it('shows the stored related news on the article page', async () => {
    const row = await t.db.kysely.selectFrom('related_articles').select(['article_id', 'related_id']).where('position', '=', 0).executeTakeFirstOrThrow();
    const related = await t.db.kysely.selectFrom('articles').select('title').where('id', '=', row.related_id).executeTakeFirstOrThrow();
    const article = await t.db.kysely.selectFrom('articles').select(['id', 'channel_id', 'published_at']).where('id', '=', row.article_id).executeTakeFirstOrThrow();
    const context = await loadSiteContext(t.db);
    const url = context.urls.article({ id: article.id, channelId: article.channel_id, publishedAt: article.published_at ?? '' });
    const page = await t.app.inject(url);
    expect(page.statusCode).toBe(200);
    expect(page.body.slice(page.body.indexOf('相关新闻'))).toContain(related.title.replace(/&/g, '&amp;'));
  });
});
