import { parseHTML } from 'linkedom';
import { afterEach, expect, it } from 'vitest';
import { createDraft, publishArticle, rejectArticle, saveArticle, submitArticle } from '../../src/domain/articles/article-workflow.service.ts';
import { actorFor, findUserByUsername } from '../../src/domain/users/user.service.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeChannels } from '../helpers/factories.ts';
import { makeUser, signIn } from '../helpers/newsroom.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

/** The cells of one column of the revisions table, top (newest) to bottom. */
function column(html: string, index: number): string[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('table.revisions tbody tr')].map((tr) => tr.querySelectorAll('td')[index]?.textContent?.trim() ?? '');
}

describeEachDialect('the revisions page', (_fresh, dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** A story written, autosaved, sent back, fixed, resubmitted and scheduled by the chief editor. */
  async function storyWithHistory() {
    t = await buildTestApp(dialect);
    const { world } = await makeChannels(t.db);
    await makeUser(t.db, 'reporter', 'reporter', [world.id]);
    await makeUser(t.db, 'editor', 'editor', [world.id]);
    await makeUser(t.db, 'chief', 'chief');
    const as = async (username: string) => actorFor(t!.db, (await findUserByUsername(t!.db, username))!, '127.0.0.1');
    const reporter = await as('reporter');
    const fields = { channelId: world.id, title: '湖滨步道全线贯通', bodyHtml: '<p>步道今日贯通。</p>', editorName: '' };
    let story = await createDraft(t.db, reporter, fields);
    story = await saveArticle(t.db, reporter, story.id, story.version, { ...fields, summary: '全长12公里' }, { autosave: true });
    await submitArticle(t.db, reporter, story.id);
    story = await rejectArticle(t.db, await as('editor'), story.id, '请补充责任编辑');
    story = await saveArticle(t.db, reporter, story.id, story.version, { ...fields, title: '湖滨步道全线贯通 市民可环湖漫步', editorName: '陈思远' });
    await submitArticle(t.db, reporter, story.id);
    await publishArticle(t.db, await as('chief'), story.id, { at: new Date(Date.now() + 3_600_000).toISOString() });
    return { app: t.app, id: story.id };
  }

  it('names each step in words, not as the code that wrote it', async () => {
    const { app, id } = await storyWithHistory();
    const editor = await signIn(app, 'editor');
    const page = await editor.get(`/admin/articles/${id}/revisions`);
    expect(page.statusCode).toBe(200);
    expect(column(page.body, 3)).toEqual(['定时发布', '提交审核', '保存', '退回', '提交审核', '自动保存', '创建']);
    expect(page.body).not.toMatch(/article\.(publish|submit|reject)|>\s*(autosave|created)\s*</);

    const english = await app.inject({ url: `/admin/articles/${id}/revisions`, cookies: { inkstone_session: editor.cookie, inkstone_lang: 'en' } });
    expect(column(english.body, 3)).toEqual(['Scheduled', 'Submitted for review', 'Saved', 'Sent back', 'Submitted for review', 'Autosaved', 'Created']);
    // English punctuation in English: a space after the colon, around the role's brackets.
    expect(english.body).toContain('<h1>Revisions: 湖滨步道全线贯通 市民可环湖漫步</h1>');
    expect(english.body).toContain('Signed in as editor的真名 (Editor)');
    expect(page.body).toContain('<h1>历史版本:湖滨步道全线贯通 市民可环湖漫步</h1>');
    expect(page.body).toContain('当前用户:editor的真名(编辑)');
  });

  it('labels the changed fields of a comparison as the form does', async () => {
    const { app, id } = await storyWithHistory();
    const editor = await signIn(app, 'editor');
    const list = await editor.get(`/admin/articles/${id}/revisions`);
    const first = [...list.body.matchAll(/revisions\?compare=(\d+)"/g)].at(-1)?.[1];
    const compared = await editor.get(`/admin/articles/${id}/revisions?compare=${first}`);
    const { document } = parseHTML(compared.body);
    const names = [...document.querySelectorAll('.diff dt')].map((dt) => dt.textContent);
    expect(names).toEqual(['标题', '责任编辑(真实姓名)']);
  });

  it('names a restore after the version it brought back', async () => {
    const { app, id } = await storyWithHistory();
    const editor = await signIn(app, 'editor');
    const list = await editor.get(`/admin/articles/${id}/revisions`);
    const oldest = [...list.body.matchAll(/action="(\/admin\/articles\/\d+\/revisions\/\d+\/restore)"/g)].at(-1)?.[1];
    const version = /name="version" value="(\d+)"/.exec(list.body)?.[1] ?? '';
    expect((await editor.post(oldest!, { version })).statusCode).toBe(303);
    expect(column((await editor.get(`/admin/articles/${id}/revisions`)).body, 3)[0]).toBe('恢复为版本 1');
  });

  it('shows the reporter why a story came back, on the dashboard', async () => {
    t = await buildTestApp(dialect);
    const { world } = await makeChannels(t.db);
    await makeUser(t.db, 'reporter', 'reporter', [world.id]);
    await makeUser(t.db, 'editor', 'editor', [world.id]);
    const as = async (username: string) => actorFor(t!.db, (await findUserByUsername(t!.db, username))!, '127.0.0.1');
    const reporter = await as('reporter');
    const story = await createDraft(t.db, reporter, { channelId: world.id, title: '湖滨步道全线贯通', bodyHtml: '<p>步道今日贯通。</p>', editorName: '' });
    await submitArticle(t.db, reporter, story.id);
    await rejectArticle(t.db, await as('editor'), story.id, '请补充责任编辑和步道长度');
    const dashboard = parseHTML((await (await signIn(t.app, 'reporter')).get('/admin')).body).document;
    const section = [...dashboard.querySelectorAll('section.card')].find((s) => s.textContent?.includes('被退回的稿件'));
    expect(section?.querySelector('.row-comment')?.textContent?.trim()).toBe('退回意见:请补充责任编辑和步道长度');
  });
});
