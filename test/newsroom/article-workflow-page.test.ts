import { parseHTML } from 'linkedom';
import { afterEach, expect, it } from 'vitest';
import { createDraft, publishArticle } from '../../src/domain/articles/article-workflow.service.ts';
import { actorFor, findUserByUsername } from '../../src/domain/users/user.service.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeArticle, makeChannels } from '../helpers/factories.ts';
import { makeUser, signIn } from '../helpers/newsroom.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

/** The messages the edit page shows after a refused step. */
function alerts(html: string): string {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('.error, [role=alert]')].map((e) => e.textContent?.trim()).join(' ');
}

describeEachDialect('workflow buttons on the edit page', (_fresh, dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function newsroom() {
    t = await buildTestApp(dialect);
    const { world } = await makeChannels(t.db);
    await makeUser(t.db, 'chief', 'chief');
    const chief = await actorFor(t.db, (await findUserByUsername(t.db, 'chief'))!, '127.0.0.1');
    const draft = (title: string) => createDraft(t!.db, chief, { channelId: world.id, title, bodyHtml: '<p>正文。</p>', editorName: '陈思远' });
    return { app: t.app, chief, draft };
  }

  it('never takes a published story offline by scheduling it', async () => {
    const { app, chief, draft } = await newsroom();
    const story = await draft('湖滨步道全线贯通');
    const live = await publishArticle(t!.db, chief, story.id);
    const page = await (await signIn(app, 'chief')).get(`/admin/articles/${story.id}`);
    expect(page.body).toContain('>发布</button>');
    expect(page.body).not.toContain('name="publishAt"');

    // A page opened before the story went live still has the schedule button: the server refuses.
    const client = await signIn(app, 'chief');
    const refused = await client.post(`/admin/articles/${story.id}/publish`, { mode: 'schedule', publishAt: '2099-01-01T08:00:00', version: String(live.version) });
    expect(refused.statusCode).toBe(409);
    expect(alerts(refused.body)).toContain('不能定时发布');
    expect((await app.inject(`/api/v1/articles/${live.id}`)).statusCode).toBe(200);
  });

  it('says in words what is wrong with a schedule time, and when the story moved on meanwhile', async () => {
    const { app, chief, draft } = await newsroom();
    const story = await draft('城区新开三条公交线');
    const client = await signIn(app, 'chief');
    // The schedule field says which clock it reads (a correspondent abroad has another one).
    expect((await client.get(`/admin/articles/${story.id}`)).body).toMatch(/aria-describedby="publishAt-zone"[^>]*>\s*<small class="hint" id="publishAt-zone">按网站时区 Asia\/Shanghai 填写<\/small>/);
    const empty = await client.post(`/admin/articles/${story.id}/publish`, { mode: 'schedule', publishAt: '' });
    expect(empty.statusCode).toBe(409);
    expect(alerts(empty.body)).toContain('请填写有效的定时发布时间');
    expect(empty.body).not.toContain('publishAt</');

    // A second tab still offers 退回 for a story that has been published meanwhile.
    const other = await draft('湖心岛灯塔修缮完工');
    await publishArticle(t!.db, chief, other.id);
    const again = await client.post(`/admin/articles/${other.id}/reject`, { comment: '请补充图片说明' });
    expect(again.statusCode).toBe(409);
    expect(alerts(again.body)).toContain('稿件状态已经变化');
    expect(again.body).not.toMatch(/cannot reject/);
  });

  it('shows the 头条/焦点图/置顶 flags only to those who curate the home page', async () => {
    const { app, draft } = await newsroom();
    const world = await t!.db.kysely.selectFrom('channels').select('id').where('slug', '=', 'world').executeTakeFirstOrThrow();
    await makeUser(t!.db, 'reporter', 'reporter', [world.id]);
    const story = await draft('城区新开三条公交线');
    const chiefPage = await (await signIn(app, 'chief')).get(`/admin/articles/${story.id}`);
    expect(chiefPage.body).toContain('id="isHeadline"');
    const reporterPage = await (await signIn(app, 'reporter')).get('/admin/articles/new');
    expect(reporterPage.statusCode).toBe(200);
    expect(reporterPage.body).not.toContain('id="isHeadline"');
  });

  it('tells on the dashboard and in the list when each scheduled story goes out, in the site time zone', async () => {
    const { app, chief, draft } = await newsroom();
    const story = await draft('湖心岛灯塔明日启用');
    await publishArticle(t!.db, chief, story.id, { at: '2099-05-19T02:28:00Z' });
    const client = await signIn(app, 'chief');
    const dashboard = parseHTML((await client.get('/admin')).body).document;
    const scheduled = [...dashboard.querySelectorAll('section.card')].find((s) => s.textContent?.includes('定时发布'));
    expect(scheduled?.querySelector('.status-scheduled')?.textContent).toBe('定时 2099-05-19 10:28');
    const list = (await client.get('/admin/articles?status=scheduled')).body;
    expect(list).toContain('定时 2099-05-19 10:28');
    // 撤稿 on a story not yet online cancels the schedule, and its warning says that rather than "readers get 404".
    const edit = (await client.get(`/admin/articles/${story.id}`)).body;
    expect(edit).toContain('撤稿会取消定时发布');
    expect(edit).not.toContain('读者将无法再打开这篇稿件');
  });

  it('sends a page number past the end of the article list to its last page', async () => {
    const { app, draft } = await newsroom();
    for (const title of ['甲', '乙', '丙']) await draft(`湖区快讯${title}`);
    const client = await signIn(app, 'chief');
    const past = await client.get('/admin/articles?status=draft&page=99');
    expect(past.statusCode).toBe(303);
    expect(past.headers.location).toBe('/admin/articles?status=draft&page=1');
    const last = await client.get(past.headers.location as string);
    expect(last.body).toContain('湖区快讯甲');
  });

  it('labels the author filter and names system-written stories in the list', async () => {
    const { app } = await newsroom();
    const world = await t!.db.kysely.selectFrom('channels').select('id').where('slug', '=', 'world').executeTakeFirstOrThrow();
    await makeArticle(t!.db, world.id, { title: '演示稿件' });
    const list = parseHTML((await (await signIn(app, 'chief')).get('/admin/articles')).body).document;
    expect(list.querySelector('#f-author option')?.textContent?.trim()).toBe('全部作者');
    const row = [...list.querySelectorAll('table.articles tbody tr')].find((tr) => tr.textContent?.includes('演示稿件'));
    expect(row?.querySelectorAll('td')[3]?.textContent?.trim()).toBe('(系统)');
  });
});
