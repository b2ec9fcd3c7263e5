import { parseHTML } from 'linkedom';
import { afterEach, expect, it } from 'vitest';
import { createDraft, publishArticle } from '../../src/domain/articles/article-workflow.service.ts';
import { actorFor, findUserByUsername } from '../../src/domain/users/user.service.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeChannels } from '../helpers/factories.ts';
import { makeUser, signIn } from '../helpers/newsroom.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

/** Rows of the audit table as [action, target, target link]. */
function rows(html: string): string[][] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('.audit-table tbody tr')].map((tr) => {
    const cells = tr.querySelectorAll('td');
    return [cells[2]?.textContent?.trim() ?? '', cells[3]?.textContent?.trim() ?? '', cells[3]?.querySelector('a')?.getAttribute('href') ?? ''];
  });
}

describeEachDialect('the audit log page', (_fresh, dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('says what happened in words and links each article to its page', async () => {
    t = await buildTestApp(dialect);
    const { world } = await makeChannels(t.db);
    await makeUser(t.db, 'chief', 'chief');
    const chief = await actorFor(t.db, (await findUserByUsername(t.db, 'chief'))!, '127.0.0.1');
    const story = await createDraft(t.db, chief, { channelId: world.id, title: '湖滨步道全线贯通', bodyHtml: '<p>正文。</p>', editorName: '陈思远' });
    await publishArticle(t.db, chief, story.id);
    const client = await signIn(t.app, 'chief');

    const page = await client.get('/admin/audit');
    expect(rows(page.body).slice(0, 3)).toEqual([
      ['登录', `账号 ${chief.userId}`, `/admin/users/${chief.userId}`],
      ['发布', `稿件 ${story.id}`, `/admin/articles/${story.id}`],
      ['创建稿件', `稿件 ${story.id}`, `/admin/articles/${story.id}`],
    ]);
    expect(page.body).toContain('<option value="article.publish">发布 (article.publish)</option>');

    const english = await t.app.inject({ url: '/admin/audit?action=article.publish', cookies: { inkstone_session: client.cookie, inkstone_lang: 'en' } });
    expect(rows(english.body)).toEqual([['Published', `Article ${story.id}`, `/admin/articles/${story.id}`]]);
  });
});
