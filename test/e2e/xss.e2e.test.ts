import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, launchBrowser, type LaunchedBrowser } from '../helpers/browser.ts';
import { makeChannels } from '../helpers/factories.ts';
import { TEST_PASSWORD, makeUser } from '../helpers/newsroom.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

/** Each payload sets window.__xss or opens a dialog if it ever runs. */
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=1;alert(1)">',
  "'><svg onload=alert(1)>",
  '</title><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
];

const TEXT_FIELDS = ['#title', '#subtitle', '#summary', '#sourceName', '#originalTitle', '#originalAuthor', '#dateline', '#reporters', '#photographers', '#editorName', '#keywords'];

describeWithBrowser('XSS typed into the editor comes out inert on the public pages', () => {
  let server: TestApp;
  let browser: LaunchedBrowser;
  let base: string;

  beforeAll(async () => {
    server = await buildTestApp('sqlite');
    await makeChannels(server.db);
    await makeUser(server.db, 'chief', 'chief');
    base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function watch(page: Page): Promise<string[]> {
    const fired: string[] = [];
    page.on('dialog', async (dialog) => {
      fired.push(dialog.message());
      await dialog.dismiss();
    });
    return fired;
  }

  for (const [index, payload] of PAYLOADS.entries()) {
    it(`payload ${index + 1}: ${payload}`, async () => {
      const page = await browser.context.newPage();
      const fired = await watch(page);
      await page.goto(`${base}/admin/login`);
      await page.fill('#username', 'chief');
      await page.fill('#password', TEST_PASSWORD);
      await page.click('.login-card button[type=submit]');
      await page.waitForURL(`${base}/admin`);
      await page.goto(`${base}/admin/articles/new`);
      for (const field of TEXT_FIELDS) await page.fill(field, `${field.slice(1)} ${payload}`);
      await page.locator('#isOriginal').uncheck();
      await page.fill('#sourceUrl', 'https://example.com/a?b="><script>alert(1)</script>');
      // The body: typed as text, and pasted as HTML (the sanitiser must drop the markup).
      await page.locator('#body-html-editor').click();
      await page.keyboard.type(`正文 ${payload}`);
      await page.evaluate((html) => {
        const target = document.querySelector('#body-html-editor .ProseMirror, #body-html-editor [contenteditable]') ?? document.querySelector('#body-html-editor');
        const data = new DataTransfer();
        data.setData('text/html', html);
        target?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, `<p>粘贴<img src=x onerror="window.__xss=1"><a href="javascript:alert(1)">链接</a></p>${payload}`);
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await page.waitForURL(/done=created/, { timeout: 8000 }).catch(async (error) => {
        await page.screenshot({ path: `test-results/xss-failed-${index}.png`, fullPage: true });
        throw error;
      });
      await page.getByRole('button', { name: '发布', exact: true }).click();
      await page.waitForURL(/done=published/);
      const publicUrl = await page.locator('.edit-head a', { hasText: '查看网站' }).getAttribute('href');
      expect(publicUrl).toMatch(/\.html$/);
      await page.goto(`${base}${publicUrl}`);

      for (const url of [page.url(), `${base}/`, `${base}/news/world/`]) {
        await page.goto(url);
        expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
        expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
        expect(await page.locator('[onerror], [onload], a[href^="javascript:"]').count()).toBe(0);
      }
      // The payload is shown as text, exactly as typed.
      await page.goBack();
      await page.goBack();
      expect(await page.locator('h1').innerText()).toBe(`title ${payload}`);
      expect(fired).toEqual([]);
      await page.close();
    });
  }
});
