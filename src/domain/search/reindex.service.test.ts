import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { makeArticle, makeChannels } from '../../../test/helpers/factories.ts';
import { reindexSearch, searchIndexIsMissing } from './reindex.service.ts';
import { searchArticles } from './search.service.ts';

describeEachDialect('search index after an upgrade', (fresh) => {
  it('notices an emptied index, and reindex brings search back', async () => {
    const db = await fresh();
    expect(await searchIndexIsMissing(db)).toBe(false);
    const { world } = await makeChannels(db);
    await makeArticle(db, world.id, { title: '临湖大桥通车' });
    expect(await searchIndexIsMissing(db)).toBe(false);

    // What a migration that rebuilds the index tables leaves behind.
    await db.kysely.deleteFrom('search_docs').execute();
    expect(await searchIndexIsMissing(db)).toBe(true);

    await reindexSearch(db, { related: false });
    expect(await searchIndexIsMissing(db)).toBe(false);
    expect((await searchArticles(db, { q: '大桥' })).items.map((hit) => hit.title)).toEqual(['临湖大桥通车']);
  });
});
