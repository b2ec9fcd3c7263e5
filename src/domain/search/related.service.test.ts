import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { makeArticle, makeChannels } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/create-db.ts';
import { isPublished } from '../articles/article.ts';
import type { ArticleInput } from '../articles/article.service.ts';
import { listRelated, refreshRelated } from './related.service.ts';
import { syncArticleSearch } from './search.service.ts';

async function publish(db: Db, channelId: number, input: Partial<ArticleInput>) {
  const article = await makeArticle(db, channelId, input);
  await db.kysely.transaction().execute((trx) => syncArticleSearch(trx, db.dialect, article));
  await refreshRelated(db, article.id);
  return article;
}

describeEachDialect('related news', (fresh) => {
  it('stores content-related articles, refreshes them on unpublish, and falls back to the channel', async () => {
    const db = await fresh();
    const { gov, world } = await makeChannels(db);
    const talks1 = await publish(db, world.id, {
      title: '俄乌代表团在伊斯坦布尔举行直接谈判',
      bodyHtml: '<p>俄罗斯和乌克兰代表团在伊斯坦布尔举行直接谈判,双方讨论停火和交换战俘。</p>',
    });
    const flood = await publish(db, gov.id, { title: '临湖市召开防汛工作会议', bodyHtml: '<p>会议部署防汛抗旱工作,要求确保安全度汛。</p>' });
    const talks2 = await publish(db, gov.id, {
      title: '伊斯坦布尔谈判结束 停火仍无进展',
      bodyHtml: '<p>俄罗斯与乌克兰在伊斯坦布尔的谈判结束,停火问题仍无进展,双方同意交换战俘。</p>',
    });
    if (!isPublished(talks1) || !isPublished(talks2) || !isPublished(flood)) throw new Error('published expected');
    // talks2 was published after talks1, and talks1's list was refreshed to include it.
    expect((await listRelated(db, talks1)).map((a) => a.id)).toEqual([talks2.id]);
    expect((await listRelated(db, talks2)).map((a) => a.id)).toEqual([talks1.id]);

    // Unpublish talks2: it disappears from talks1's stored list; talks1 falls back to its channel.
    await db.kysely.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', talks2.id).execute();
    await db.kysely.transaction().execute((trx) => syncArticleSearch(trx, db.dialect, { ...talks2, status: 'unpublished' }));
    await refreshRelated(db, talks2.id);
    const stored = await db.kysely.selectFrom('related_articles').select('related_id').where('article_id', '=', talks1.id).execute();
    expect(stored).toEqual([]);
    expect((await listRelated(db, talks1)).map((a) => a.id)).toEqual([]);
    // flood has no content relation: the same-channel list (talks2 is gone, so nothing).
    expect((await listRelated(db, flood)).map((a) => a.id)).toEqual([]);
  });
});
