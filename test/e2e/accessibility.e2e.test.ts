import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, launchBrowser, type LaunchedBrowser } from '../helpers/browser.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

describeWithBrowser('accessibility (axe-core): no serious or critical violations', () => {
  let server: TestApp;
  let browser: LaunchedBrowser;
  let base: string;
  let axeSource: string;
  const pages: Record<string, string> = { home: '/', channel: '/news/world/' };

  beforeAll(async () => {
    server = await buildTestApp('sqlite', { demo: true });
    base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
    browser = await launchBrowser();
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const first = await server.db.kysely.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('id').limit(1).executeTakeFirstOrThrow();
    pages.article = (await server.app.inject(`/x/2000/01/01/${first.id}.html`)).headers.location as string;
    if ((await server.app.inject('/search?q=%E4%B8%B4%E6%B9%96')).statusCode === 200) pages.search = '/search?q=%E4%B8%B4%E6%B9%96';
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const name of ['home', 'channel', 'article', 'search']) {
    it(`${name} page`, async (context) => {
      const url = pages[name];
      if (!url) return context.skip();
      const page = await browser.context.newPage();
      await page.goto(base + url);
      await page.addScriptTag({ content: axeSource });
      const violations = (await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
        return (await axe.run(document)).violations;
      })) as AxeViolation[];
      await page.close();
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)).toEqual([]);
    });
  }
});
