import { afterEach, expect, it } from 'vitest';
import { createDraft } from '../../src/domain/articles/article-workflow.service.ts';
import { actorFor } from '../../src/domain/users/user.service.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeArticle, makeChannels } from '../helpers/factories.ts';
import { makeUser, signIn } from '../helpers/newsroom.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

describeEachDialect('newsroom search', (_fresh, dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('finds drafts by words in the body, only those the person may see', async () => {
    t = await buildTestApp(dialect);
    const { db, app } = t;
    const { world, gov } = await makeChannels(db);
    const reporter = await makeUser(db, 'reporter', 'reporter', [world.id]);
    const other = await makeUser(db, 'other', 'reporter', [world.id]);
    await makeUser(db, 'editor', 'editor', [world.id]);
    await createDraft(db, await actorFor(db, reporter, ''), { channelId: world.id, title: '草稿一', bodyHtml: '<p>湖滨湿地公园今年完成停火带修复</p>' });
    await createDraft(db, await actorFor(db, other, ''), { channelId: world.id, title: '草稿二', bodyHtml: '<p>另一位记者写的停火新闻</p>' });
    await makeArticle(db, gov.id, { title: '政务稿', bodyHtml: '<p>政务频道的停火通报</p>' });

    const mine = await (await signIn(app, 'reporter')).get('/admin/articles?q=%E5%81%9C%E7%81%AB');
    expect(mine.body).toContain('草稿一');
    expect(mine.body).not.toContain('草稿二');
    expect(mine.body).not.toContain('政务稿');

    const editor = await (await signIn(app, 'editor')).get('/admin/articles?q=%E5%81%9C%E7%81%AB');
    expect(editor.body).toContain('草稿一');
    expect(editor.body).toContain('草稿二');
    expect(editor.body).not.toContain('政务稿');
  });
});
