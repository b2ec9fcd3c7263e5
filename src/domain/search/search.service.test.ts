import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { makeArticle, makeChannels } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/create-db.ts';
import type { Article } from '../articles/article.ts';
import type { ArticleInput } from '../articles/article.service.ts';
import { searchIndexFor } from './search-index.ts';
import { RELEVANCE_CANDIDATES, searchArticles, syncArticleSearch, toIndexedDoc } from './search.service.ts';

const NOW = new Date('2025-06-01T00:00:00Z');

async function indexed(db: Db, channelId: number, input: Partial<ArticleInput>): Promise<Article> {
  const article = await makeArticle(db, channelId, input);
  await db.kysely.transaction().execute((trx) => syncArticleSearch(trx, db.dialect, article));
  return article;
}

async function titles(db: Db, q: string, extra: Record<string, unknown> = {}): Promise<string[]> {
  const results = await searchArticles(db, { q, now: NOW, ...extra });
  return results.items.map((i) => i.title);
}

async function seed(db: Db) {
  const { news, gov, world } = await makeChannels(db);
  const a = await indexed(db, world.id, {
    title: '俄乌代表团在伊斯坦布尔举行直接谈判',
    bodyHtml: '<p>新华社北京5月18日电 俄罗斯和乌克兰代表团16日在伊斯坦布尔举行直接谈判,双方同意交换战俘,但谈判未实现停火突破。</p><p>泽连斯基表示,乌方愿意停火。</p>',
    sourceName: '新华网',
  });
  const b = await indexed(db, world.id, {
    title: '泽连斯基会见欧洲领导人',
    bodyHtml: '<p>乌克兰总统泽连斯基当天在基辅会见到访的欧洲领导人。</p>',
    sourceName: '新华网',
  });
  const c = await indexed(db, gov.id, {
    title: '临湖市召开防汛工作会议',
    bodyHtml: '<p>会议要求各部门做好防汛准备,确保安全度汛。停车场暂停火灾演练。</p>',
    sourceName: '临湖日报',
  });
  const d = await indexed(db, news.id, {
    title: '市民热议 G20 峰会',
    bodyHtml: '<p>本届G20峰会在南非举行。</p>',
    status: 'draft',
    publishedAt: null,
  });
  return { news, gov, world, a, b, c, d };
}

