import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, launchBrowser, type LaunchedBrowser } from '../helpers/browser.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1366, height: 900 },
] as const;

/** The font the browser really used to draw an element's text (not just what CSS asked for). */
async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((font) => font.familyName);
}

/** True when the element's text runs onto more than one line (a site name broken as 临湖新闻/网). */
async function wrapsOntoTwoLines(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const lineTops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
    return lineTops.size > 1;
  });
}

async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

describeWithBrowser('a reader goes home → channel → article', () => {
  let server: TestApp;
  let browser: LaunchedBrowser;
  let base: string;

  beforeAll(async () => {
    server = await buildTestApp('sqlite', { demo: true });
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    await mkdir('test-results', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const viewport of VIEWPORTS) {
    it(`works at ${viewport.name} width`, async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: viewport.width, height: viewport.height });

      await page.goto(base);
      const nav = page.getByRole('navigation', { name: '主导航' });
      expect(await nav.getByRole('link').count()).toBe(17);
      if (viewport.name === 'phone') expect(await hasHorizontalScroll(page)).toBe(false);
      // The masthead keeps the site name and the search button on one line each, also on a phone.
      expect(await wrapsOntoTwoLines(page, '.brand-name')).toBe(false);
      expect(await wrapsOntoTwoLines(page, '.site-search button')).toBe(false);
      await page.screenshot({ path: `test-results/home-${viewport.name}.png`, fullPage: true });

      await nav.getByRole('link', { name: '新闻', exact: true }).click();
      await page.waitForURL(/\/news\/$/);
      await page.getByRole('link', { name: '国际新闻' }).first().click();
      await page.waitForURL(/\/news\/world\/$/);
      if (viewport.name === 'phone') expect(await hasHorizontalScroll(page)).toBe(false);
      await page.screenshot({ path: `test-results/channel-${viewport.name}.png`, fullPage: true });

      await page.locator('.channel-list a').first().click();
      await page.waitForURL(/\/news\/world\/\d{4}\/\d{2}\/\d{2}\/\d+\.html$/);
      expect(await page.locator('.breadcrumb').innerText()).toContain('首页 >> 新闻 >> 国际新闻 >> 正文');
      expect(await page.locator('.responsible-editor').innerText()).toMatch(/^编辑:\S+/);
      if (viewport.name === 'phone') expect(await hasHorizontalScroll(page)).toBe(false);
      await page.screenshot({ path: `test-results/article-${viewport.name}.png`, fullPage: true });

      const fonts = await renderedFonts(page, 'h1');
      expect(fonts.join(', ')).toMatch(/CJK|WenQuanYi|Hei|PingFang|YaHei|Source Han/);

      // Desktop shows article and sidebar side by side; a phone stacks them.
      const article = await page.locator('.article').boundingBox();
      const sidebar = await page.locator('.sidebar').boundingBox();
      expect(article && sidebar).toBeTruthy();
      if (viewport.name === 'desktop') expect(sidebar!.x).toBeGreaterThan(article!.x + article!.width - 1);
      else expect(sidebar!.y).toBeGreaterThan(article!.y + article!.height - 1);
      await page.close();
    });
  }
});
