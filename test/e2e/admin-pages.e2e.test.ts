import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDraft, submitArticle } from '../../src/domain/articles/article-workflow.service.ts';
import { appendBlockItem } from '../../src/domain/blocks/block.service.ts';
import { actorFor, findUserByUsername } from '../../src/domain/users/user.service.ts';
import { describeWithBrowser, launchBrowser, type LaunchedBrowser } from '../helpers/browser.ts';
import { makeArticle, makeChannels } from '../helpers/factories.ts';
import { TEST_PASSWORD, makeUser } from '../helpers/newsroom.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

/**
 * Channels, settings, curated blocks, audit and accounts in Chromium: drag and drop and the
 * keyboard reorder the 新媒体 list; XSS typed into the settings form stays inert on the site.
 */
describeWithBrowser('newsroom admin pages in the browser', () => {
  let server: TestApp;
  let base: string;
  const people: LaunchedBrowser[] = [];

  beforeAll(async () => {
    server = await buildTestApp('sqlite');
    const { news } = await makeChannels(server.db);
    await makeArticle(server.db, news.id, { title: '湖区新闻一则', isFocus: true });
    await makeUser(server.db, 'admin', 'admin');
    await makeUser(server.db, 'editor', 'editor', [news.id]);
    for (const title of ['甲号', '乙号', '丙号']) await appendBlockItem(server.db, 'newmedia', { title, url: '/', account: '微信' });
    base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
    await mkdir('test-results', { recursive: true });
  });
  afterAll(async () => {
    await Promise.all(people.map((p) => p.close()));
    await server?.close();
  });

  async function signedIn(username: string): Promise<Page> {
    const person = await launchBrowser();
    people.push(person);
    const page = await person.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/admin/login`);
    await page.fill('#username', username);
    await page.fill('#password', TEST_PASSWORD);
    await page.click('.login-card button[type=submit]');
    await page.waitForURL(`${base}/admin`);
    return page;
  }

  const newMediaOnHome = async (page: Page) => {
    await page.goto(`${base}/`);
    return page.locator('.new-media .nm-title').allInnerTexts();
  };

  it('reorders 新媒体 by drag and drop, and by keyboard with the move buttons', async () => {
    const page = await signedIn('editor');
    await page.goto(`${base}/admin/blocks`);
    const list = page.locator('ol[data-block="newmedia"]');
    await expect.poll(() => list.getAttribute('class')).toContain('can-drag');
    await list.locator('li').nth(2).dragTo(list.locator('li').nth(0), { targetPosition: { x: 20, y: 2 } });
    await page.waitForURL(/done=moved/);
    expect(await page.locator('.notice').innerText()).toContain('顺序已调整');
    await page.screenshot({ path: 'test-results/admin-blocks.png', fullPage: true });
    expect(await newMediaOnHome(page)).toEqual(['丙号', '甲号', '乙号']);

    // Keyboard: Tab to the last item's "move up" button and press Enter (a plain form post).
    await page.goto(`${base}/admin/blocks`);
    const up = page.locator('ol[data-block="newmedia"] li').nth(2).locator('button[aria-label^="上移"]');
    await up.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=moved/);
    expect(await newMediaOnHome(page)).toEqual(['丙号', '乙号', '甲号']);
  });

  it('keeps XSS typed into the settings form inert on the public site, and shows every page', async () => {
    const page = await signedIn('admin');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${base}/admin/settings`);
    await page.fill('#s-name', '临湖<script>alert(1)</script>');
    await page.fill('#s-tagline', '"><img src=x onerror=alert(1)>');
    await page.fill('#s-icpNumber', '<img src=x onerror=alert(2)>');
    await page.click('.settings-form button[type=submit]');
    await page.waitForURL(/done=saved/);
    await page.goto(`${base}/`);
    expect(await page.locator('.brand-name').innerText()).toBe('临湖<script>alert(1)</script>');
    await page.goto(`${base}/news/`);
    await page.goto(`${base}/admin/audit`);
    expect(dialogs).toEqual([]);
    for (const [name, url] of [
      ['settings', '/admin/settings'],
      ['channels', '/admin/channels'],
      ['users', '/admin/users'],
      ['audit', '/admin/audit'],
    ]) {
      await page.goto(`${base}${url}`);
      await page.screenshot({ path: `test-results/admin-${name}.png`, fullPage: true });
    }
    expect(dialogs).toEqual([]);
  });

  const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

  it('fits a phone: the menu entries stay on one line and the dashboard does not scroll sideways', async () => {
    const page = await signedIn('editor');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/admin`);
    const entryHeights = await page.locator('.admin-menu a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height));
    const firstHeight = entryHeights[0]!;
    expect(entryHeights.every((h) => Math.abs(h - firstHeight) < 1)).toBe(true);
    expect(firstHeight).toBeLessThan(48);
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: 'test-results/admin-dashboard-phone.png', fullPage: true });
    // Hints under fields stay readable (a <small> hint was 11.7 px).
    await page.goto(`${base}/admin/articles/new`);
    const hintSizes = await page.locator('.hint').evaluateAll((hints) => hints.map((h) => parseFloat(getComputedStyle(h).fontSize)));
    expect(hintSizes.length).toBeGreaterThan(0);
    expect(Math.min(...hintSizes)).toBeGreaterThanOrEqual(12);
  });

  it('wraps the long lines of a pasted page on the import review instead of widening the page', async () => {
    const page = await signedIn('editor');
    await page.goto(`${base}/admin/import`);
    const longLine = '湖区新闻的导语一句接着一句,'.repeat(40);
    await page.fill('#pasted', `临湖新闻网\n\n湖区举行龙舟邀请赛\n\n来源:临湖网 时间:2025-05-19 10:28\n\n${longLine}\n\n${longLine}`);
    await page.getByRole('button', { name: '提取' }).click();
    await page.waitForURL(`${base}/admin/import`);
    await expect.poll(() => page.locator('.import-original').count()).toBe(1);
    expect(await scrollsSideways(page)).toBe(false);
  });

  it('asks before taking a story offline, saying what that does', async () => {
    const page = await signedIn('admin');
    const story = await server.db.kysely.selectFrom('articles').select('id').where('title', '=', '湖区新闻一则').executeTakeFirstOrThrow();
    await page.goto(`${base}/admin/articles/${story.id}`);
    const confirm = page.getByRole('button', { name: '确认撤稿' });
    expect(await confirm.isVisible()).toBe(false);
    await page.locator('details.confirm > summary', { hasText: '撤稿' }).click();
    expect(await confirm.isVisible()).toBe(true);
    expect(await page.locator('details.confirm .hint').innerText()).toContain('读者将无法再打开这篇稿件');
    await confirm.click();
    await page.waitForURL(/done=unpublished/);
    expect(await page.locator('.notice').innerText()).toContain('已撤稿');
  });

  it('shows a reporter their submitted story read-only, saying why, and never tries to autosave it', async () => {
    const news = await server.db.kysely.selectFrom('channels').select('id').where('slug', '=', 'news').executeTakeFirstOrThrow();
    await makeUser(server.db, 'reporter', 'reporter', [news.id]);
    const reporter = await actorFor(server.db, (await findUserByUsername(server.db, 'reporter'))!, '127.0.0.1');
    const story = await createDraft(server.db, reporter, { channelId: news.id, title: '湖区夜市开张', bodyHtml: '<p>夜市今晚开张。</p>', editorName: '' });
    await submitArticle(server.db, reporter, story.id);

    const page = await signedIn('reporter');
    const autosaves: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/autosave')) autosaves.push(request.url());
    });
    await page.goto(`${base}/admin/articles/${story.id}`);
    expect(await page.locator('.read-only-notice').innerText()).toContain('审核期间不能修改');
    expect(await page.locator('#title').isDisabled()).toBe(true);
    expect(await page.locator('#channelId').isDisabled()).toBe(true);
    await expect.poll(() => page.locator('#body-html-editor').getAttribute('contenteditable')).toBe('false');
    expect(await page.locator('#body-html-editor').innerText()).toContain('夜市今晚开张。');
    await page.locator('#body-html-editor').click();
    await page.keyboard.type('多打的字');
    expect(await page.locator('#body-html-editor').innerText()).not.toContain('多打的字');
    // No empty action box either: a reporter has no workflow step on a submitted story.
    expect(await page.locator('section.workflow').count()).toBe(0);
    expect(autosaves).toEqual([]);
  });

  it('stops autosaving and says so when the session ends while someone is writing', async () => {
    const page = await signedIn('editor');
    const story = await server.db.kysely.selectFrom('articles').select('id').where('title', '=', '湖区新闻一则').executeTakeFirstOrThrow();
    await page.goto(`${base}/admin/articles/${story.id}`);
    await expect.poll(() => page.locator('#body-html-editor').getAttribute('contenteditable')).toBe('true');
    // The session ends (timed out, or signed out in another tab) while the editor types on.
    await server.db.kysely.deleteFrom('sessions').execute();
    await page.fill('#subtitle', '会话结束后写的副标题');
    const alert = page.locator('#edit-conflict');
    await expect.poll(() => alert.count(), { timeout: 15_000 }).toBe(1);
    expect(await alert.innerText()).toContain('登录已失效');
    expect(await page.locator('#save-status').getAttribute('data-state')).toBe('conflict');
    // What was typed is still on the page to copy.
    expect(await page.inputValue('#subtitle')).toBe('会话结束后写的副标题');
  });
});
