import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { makeArticle, makeChannels } from '../../../test/helpers/factories.ts';
import { findNeighbours, findPublishedArticle, listGroupsPublished, listPublished } from './article.queries.ts';

describeEachDialect('published lists', (fresh) => {
  it('merges channels in order, pinned first, page by page, exactly like one sorted list', async () => {
    const db = await fresh();
    const { news, gov, world } = await makeChannels(db);
    const channels = [news.id, gov.id, world.id];
    const made = [];
    for (let i = 0; i < 23; i++) {
      made.push(await makeArticle(db, channels[(i * 7) % 3]!, { title: `第${i}篇`, isTop: i % 5 === 0, publishedAt: new Date(Date.UTC(2025, 0, 1 + (i % 9), i)).toISOString() }));
    }
    const expected = [...made]
      .sort((a, b) => Number(b.isTop) - Number(a.isTop) || (b.publishedAt! < a.publishedAt! ? -1 : b.publishedAt! > a.publishedAt! ? 1 : b.id - a.id))
      .map((a) => a.title);
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const result = await listPublished(db, { channelIds: channels, page, pageSize: 10 });
      expect(result.total).toBe(23);
      expect(result.pageCount).toBe(3);
      seen.push(...result.items.map((a) => a.title));
    }
    expect(seen).toEqual(expected);
    const latest = await listPublished(db, { pageSize: 5, withTotal: false, pinnedFirst: false });
    expect(latest.items.map((a) => a.title)).toEqual(
      [...made].sort((a, b) => (b.publishedAt! < a.publishedAt! ? -1 : b.publishedAt! > a.publishedAt! ? 1 : b.id - a.id)).slice(0, 5).map((a) => a.title),
    );
  });

  it('finds 上一篇 and 下一篇 in the same channel, by time and then id for stories of the same second', async () => {
    const db = await fresh();
    const { news, gov } = await makeChannels(db);
    const at = '2025-03-01T08:00:00.000Z';
    const older = await makeArticle(db, news.id, { title: '更早', publishedAt: '2025-02-28T08:00:00.000Z' });
    const first = await makeArticle(db, news.id, { title: '同秒一', publishedAt: at });
    await makeArticle(db, gov.id, { title: '别的频道', publishedAt: at });
    const second = await makeArticle(db, news.id, { title: '同秒二', publishedAt: at });
    const newer = await makeArticle(db, news.id, { title: '更晚', publishedAt: '2025-03-02T08:00:00.000Z' });
    const around = async (id: number) => {
      const { previous, next } = await findNeighbours(db, (await findPublishedArticle(db, id))!);
      return [previous?.title, next?.title];
    };
    expect(await around(first.id)).toEqual(['更早', '同秒二']);
    expect(await around(second.id)).toEqual(['同秒一', '更晚']);
    expect(await around(older.id)).toEqual([undefined, '同秒一']);
    expect(await around(newer.id)).toEqual(['同秒二', undefined]);
  });

  it('reads several blocks at once exactly as each block alone', async () => {
    const db = await fresh();
    const { news, gov, world } = await makeChannels(db);
    for (let i = 0; i < 30; i++) {
      await makeArticle(db, [news.id, gov.id, world.id][i % 3]!, { title: `块${i}`, isTop: i === 4, publishedAt: new Date(Date.UTC(2025, 0, 1 + (i % 7), i)).toISOString() });
    }
    const groups = [
      { channelIds: [news.id, world.id], limit: 6 },
      { channelIds: [gov.id], limit: 4 },
      { channelIds: [world.id], limit: 50 },
    ];
    const together = await listGroupsPublished(db, groups);
    const alone = await Promise.all(groups.map(async (g) => (await listPublished(db, { channelIds: g.channelIds, pageSize: g.limit, withTotal: false })).items));
    expect(together.map((items) => items.map((a) => a.title))).toEqual(alone.map((items) => items.map((a) => a.title)));
    expect(together.map((items) => items.length)).toEqual([6, 4, 10]);
  });
});
