import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPublishScheduler } from '../../src/domain/articles/publish-scheduler.ts';
import { loadChannelTree } from '../../src/domain/channels/channel.service.ts';
import { storeImage } from '../../src/domain/media/media.service.ts';
import { describeWithBrowser, launchBrowser, type LaunchedBrowser } from '../helpers/browser.ts';
import { sharedPath } from '../helpers/shared.ts';
import { makeChannels } from '../helpers/factories.ts';
import { TEST_PASSWORD, makeUser } from '../helpers/newsroom.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

/**
 * The newsroom as people use it, in Chromium: a reporter writes and submits, an editor sends it
 * back, the reporter fixes it, the chief editor schedules it, it goes online on time, an editor
 * changes it while it stays online, two editors collide, and a wire page pasted into the import
 * page becomes an attributed draft.
 */
describeWithBrowser('newsroom journeys', () => {
  let server: TestApp;
  let browser: LaunchedBrowser;
  let base: string;
  let scheduler: ReturnType<typeof startPublishScheduler>;
  const people: LaunchedBrowser[] = [];

  beforeAll(async () => {
    server = await buildTestApp('sqlite');
    const { world } = await makeChannels(server.db);
    await makeUser(server.db, 'reporter', 'reporter', [world.id]);
    await makeUser(server.db, 'editor', 'editor', [world.id]);
    await makeUser(server.db, 'editor2', 'editor', [world.id]);
    await makeUser(server.db, 'chief', 'chief');
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2f6f9f' } }).jpeg().toBuffer();
    await storeImage(server.db, server.dataDir, photo, { caption: '湖面晨景', credit: '本网记者 王摄', alt: '清晨的湖面' });
    scheduler = startPublishScheduler(server.db, { intervalMs: 300 });
    base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
    browser = await launchBrowser();
    await mkdir('test-results', { recursive: true });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await Promise.all(people.map((p) => p.close()));
    await browser?.close();
    await server?.close();
  });

  /** Each person gets a browser of their own (own profile, own cookies). */
  async function signedIn(username: string): Promise<Page> {
    const person = await launchBrowser();
    people.push(person);
    const page = await person.context.newPage();
    await page.goto(`${base}/admin/login`);
    await page.fill('#username', username);
    await page.fill('#password', TEST_PASSWORD);
    await page.click('.login-card button[type=submit]');
    await page.waitForURL(`${base}/admin`);
    return page;
  }

  async function noticeText(page: Page): Promise<string> {
    return (await page.locator('.notice, .error').first().innerText()).trim();
  }

  let articleUrl = '';

  it('a reporter writes a story with a figure and submits it', async () => {
    const page = await signedIn('reporter');
    await page.goto(`${base}/admin/articles/new`);
    await page.fill('#title', '湖滨步道全线贯通');
    const editor = page.locator('#body-html-editor');
    await editor.click();
    await page.keyboard.type('记者从市住建局获悉,湖滨步道今日全线贯通。');
    await page.getByRole('button', { name: '插入图片' }).click();
    await page.locator('.media-dialog__item').first().click();
    await page.locator('.media-dialog__insert').click();
    await page.fill('#dateline', '本网讯');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.waitForURL(/\/admin\/articles\/\d+\?done=created$/);
    articleUrl = page.url().replace(/\?.*$/, '');
    expect(await noticeText(page)).toBe('稿件已创建。');
    expect(await page.locator('#body-html').inputValue()).toMatch(/<figure><img src="\/media\/[^"]+" alt="清晨的湖面"[^>]*><figcaption>湖面晨景 <span class="credit">本网记者 王摄<\/span><\/figcaption><\/figure>/);
    await page.getByRole('button', { name: '提交审核' }).click();
    expect(await noticeText(page)).toBe('已提交审核。');
    // The reporter may not publish: there is no button for it.
    expect(await page.getByRole('button', { name: '发布', exact: true }).count()).toBe(0);
    await page.screenshot({ path: 'test-results/newsroom-reporter.png', fullPage: true });
  });

  it('an editor sends it back with a comment; the reporter fixes and resubmits', async () => {
    const editor = await signedIn('editor');
    expect(await editor.locator('section.card', { hasText: '待审稿件' }).innerText()).toContain('湖滨步道全线贯通');
    await editor.goto(articleUrl);
    await editor.fill('#comment', '请补充责任编辑和步道长度');
    await editor.getByRole('button', { name: '退回' }).click();
    expect(await noticeText(editor)).toBe('已退回给作者。');

    const reporter = await signedIn('reporter');
    expect(await reporter.locator('section.card', { hasText: '被退回的稿件' }).innerText()).toContain('湖滨步道全线贯通');
    await reporter.goto(articleUrl);
    expect(await reporter.locator('.review-comment').innerText()).toContain('请补充责任编辑和步道长度');
    await reporter.locator('#body-html-editor').click();
    await reporter.keyboard.press('End');
    await reporter.keyboard.type('步道全长12.6公里。');
    await reporter.fill('#editorName', '陈思远');
    await reporter.getByRole('button', { name: '保存', exact: true }).click();
    expect(await noticeText(reporter)).toBe('已保存。');
    await reporter.getByRole('button', { name: '提交审核' }).click();
    expect(await noticeText(reporter)).toBe('已提交审核。');
  });

  it('the chief editor schedules it and it appears on the public site at that time', async () => {
    const chief = await signedIn('chief');
    await chief.goto(articleUrl);
    const at = new Date(Date.now() + 4000);
    const local = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
    await chief.fill('#publishAt', local);
    await chief.getByRole('button', { name: '定时发布' }).click();
    expect(await noticeText(chief)).toBe('已安排定时发布。');
    const tree = await loadChannelTree(server.db);
    const channelPage = `${base}/${tree.pathOf(tree.findByPath('news/world')!.id)}/`;
    const reader = await browser.context.newPage();
    await reader.goto(channelPage);
    expect(await reader.locator('.channel-list').count()).toBe(0);
    // Poll the public page like a reader pressing reload; the scheduler publishes on time.
    await expect.poll(async () => (await reader.goto(channelPage), await reader.locator('.channel-list a').allInnerTexts()), { timeout: 15_000, interval: 500 }).toContain('湖滨步道全线贯通');
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime() - 1000);
    await reader.locator('.channel-list a').first().click();
    expect(await reader.locator('.article-body').innerText()).toContain('步道全长12.6公里。');
    expect(await reader.locator('.responsible-editor').innerText()).toBe('编辑:陈思远');
    await reader.close();
  });

  it('an editor changes the published story while it stays online', async () => {
    const editor = await signedIn('editor');
    await editor.goto(articleUrl);
    await editor.fill('#title', '湖滨步道全线贯通 市民可环湖漫步');
    await editor.getByRole('button', { name: '保存', exact: true }).click();
    expect(await noticeText(editor)).toBe('已保存。');
    const reader = await browser.context.newPage();
    await reader.goto(`${base}/news/world/`);
    expect(await reader.locator('.channel-list a').allInnerTexts()).toContain('湖滨步道全线贯通');
    await editor.getByRole('button', { name: '发布', exact: true }).click();
    expect(await noticeText(editor)).toBe('已发布。');
    await reader.reload();
    expect(await reader.locator('.channel-list a').allInnerTexts()).toContain('湖滨步道全线贯通 市民可环湖漫步');
    await reader.close();
  });

  it('two editors collide and the second is told, losing nothing', async () => {
    const first = await signedIn('editor');
    const second = await signedIn('editor2');
    await first.goto(articleUrl);
    await second.goto(articleUrl);
    await first.fill('#subtitle', '第一位编辑的副标题');
    await second.fill('#subtitle', '第二位编辑的副标题');
    await first.getByRole('button', { name: '保存', exact: true }).click();
    expect(await noticeText(first)).toBe('已保存。');
    await second.getByRole('button', { name: '保存', exact: true }).click();
    expect(await second.locator('[role=alert]').first().innerText()).toContain('其他人已修改');
    // The second editor's text is still in the form, and the first editor's save stands.
    expect(await second.locator('#subtitle').inputValue()).toBe('第二位编辑的副标题');
    await first.reload();
    expect(await first.locator('#subtitle').inputValue()).toBe('第一位编辑的副标题');
    await second.screenshot({ path: 'test-results/newsroom-conflict.png', fullPage: true });
  });

  it('a reporter uploads a new photo from the picker and inserts it; a fake image is refused', async () => {
    const page = await signedIn('reporter');
    await page.goto(`${base}/admin/articles/new`);
    await page.fill('#title', '湖心岛灯塔修缮完工');
    await page.locator('#body-html-editor').click();
    await page.keyboard.type('湖心岛灯塔修缮完工。');
    await page.getByRole('button', { name: '插入图片' }).click();
    const dialog = page.locator('dialog.media-dialog');
    const chooser = dialog.getByLabel('或上传新图片(JPEG、PNG、WebP、GIF)');

    // Text dressed up as a PNG: the server reads the bytes and refuses; nothing is stored.
    const before = await server.db.kysely.selectFrom('media').select('id').execute();
    await chooser.setInputFiles({ name: '假图片.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
    await expect.poll(() => dialog.locator('.media-dialog__message').innerText()).toContain('上传失败');
    expect(await server.db.kysely.selectFrom('media').select('id').execute()).toHaveLength(before.length);

    const photo = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#c08a3e' } }).png().toBuffer();
    await chooser.setInputFiles({ name: '湖心岛.png', mimeType: 'image/png', buffer: photo });
    await expect.poll(() => dialog.locator('.media-dialog__message').innerText()).toContain('已上传到图片库并选中');
    await dialog.getByLabel('替代文字', { exact: false }).fill('修缮后的湖心岛灯塔');
    await dialog.getByLabel('图片说明').fill('修缮后的灯塔');
    await dialog.getByLabel('署名').fill('本网记者 李摄');
    await page.locator('.media-dialog__insert').click();

    const stored = await server.db.kysely.selectFrom('media').select(['id', 'width']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(stored.width).toBe(1000);
    expect(await page.locator('#body-html').inputValue()).toContain(
      `alt="修缮后的湖心岛灯塔" width="960" height="576" data-media-id="${stored.id}"><figcaption>修缮后的灯塔 <span class="credit">本网记者 李摄</span></figcaption></figure>`,
    );
    await page.getByRole('button', { name: '保存', exact: true }).click();
    expect(await noticeText(page)).toBe('稿件已创建。');
  });

  it('the chief editor pastes a wire page, checks the draft beside the original and saves it with its attribution', async () => {
    const page = await signedIn('chief');
    await page.goto(`${base}/admin/import`);
    await page.getByLabel('粘贴文字或 HTML', { exact: true }).fill(readFileSync(sharedPath('seed', '000_6a1b3f7d972bca36.txt'), 'utf8'));
    await page.getByRole('button', { name: '提取', exact: true }).click();

    // The review: the original text beside the draft, the other site's editor named but not made ours.
    await expect.poll(() => page.locator('.import-original .original-text').innerText()).toContain('俄罗斯和乌克兰16日在土耳其重启');
    // The page's menu and link lists, which the draft left out, are folded away under one line.
    const folded = page.locator('.import-original details.dropped summary').first();
    expect(await folded.innerText()).toMatch(/^草稿没有采用的 \d+ 行/);
    expect(await page.locator('.import-original details.dropped').first().getAttribute('open')).toBeNull();
    expect(await page.locator('.import-review').innerText()).toContain('原稿责任编辑:但堂丹');
    expect(await page.inputValue('#title')).toBe('俄乌时隔三年谈判未实现突破 特朗普称将给他们打电话');
    expect(await page.inputValue('#sourceName')).toBe('新华网');
    expect(await page.inputValue('#reporters')).toBe('栾海、高山、王腾飞、刘磊、江宥林');
    expect(await page.locator('#body-html').inputValue()).not.toContain('上一篇');

    await page.fill('#title', '俄乌谈判未实现突破');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    expect(await noticeText(page)).toBe('稿件已创建。');
    const saved = await server.db.kysely.selectFrom('articles').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ status: 'draft', title: '俄乌谈判未实现突破', source_name: '新华网', original_title: '俄乌时隔三年谈判未实现突破 特朗普称将给他们打电话' });

    // The same page pasted again: the review offers to update that draft instead of making a second one.
    await page.goto(`${base}/admin/import`);
    await page.getByLabel('粘贴文字或 HTML', { exact: true }).fill(readFileSync(sharedPath('seed', '000_6a1b3f7d972bca36.txt'), 'utf8'));
    await page.getByRole('button', { name: '提取', exact: true }).click();
    await page.fill('#title', '俄乌谈判未实现突破 特朗普称将打电话');
    await page.getByRole('button', { name: '用这份草稿更新该稿件(原内容留在修订记录中)' }).click();
    expect(await noticeText(page)).toBe('已保存。');
    expect(page.url()).toContain(`/admin/articles/${saved.id}`);
    const copies = await server.db.kysely.selectFrom('articles').select(['id', 'title']).where('original_title', '=', saved.original_title).execute();
    expect(copies).toEqual([{ id: saved.id, title: '俄乌谈判未实现突破 特朗普称将打电话' }]);
  });
});
