import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { makeArticle, makeChannels } from '../../../test/helpers/factories.ts';
import { EditConflictError, findArticleRow, saveArticle } from '../articles/article-workflow.service.ts';
import { fieldsOf } from '../articles/revision.service.ts';
import { toArticle } from '../articles/article.ts';
import { systemActor } from '../users/actor.ts';
import { setArticleFlag } from './block.service.ts';

describeEachDialect('curated article flags', (fresh) => {
  it('an editor form opened before the headline was set cannot save the old flag back', async () => {
    const db = await fresh();
    const { world } = await makeChannels(db);
    const story = await makeArticle(db, world.id, { title: '城区新开三条公交线' });
    const opened = toArticle((await findArticleRow(db, story.id))!);

    await setArticleFlag(db, systemActor(), story.id, 'is_headline', true);

    // The form still says "not headline": saving it is a conflict, and the headline stays.
    await expect(saveArticle(db, systemActor(), story.id, opened.version, { ...fieldsOf(opened), title: '改过的标题' })).rejects.toThrow(EditConflictError);
    const now = (await findArticleRow(db, story.id))!;
    expect(now.is_headline).toBe(1);
    expect(now.title).toBe('城区新开三条公交线');

    // Reloaded, the editor sees the flag and keeps it when saving.
    const reloaded = toArticle(now);
    expect(reloaded.isHeadline).toBe(true);
    await saveArticle(db, systemActor(), story.id, reloaded.version, { ...fieldsOf(reloaded), title: '改过的标题' });
    expect((await findArticleRow(db, story.id))!.is_headline).toBe(1);
  });
});
