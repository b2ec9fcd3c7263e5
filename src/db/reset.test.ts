import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/helpers/databases.ts';
import { makeArticle, makeChannels } from '../../test/helpers/factories.ts';
import { makeUser } from '../../test/helpers/newsroom.ts';
import { searchArticles } from '../domain/search/search.service.ts';
import { deleteAllContent, isEmpty } from './reset.ts';

describeEachDialect('deleteAllContent', (fresh) => {
  it('empties every table, the search index included, and the schema still works', async () => {
    const db = await fresh();
    const { world } = await makeChannels(db);
    await makeUser(db, 'chief', 'chief', [world.id]);
    await makeArticle(db, world.id, { title: '停火谈判取得进展' });
    expect((await searchArticles(db, { q: '停火' })).total).toBe(1);
    await deleteAllContent(db);
    expect(await isEmpty(db)).toBe(true);
    for (const table of ['articles', 'users', 'revisions', 'audit_log', 'search_docs'] as const) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.id(table)}`.execute(db.kysely);
      expect(Number(rows[0]?.n), table).toBe(0);
    }
    expect((await searchArticles(db, { q: '停火' })).total).toBe(0);
    // Writing again works (constraints and sequences are intact).
    const again = await makeChannels(db);
    await makeArticle(db, again.world.id, { title: '停火' });
    expect((await searchArticles(db, { q: '停火' })).total).toBe(1);
  });
});
