/**
 * The article editor island (src/client/editor) in Chromium, against a tiny server written here
 * that implements the page contract: the server-rendered form with its `[data-editor]` field,
 * the built bundle under /admin/assets/, a fake media library and an autosave endpoint that
 * records requests and answers as each test tells it. No Inkstone routes are involved, so the
 * island's contract is proved on its own.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sanitizeRichText } from '../../src/domain/articles/rich-text.ts';
import { describeWithBrowser, launchBrowser, type LaunchedBrowser } from '../helpers/browser.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist/client');
const CSRF = 'csrf-token-7f3a';
const CONFLICT_MESSAGE = '这篇稿件已被 李编辑 于 10:21 修改(版本 6),您的修改没有保存。';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * The bundle under test: dist/client when it is there and newer than its sources (npm test
 * builds it in `pretest`); otherwise a fresh build into a temporary directory, so running this
 * file alone never tests stale code and never races another test reading dist/client.
 */
async function bundleDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const built = join(DIST, 'editor.js');
  const sources = Math.max(newestMtime(join(ROOT, 'src/client')), newestMtime(join(ROOT, 'vite.config.ts')));
  if (existsSync(built) && existsSync(join(DIST, 'editor.css')) && statSync(built).mtimeMs >= sources) {
    return { dir: DIST, cleanup: async () => {} };
  }
  const dir = await mkdtemp(join(tmpdir(), 'inkstone-client-'));
  try {
    const { build } = await import('vite');
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`dist/client/editor.js is missing or stale and building it failed: run \`npm run build:client\` to see why`, { cause: err });
  }
  if (!existsSync(join(dir, 'editor.js')) || !existsSync(join(dir, 'editor.css'))) {
    throw new Error(`the client build did not produce editor.js and editor.css (see vite.config.ts)`);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const FIGURE_HTML =
  '<figure><img src="/media/21-960.png" alt="临湖大桥夜景" width="960" height="540" data-media-id="21">' +
  '<figcaption>夜色中的临湖大桥 <span class="credit">临湖网记者 赵磊 摄</span></figcaption></figure>';

const INITIAL_BODY = `<p>原有段落,CO<sub>2</sub> 排放与 m<sup>2</sup>。</p><h2>原有小标题</h2>${FIGURE_HTML}<p>第二段。</p>`;

/** The server-rendered editor page, as the newsroom renders it (the contract in src/client/editor/main.ts). */
function editorPage(opts: { lang: string; articleId: number | null; body: string }): string {
  const autosave = opts.articleId === null ? '' : ` data-autosave-url="/admin/api/articles/${opts.articleId}/autosave"`;
  const action = opts.articleId === null ? '/admin/articles' : `/admin/articles/${opts.articleId}`;
  return `<!doctype html>
<html lang="${opts.lang}"><head><meta charset="utf-8"><title>编辑稿件</title>
<link rel="stylesheet" href="/admin/assets/editor.css">
<script type="module" src="/admin/assets/editor.js"></script></head>
<body><main>
<form id="article-form" method="post" action="${action}">
  <input type="hidden" name="version" value="3">
  <input type="hidden" name="_csrf" value="${CSRF}">
  <p><label for="title">标题</label> <input id="title" name="title" value="原标题" required></p>
  <p><label for="channel">栏目</label> <select id="channel" name="channelId"><option value="1">新闻</option><option value="3" selected>国际新闻</option></select></p>
  <p><label><input type="checkbox" name="isTop" checked> 置顶</label> <label><input type="checkbox" name="allowComments"> 允许评论</label></p>
  <p><label for="body-html">正文</label></p>
  <div class="editor-field" data-editor${autosave} data-media-url="/admin/api/media?q=" data-csrf="${CSRF}">
    <textarea id="body-html" name="bodyHtml" required>${escapeHtml(opts.body)}</textarea>
  </div>
  <p><button type="submit">保存</button></p>
</form>
</main></body></html>`;
}

const MEDIA = [
  { id: 31, url: '/media/31-960.png', width: 960, height: 640, alt: '清晨的湖面', caption: '清晨的临湖湖面', credit: '临湖网记者 张文博 摄', thumbUrl: '/media/31-240.png' },
  { id: 32, url: '/media/32-960.png', width: 960, height: 720, alt: '码头上的渔船', caption: '临湖码头的渔船', credit: '临湖网通讯员 刘春华 摄', thumbUrl: '/media/32-240.png' },
];

// A 1×1 grey PNG, for every image the pages ask for.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==', 'base64');

interface Recorded {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type AutosaveMode = 'ok' | 'fail' | 'conflict' | 'hold';

class FixtureServer {
  readonly autosaves: Recorded[] = [];
  readonly submits: Recorded[] = [];
  readonly mediaQueries: string[] = [];
  mode: AutosaveMode = 'ok';
  version = 3;
  private held: (() => void)[] = [];
  private server: Server | null = null;
  base = '';

  constructor(private readonly assets: string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  /** Answers the autosaves held back in 'hold' mode. */
  release(): void {
    const held = this.held;
    this.held = [];
    for (const answer of held) answer();
  }

  get heldCount(): number {
    return this.held.length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string | Buffer): void => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    const json = (status: number, body: unknown): void => send(status, 'application/json; charset=utf-8', JSON.stringify(body));

    if (req.method === 'GET' && url.pathname === '/edit/7') return send(200, 'text/html; charset=utf-8', editorPage({ lang: 'zh-CN', articleId: 7, body: INITIAL_BODY }));
    if (req.method === 'GET' && url.pathname === '/new') return send(200, 'text/html; charset=utf-8', editorPage({ lang: 'zh-CN', articleId: null, body: '' }));
    if (req.method === 'GET' && url.pathname === '/en/edit/7') return send(200, 'text/html; charset=utf-8', editorPage({ lang: 'en', articleId: 7, body: INITIAL_BODY }));
    if (req.method === 'GET' && url.pathname.startsWith('/admin/assets/')) {
      const name = url.pathname.slice('/admin/assets/'.length);
      if (name !== 'editor.js' && name !== 'editor.css') return send(404, 'text/plain', 'not found');
      const type = name.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8';
      return send(200, type, await readFile(join(this.assets, name)));
    }
    if (req.method === 'GET' && url.pathname.startsWith('/media/')) return send(200, 'image/png', PNG);
    if (req.method === 'GET' && url.pathname === '/admin/api/media') {
      const q = url.searchParams.get('q') ?? '';
      this.mediaQueries.push(q);
      return json(200, { items: MEDIA.filter((m) => !q || m.caption.includes(q) || m.alt.includes(q)) });
    }

    const body = await new Promise<string>((ok, fail) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
      req.on('error', fail);
    });
    const record: Recorded = { path: url.pathname, headers: req.headers, body };

    if (req.method === 'POST' && /^\/admin\/api\/articles\/\d+\/autosave$/.test(url.pathname)) {
      this.autosaves.push(record);
      const answer = (): void => {
        if (this.mode === 'conflict') return json(409, { error: { code: 'EDIT_CONFLICT', message: CONFLICT_MESSAGE } });
        if (this.mode === 'fail') return json(500, { error: { code: 'INTERNAL', message: 'boom' } });
        this.version += 1;
        json(200, { version: this.version, savedAt: '2025-05-19T02:03:04.000Z' });
      };
      if (this.mode === 'hold') {
        this.held.push(() => {
          this.mode = 'ok';
          answer();
        });
        return;
      }
      return answer();
    }
    if (req.method === 'POST' && url.pathname.startsWith('/admin/articles')) {
      this.submits.push(record);
      return send(200, 'text/html; charset=utf-8', '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>已保存</title><p>已保存</p></html>');
    }
    send(404, 'text/plain', 'not found');
  }
}

async function bodyHtml(page: Page): Promise<string> {
  return page.locator('#body-html').inputValue();
}

async function openEditor(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => window.inkstoneEditor !== undefined);
}

