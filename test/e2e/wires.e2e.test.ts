import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, launchBrowser, type LaunchedBrowser } from '../helpers/browser.ts';
import { makeChannels } from '../helpers/factories.ts';
import { TEST_PASSWORD, makeUser } from '../helpers/newsroom.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

// Two days ahead, on the minute: the agency's story is under embargo for the whole journey.
const EMBARGO = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 2 * 86_400_000).toISOString();
const STORY = {
  uri: 'urn:example:hz:2026:bridge',
  version: '1',
  versioncreated: '2026-12-04T08:00:00+08:00',
  pubstatus: 'usable',
  language: 'zh-CN',
  embargoed: EMBARGO,
  byline: '华中社记者 周云',
  headline: '青石大桥下月通车',
  body_html: '<p>华中社青石12月4日电 青石大桥主体工程日前完工,经荷载试验合格后将于下月通车,届时两岸通行时间由四十分钟缩短到五分钟。</p>',
};

/**
 * The wire desk in Chromium: an administrator adds an agency's feed, polls it, opens the
 * embargoed story as a draft, is refused when publishing before the embargo, and sees the
 * agency's kill on the draft after the next poll.
 */
describeWithBrowser('wire desk journey', () => {
  let server: TestApp;
  let person: LaunchedBrowser;
  let feed: Server;
  let feedUrl = '';
  let feedItems: object[] = [STORY];

  beforeAll(async () => {
    feed = createServer((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: feedItems })));
    await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/ninjs.json`;
    server = await buildTestApp('sqlite', { importAllowPrivate: true });
    await makeChannels(server.db);
    await makeUser(server.db, 'admin', 'admin');
    person = await launchBrowser();
  });
  afterAll(async () => {
    await person?.close();
    await server?.close();
    await new Promise<void>((resolve) => feed.close(() => resolve()));
  });

  async function notice(page: Page): Promise<string> {
    return (await page.locator('.notice, .error').first().innerText()).trim();
  }

  it('adds a feed, polls it, keeps the embargo on the draft, refuses an early publish, and shows the kill', async () => {
    const base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
    const page = await person.context.newPage();
    await page.goto(`${base}/admin/login`);
    await page.fill('#username', 'admin');
    await page.fill('#password', TEST_PASSWORD);
    await page.click('.login-card button[type=submit]');
    await page.waitForURL(`${base}/admin`);

    await page.goto(`${base}/admin/wires`);
    await page.getByLabel('名称').fill('华中社');
    await page.getByLabel('订阅地址', { exact: false }).fill(feedUrl);
    await page.getByRole('button', { name: '添加来源' }).click();
    expect(await notice(page)).toBe('已添加通稿来源。');
    await page.getByRole('button', { name: '立即抓取' }).click();
    expect(await notice(page)).toBe('已抓取:新稿 1 条,撤稿 0 条,更新 0 条。');
    const row = page.locator('tr', { hasText: '青石大桥下月通车' });
    expect(await row.innerText()).toContain('禁发至');

    await row.getByRole('button', { name: '导入为草稿:青石大桥下月通车' }).click();
    expect(await page.locator('main').innerText()).toContain('本稿来自禁发通稿');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    expect(await notice(page)).toBe('稿件已创建。');
    const draftUrl = page.url();

    await page.getByRole('button', { name: '发布', exact: true }).click();
    expect(await notice(page)).toContain('禁发期内不能发布');
    const stored = await server.db.kysely.selectFrom('articles').select(['status', 'embargo_until']).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'draft', embargo_until: EMBARGO });

    feedItems = [{ ...STORY, version: '2', versioncreated: '2026-12-04T09:00:00+08:00', pubstatus: 'canceled', headline: '撤稿:青石大桥下月通车' }];
    await page.goto(`${base}/admin/wires`);
    await page.getByRole('button', { name: '立即抓取' }).click();
    expect(await notice(page)).toBe('已抓取:新稿 0 条,撤稿 1 条,更新 0 条。');
    await page.goto(draftUrl);
    expect(await page.locator('.wire-notice.withdrawn').innerText()).toContain('通讯社已撤稿:华中社');
  });
});
