import type { Db } from '../../src/db/create-db.ts';
import type { ArticleInput } from '../../src/domain/articles/article.service.ts';
import { createArticle } from '../../src/domain/articles/article.service.ts';
import { createChannel } from '../../src/domain/channels/channel.service.ts';

/** A small portal: 新闻 with 国际新闻 under it, and 政务. */
export async function makeChannels(db: Db) {
  const news = await createChannel(db, { slug: 'news', name: '新闻', position: 1 });
  const gov = await createChannel(db, { slug: 'gov', name: '政务', position: 2 });
  const world = await createChannel(db, { slug: 'world', name: '国际新闻', parentId: news.id, position: 1 });
  return { news, gov, world };
}

let clock = Date.parse('2025-05-19T02:28:00Z');

/** A published article; each call is published one hour after the previous one. */
export async function makeArticle(db: Db, channelId: number, input: Partial<ArticleInput> = {}) {
  clock += 3_600_000;
  return createArticle(
    db,
    {
      channelId,
      title: `测试文章 ${clock}`,
      bodyHtml: '<p>第一段。</p><h2>小标题</h2><p>第二段。</p>',
      editorName: '王编辑',
      status: 'published',
      publishedAt: new Date(clock).toISOString(),
      ...input,
    },
    'test',
  );
}
