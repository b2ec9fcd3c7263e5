import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { makeArticle, makeChannels } from '../../../test/helpers/factories.ts';
import type { FeedItem } from './feed-parser.ts';
import { enqueueFeedItems } from './ingest-queue.service.ts';

const item = (n: number, url = `https://wire.example.cn/${n}.html`): FeedItem => ({
  guid: `wire-${n}`,
  url,
  title: `电讯稿 ${n}`,
  summary: `<p>摘要 ${n}</p>`,
  contentHtml: `<p>正文 ${n}</p><script>alert(1)</script>`,
  authors: ['栾海'],
  publishedAt: '2025-05-18T22:10:00+08:00',
  language: 'zh-CN',
});

describeEachDialect('ingest queue', (fresh) => {
  it('queues new items once per GUID, sanitised, and marks those that duplicate an article', async () => {
    const db = await fresh();
    const { world } = await makeChannels(db);
    const existing = await makeArticle(db, world.id, { sourceUrl: 'https://wire.example.cn/3.html' });
    expect(await enqueueFeedItems(db, 'xinhua', [item(1), item(2), item(3)])).toEqual({ added: 2, known: 0, duplicates: 1 });
    expect(await enqueueFeedItems(db, 'xinhua', [item(1), item(4)])).toEqual({ added: 1, known: 1, duplicates: 0 });
    // The same GUID from another provider is another item.
    expect((await enqueueFeedItems(db, 'cns', [item(1)])).added).toBe(1);
    const rows = await db.kysely.selectFrom('ingest_items').select(['provider', 'guid', 'status', 'article_id', 'body_html', 'published_at']).orderBy('id').execute();
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ provider: 'xinhua', guid: 'wire-1', status: 'new', article_id: null, body_html: '<p>正文 1</p>', published_at: '2025-05-18T14:10:00.000Z' });
    expect(rows[2]).toMatchObject({ guid: 'wire-3', status: 'skipped', article_id: existing.id });
  });
});