/** Dispatches a real paste event carrying HTML, as the clipboard would. */
async function pasteHtml(page: Page, html: string, text: string): Promise<void> {
  await page.evaluate(
    ([h, t]) => {
      const data = new DataTransfer();
      data.setData('text/html', h!);
      data.setData('text/plain', t!);
      window.inkstoneEditor!.view.dom.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [html, text],
  );
}

const pageErrors: string[] = [];

async function newPage(browser: LaunchedBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return page;
}

/** What the browser does when the user switches tabs or minimises the window. */
async function hidePage(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
}

let assets: { dir: string; cleanup: () => Promise<void> };
let server: FixtureServer;

beforeAll(async () => {
  assets = await bundleDir();
  server = new FixtureServer(assets.dir);
  await server.start();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await assets?.cleanup();
  expect(pageErrors).toEqual([]);
});

describeWithBrowser('the editor island edits a body the sanitiser accepts', () => {
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('replaces the textarea, round-trips stored HTML exactly, and has a keyboard-usable toolbar', async () => {
    await openEditor(page, `${server.base}/edit/7`);
    await expect.poll(() => page.locator('#body-html').isHidden()).toBe(true);
    expect(await bodyHtml(page)).toBe(INITIAL_BODY);

    const toolbar = page.getByRole('toolbar', { name: '正文格式' });
    for (const name of ['正文段落', '小标题', '三级标题', '粗体', '斜体', '链接', '无序列表', '有序列表', '引用', '撤销', '重做', '插入图片']) {
      expect(await toolbar.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    }
    expect(await page.locator('#save-status[role="status"][aria-live="polite"]').count()).toBe(1);
    // The editor takes its name from the textarea's label.
    expect(await page.getByRole('textbox', { name: '正文' }).count()).toBe(1);

    // One tab stop; arrow keys move along the toolbar.
    await toolbar.getByRole('button', { name: '正文段落' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('小标题');
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
  });

  it('types text, makes a subheading and bold text', async () => {
    // TipTap focuses in an animation frame; wait until keys really go to the editor.
    await page.evaluate(() => window.inkstoneEditor!.commands.focus('end'));
    await page.waitForFunction(() => window.inkstoneEditor!.view.hasFocus());
    await page.keyboard.press('Enter');
    await page.keyboard.type('新的小标题');
    const h2 = page.getByRole('button', { name: '小标题', exact: true });
    await h2.click();
    expect(await h2.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await h2.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.type('这是');
    const bold = page.getByRole('button', { name: '粗体' });
    await bold.click();
    await page.keyboard.type('重点');
    expect(await bold.getAttribute('aria-pressed')).toBe('true');
    await bold.click();
    await page.keyboard.type('内容。');
    expect(await bodyHtml(page)).toBe(`${INITIAL_BODY}<h2>新的小标题</h2><p>这是<strong>重点</strong>内容。</p>`);
  });

  it('inserts a figure from the media picker as the exact sanitiser markup, and edits it again', async () => {
    await page.getByRole('button', { name: '插入图片' }).click();
    const dialog = page.getByRole('dialog', { name: '插入图片' });
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('.media-dialog__item').count()).toBe(2);
    await dialog.getByLabel('搜索图片库').fill('码头');
    await dialog.getByLabel('搜索图片库').press('Enter');
    await expect.poll(() => dialog.locator('.media-dialog__item').count()).toBe(1);
    expect(server.mediaQueries).toContain('码头');

    const item = dialog.getByRole('button', { name: '码头上的渔船' });
    await item.click();
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/editor-media-dialog.png' });
    expect(await item.getAttribute('aria-pressed')).toBe('true');
    expect(await dialog.getByLabel('图片说明').inputValue()).toBe('临湖码头的渔船');
    await dialog.getByLabel('替代文字(供读屏软件朗读)').fill('渔船 & "码头"');
    await dialog.getByLabel('图片说明').fill('清晨出港的渔船 <1>');
    await dialog.getByRole('button', { name: '插入', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    const inserted =
      '<figure><img src="/media/32-960.png" alt="渔船 &amp; &quot;码头&quot;" width="960" height="720" data-media-id="32">' +
      '<figcaption>清晨出港的渔船 &lt;1&gt; <span class="credit">临湖网通讯员 刘春华 摄</span></figcaption></figure>';
    expect(await bodyHtml(page)).toBe(`${INITIAL_BODY}<h2>新的小标题</h2><p>这是<strong>重点</strong>内容。</p>${inserted}`);

    // Double-click re-opens the dialog on that figure; the credit changes, nothing else.
    await page.locator('.editor-figure', { has: page.locator('img[src="/media/32-960.png"]') }).dblclick();
    const edit = page.getByRole('dialog', { name: '编辑图片' });
    await edit.waitFor();
    expect(await edit.getByLabel('替代文字(供读屏软件朗读)').inputValue()).toBe('渔船 & "码头"');
    await edit.getByLabel('署名').fill('临湖网记者 王一鸣 摄');
    await edit.getByRole('button', { name: '更新' }).click();
    await edit.waitFor({ state: 'hidden' });
    expect(await bodyHtml(page)).toContain(inserted.replace('临湖网通讯员 刘春华 摄', '临湖网记者 王一鸣 摄'));
    expect((await bodyHtml(page)).match(/<figure>/g)?.length).toBe(2);
    await page.screenshot({ path: 'test-results/editor-figures.png', fullPage: true });
    // What the editor produces is what the server stores: the sanitiser changes nothing (but
    // writes void elements XHTML-style, <img … />).
    expect(sanitizeRichText(await bodyHtml(page)).replace(/ \/>/g, '>')).toBe(await bodyHtml(page));
  });

  it('cleans HTML pasted from Word and web pages', async () => {
    await page.evaluate(() => window.inkstoneEditor!.commands.setContent('<p></p>', { emitUpdate: true }));
    const word =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>' +
      '<!--StartFragment--><p class=MsoNormal style="margin:0cm;font-size:12.0pt;font-family:宋体"><span style="font-family:宋体;mso-ascii-font-family:Calibri">文字</span><o:p></o:p></p>' +
      '<p class=MsoNormal><o:p>&nbsp;</o:p></p><!--EndFragment--></body></html>';
    await pasteHtml(page, word, '文字');
    expect(await bodyHtml(page)).toBe('<p>文字</p>');

    await page.evaluate(() => window.inkstoneEditor!.commands.setContent('<p></p>', { emitUpdate: true }));
    const web =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr" style="line-height:1.38"><span style="font-weight:700">加粗</span><span style="font-style:italic">斜体</span></p></b>' +
      '<div class="article"><h1 class="title">大标题</h1><p><font color="red">红字</font><b>粗</b><i>斜</i> <a href="javascript:alert(1)" onclick="alert(2)">坏链接</a> <a href="https://example.com/x" class="btn" target="_blank">好链接</a></p><script>alert(3)</script></div>';
    await pasteHtml(page, web, '');
    expect(await bodyHtml(page)).toBe(
      '<p><strong>加粗</strong><em>斜体</em></p><h2>大标题</h2>' +
        '<p>红字<strong>粗</strong><em>斜</em> 坏链接 <a rel="noopener noreferrer" href="https://example.com/x">好链接</a></p>',
    );
  });

  it('with no autosave URL (a new article) saves nothing by itself, and a plain submit sends the body', async () => {
    const before = server.autosaves.length;
    page = await newPage(browser);
    await openEditor(page, `${server.base}/new`);
    expect(await page.locator('#save-status').textContent()).toBe('');
    await page.locator('.editor-content').click();
    await page.keyboard.type('新稿件的正文。');
    await page.getByLabel('标题', { exact: true }).fill('新稿件');
    await Promise.all([page.waitForURL(`${server.base}/admin/articles`), page.getByRole('button', { name: '保存' }).click()]);
    const submitted = new URLSearchParams(server.submits.at(-1)!.body);
    expect(submitted.get('bodyHtml')).toBe('<p>新稿件的正文。</p>');
    expect(submitted.get('title')).toBe('新稿件');
    expect(server.autosaves.length).toBe(before);
  });

  it('speaks English when the page is in English', async () => {
    page = await newPage(browser);
    await openEditor(page, `${server.base}/en/edit/7`);
    const toolbar = page.getByRole('toolbar', { name: 'Body formatting' });
    for (const name of ['Subheading', 'Bold', 'Insert image', 'Undo']) {
      expect(await toolbar.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    }
  });
});

describeWithBrowser('the editor island autosaves', () => {
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    // Fake timers: the test decides when five seconds have passed.
    await page.clock.install({ time: new Date('2025-05-19T10:00:00+08:00') });
    await openEditor(page, `${server.base}/edit/7`);
    await page.clock.pauseAt(new Date('2025-05-19T10:00:10+08:00'));
    server.mode = 'ok';
    server.version = 3;
  });
  afterAll(async () => {
    await browser?.close();
  });

  const edit = (text: string): Promise<void> =>
    page.evaluate((t) => {
      window.inkstoneEditor!.chain().focus('end').insertContent(t).run();
    }, text);

  const autosaveAfter = async (action: () => Promise<unknown>): Promise<Recorded> => {
    const count = server.autosaves.length;
    const response = page.waitForResponse((r) => r.url().endsWith('/autosave'));
    await action();
    await response;
    expect(server.autosaves.length).toBe(count + 1);
    return server.autosaves.at(-1)!;
  };

  it('posts { version, fields } with the CSRF header five seconds after a change, and takes the new version', async () => {
    expect(server.autosaves.length).toBe(0);
    await page.getByLabel('标题', { exact: true }).fill('新标题');
    await page.getByLabel('允许评论').check();
    await edit('补充一句。');
    await page.clock.runFor(4_000);
    expect(server.autosaves.length).toBe(0);

    const saved = await autosaveAfter(() => page.clock.runFor(1_000));
    expect(saved.path).toBe('/admin/api/articles/7/autosave');
    expect(saved.headers['x-csrf-token']).toBe(CSRF);
    expect(saved.headers['content-type']).toBe('application/json');
    expect(JSON.parse(saved.body)).toEqual({
      version: 3,
      fields: {
        title: '新标题',
        channelId: '3',
        isTop: true,
        allowComments: true,
        bodyHtml: `${INITIAL_BODY.replace('<p>第二段。</p>', '<p>第二段。补充一句。</p>')}`,
      },
    });
    await expect.poll(() => page.locator('#save-status').textContent()).toMatch(/^已自动保存 \d{2}:\d{2}:\d{2}$/);
    expect(await page.locator('input[name="version"]').inputValue()).toBe('4');

    // Nothing changed, nothing sent.
    await page.clock.runFor(10_000);
    expect(server.autosaves.length).toBe(1);
  });

  it('saves when the page is hidden, never two at once, and retries after a failure', async () => {
    // Hidden page: saved at once, no waiting for the timer.
    await edit('再补一句。');
    const hidden = await autosaveAfter(() => hidePage(page));
    expect(JSON.parse(hidden.body).version).toBe(4);

    // A slow save: further changes wait for it, then go with the version it produced.
    server.mode = 'hold';
    await edit('第三句。');
    await page.clock.runFor(5_000);
    await expect.poll(() => server.heldCount).toBe(1);
    await edit('第四句。');
    await page.clock.runFor(15_000);
    expect(server.heldCount).toBe(1);
    const count = server.autosaves.length;
    const answered = page.waitForResponse((r) => r.url().endsWith('/autosave'));
    server.release();
    await answered;
    await expect.poll(() => page.locator('input[name="version"]').inputValue()).toBe('6');
    const next = await autosaveAfter(() => page.clock.runFor(5_000));
    expect(server.autosaves.length).toBe(count + 1);
    expect(JSON.parse(next.body).version).toBe(6);
    expect(JSON.parse(next.body).fields.bodyHtml).toContain('第三句。第四句。');

    // A failure says so and tries again later.
    server.mode = 'fail';
    await edit('第五句。');
    await autosaveAfter(() => page.clock.runFor(5_000));
    await expect.poll(() => page.locator('#save-status').textContent()).toBe('自动保存失败,稍后重试');
    server.mode = 'ok';
    const retried = await autosaveAfter(() => page.clock.runFor(5_000));
    expect(JSON.parse(retried.body).fields.bodyHtml).toContain('第五句。');
    await expect.poll(() => page.locator('#save-status').textContent()).toMatch(/^已自动保存 /);
    expect(await page.locator('input[name="version"]').inputValue()).toBe('8');
  });

  it('on 409 shows the server message as an alert and stops autosaving', async () => {
    server.mode = 'conflict';
    await edit('冲突的修改。');
    await autosaveAfter(() => page.clock.runFor(5_000));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(CONFLICT_MESSAGE);
    expect(await page.locator('#save-status').textContent()).toBe(CONFLICT_MESSAGE);
    expect(await page.locator('input[name="version"]').inputValue()).toBe('8');

    // No more autosaves: not on a timer, not on hiding the page.
    const count = server.autosaves.length;
    server.mode = 'ok';
    await edit('再改一次。');
    await page.clock.runFor(60_000);
    await hidePage(page);
    expect(server.autosaves.length).toBe(count);
    expect(await bodyHtml(page)).toContain('冲突的修改。再改一次。');

    // Leaving with unsaved changes asks first.
    const asked = new Promise<string>((ok) =>
      page.once('dialog', (dialog) => {
        ok(dialog.type());
        void dialog.accept();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
  });
});