describeEachDialect('search', (fresh) => {
  it('finds two-character words, names jieba splits, and quoted phrases', async () => {
    const db = await fresh();
    await seed(db);
    expect(await titles(db, '停火')).toContain('俄乌代表团在伊斯坦布尔举行直接谈判');
    expect(await titles(db, '谈判')).toEqual(['俄乌代表团在伊斯坦布尔举行直接谈判']);
    // 泽连斯基 in the title outranks a mention in the body.
    expect(await titles(db, '泽连斯基')).toEqual(['泽连斯基会见欧洲领导人', '俄乌代表团在伊斯坦布尔举行直接谈判']);
    expect(await titles(db, '"交换战俘"')).toEqual(['俄乌代表团在伊斯坦布尔举行直接谈判']);
    expect(await titles(db, '"战俘交换"')).toEqual([]);
    expect(await titles(db, '防汛 会议')).toEqual(['临湖市召开防汛工作会议']);
  });

  it('filters by channel, date and source, hides drafts unless asked, and sorts by time', async () => {
    const db = await fresh();
    const { gov, world, a, b } = await seed(db);
    expect(await titles(db, '泽连斯基', { channelIds: [gov.id] })).toEqual([]);
    expect(await titles(db, '泽连斯基', { channelIds: [world.id], sort: 'time' })).toEqual([b.title, a.title]);
    expect(await titles(db, '泽连斯基', { from: b.publishedAt })).toEqual([b.title]);
    expect(await titles(db, '泽连斯基', { to: a.publishedAt })).toEqual([a.title]);
    expect(await titles(db, '会议', { source: '新华网' })).toEqual([]);
    expect(await titles(db, 'g20')).toEqual([]);
    expect(await titles(db, 'G20', { includeUnpublished: true })).toEqual(['市民热议 G20 峰会']);
  });

  it('sorts by publish time, not by id, and follows a changed publish time', async () => {
    const db = await fresh();
    const { news, gov } = await makeChannels(db);
    const later = await indexed(db, news.id, { title: '防汛会议（后发）', bodyHtml: '<p>防汛</p>', publishedAt: '2025-05-20T08:00:00.000Z' });
    const earlier = await indexed(db, gov.id, { title: '防汛会议（先发）', bodyHtml: '<p>防汛</p>', publishedAt: '2025-05-10T08:00:00.000Z', sourceName: '临湖日报' });
    expect(await titles(db, '防汛', { sort: 'time' })).toEqual([later.title, earlier.title]);
    expect(await titles(db, '防汛', { sort: 'time', from: '2025-05-15' })).toEqual([later.title]);
    expect(await titles(db, '防汛', { sort: 'time', channelIds: [gov.id], source: '临湖日报' })).toEqual([earlier.title]);
    // Republished later: the entry moves, and no trace stays at its old place.
    await db.kysely.transaction().execute((trx) => syncArticleSearch(trx, db.dialect, { ...earlier, publishedAt: '2025-05-25T08:00:00.000Z' }));
    expect(await titles(db, '防汛', { sort: 'time' })).toEqual([earlier.title, later.title]);
    expect(await titles(db, '防汛', { sort: 'time', to: '2025-05-12' })).toEqual([]);
    const results = await searchArticles(db, { q: '防汛', sort: 'time', now: NOW });
    expect([results.total, results.totalIsLowerBound]).toEqual([2, false]);
  });

  it('finds an older story about the subject behind more than 500 newer passing mentions', async () => {
    const db = await fresh();
    const { news } = await makeChannels(db);
    const about = await makeArticle(db, news.id, { title: '淄博烧烤为何走红', bodyHtml: '<p>淄博烧烤的故事。</p>', publishedAt: '2023-04-15T08:00:00.000Z' });
    // Index entries only (no article rows needed): newer stories that mention it in passing.
    const mentions = Array.from({ length: RELEVANCE_CANDIDATES + 20 }, (_, i) =>
      toIndexedDoc({ ...about, id: about.id + 1 + i, title: `本地新闻 ${i}`, bodyHtml: '<p>市民周末出游，也有人去吃淄博烧烤。</p>', publishedAt: new Date(Date.parse('2024-01-01T00:00:00Z') + i * 60_000).toISOString() }),
    );
    await db.kysely.transaction().execute((trx) => searchIndexFor(db.dialect).upsertMany(trx, mentions));
    const results = await searchArticles(db, { q: '淄博烧烤', now: NOW });
    expect(results.items[0]?.title).toBe(about.title);
    expect(results.totalIsLowerBound).toBe(true);
  });

  it('finds a middling word or phrase narrowed by channel, 来源 and dates among 1,600 entries: newest first, exact totals', async () => {
    const db = await fresh();
    const { news, gov } = await makeChannels(db);
    const base = await makeArticle(db, news.id, { title: '城市建设', bodyHtml: '<p>城市建设。</p>', publishedAt: '2023-12-31T00:00:00.000Z' });
    // The word sits in every fourth of the oldest 600 entries only, so the newest entries hold
    // none of it (the case PostgreSQL's own plan read 20,000+ rows for); some hold the phrase's
    // bigrams apart (防控 … 控工 … 工作), which must not count as the phrase.
    const entries = Array.from({ length: 1600 }, (_, i) => ({
      ...base,
      id: base.id + 1 + i,
      title: `第${i}号通报`,
      channelId: i % 3 === 0 ? gov.id : news.id,
      sourceName: i % 5 === 0 ? '央视网' : '临湖日报',
      bodyHtml: i < 600 && i % 4 === 0 ? (i % 8 === 0 ? '<p>疫情防控工作会议召开。</p>' : '<p>疫情防控失控工作组。</p>') : '<p>城市建设。</p>',
      publishedAt: new Date(Date.parse('2024-01-01T00:00:00Z') + i * 3_600_000).toISOString(),
    }));
    await db.kysely.transaction().execute((trx) => searchIndexFor(db.dialect).upsertMany(trx, entries.map(toIndexedDoc)));
    const newestFirst = (keep: (e: (typeof entries)[number]) => boolean) => entries.filter(keep).reverse().map((e) => e.title);
    const word = (e: (typeof entries)[number]) => e.bodyHtml.includes('疫情');
    const phrase = (e: (typeof entries)[number]) => e.bodyHtml.includes('防控工作');

    const inGov = newestFirst((e) => word(e) && e.channelId === gov.id);
    const byTime = await searchArticles(db, { q: '疫情', sort: 'time', channelIds: [gov.id], page: 2, pageSize: 10, now: NOW });
    expect(byTime.items.map((i) => i.title)).toEqual(inGov.slice(10, 20));
    expect([byTime.total, byTime.totalIsLowerBound]).toEqual([inGov.length, false]);

    const fromCctv = newestFirst((e) => word(e) && e.sourceName === '央视网');
    const ranked = await searchArticles(db, { q: '疫情', source: '央视网', pageSize: 50, now: NOW });
    expect(ranked.items.map((i) => i.title).sort()).toEqual([...fromCctv].sort());
    expect(ranked.total).toBe(fromCctv.length);

    const from = entries[200]?.publishedAt ?? '';
    const exact = newestFirst((e) => phrase(e) && (e.publishedAt ?? '') >= from);
    const phraseByTime = await searchArticles(db, { q: '"防控工作"', sort: 'time', from, pageSize: 50, now: NOW });
    expect(phraseByTime.items.map((i) => i.title)).toEqual(exact);
    expect(phraseByTime.total).toBe(exact.length);
  });

  it('finds a model name written with or without a space (Mate60, Mate 60), and not a longer number', async () => {
    const db = await fresh();
    const { news } = await makeChannels(db);
    await indexed(db, news.id, { title: '华为Mate 60 Pro供应链：订单爆了', bodyHtml: '<p>华为Mate 60 Pro开售即售罄。</p>' });
    await indexed(db, news.id, { title: 'Mate60芯片悬疑', bodyHtml: '<p>华为新机的芯片从哪里来？</p>' });
    await indexed(db, news.id, { title: '华为Mate 600概念图流出', bodyHtml: '<p>华为的新概念机。</p>' });
    const results = await searchArticles(db, { q: '华为Mate60', now: NOW });
    expect(results.items.map((i) => i.title).sort()).toEqual(['Mate60芯片悬疑', '华为Mate 60 Pro供应链：订单爆了']);
    expect(results.items.find((i) => i.title.startsWith('华为'))?.safeTitle).toBe('<mark>华为Mate 60</mark> Pro供应链：订单爆了');
    expect(await titles(db, 'C919')).toEqual([]);
  });

  it('highlights by escaping first, then marking', async () => {
    const db = await fresh();
    const { gov } = await makeChannels(db);
    await indexed(db, gov.id, { title: '<script>停火</script> & 谈判', bodyHtml: '<p>关于停火的&lt;b&gt;消息&lt;/b&gt;</p>' });
    const [hit] = (await searchArticles(db, { q: '停火', now: NOW })).items;
    expect(hit?.safeTitle).toBe('&#60;script&#62;<mark>停火</mark>&#60;/script&#62; &#38; 谈判');
    expect(hit?.safeSnippet).toBe('关于<mark>停火</mark>的&#60;b&#62;消息&#60;/b&#62;');
  });

  it('answers hostile or silly input with a clean, empty or normal result', async () => {
    const db = await fresh();
    await seed(db);
    const bad = ['', '   ', '停火'.repeat(5000), '" * : ( ) NEAR AND OR NOT -', "'; drop table articles; --", '停火" OR 1=1 --', 'NEAR(停火 谈判)', '*', '"', '\u0000'];
    for (const q of bad) {
      const results = await searchArticles(db, { q, now: NOW });
      expect(results.page).toBe(1);
    }
    expect((await searchArticles(db, { q: '停火', page: 1e9, now: NOW })).items).toEqual([]);
    expect((await searchArticles(db, { q: '停火', page: 1e9, sort: 'time', now: NOW })).items).toEqual([]);
    expect((await titles(db, "停火'; --"))[0]).toBe('俄乌代表团在伊斯坦布尔举行直接谈判');
    expect(await db.kysely.selectFrom('articles').select('id').execute()).toHaveLength(4);
  });

  it('follows edits and unpublishing through syncArticleSearch', async () => {
    const db = await fresh();
    const { a } = await seed(db);
    const sync = (article: Article) => db.kysely.transaction().execute((trx) => syncArticleSearch(trx, db.dialect, article));
    await sync({ ...a, title: '伊斯坦布尔会谈结束', bodyHtml: '<p>会谈结束。</p>' });
    expect(await titles(db, '交换战俘')).toEqual([]);
    expect(await titles(db, '会谈')).toEqual(['伊斯坦布尔会谈结束']);
    await sync({ ...a, title: '伊斯坦布尔会谈结束', bodyHtml: '<p>会谈结束。</p>', status: 'unpublished' });
    expect(await titles(db, '会谈')).toEqual([]);
    expect(await titles(db, '会谈', { includeUnpublished: true })).toEqual(['伊斯坦布尔会谈结束']);
  });
});
