import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeChannels } from '../helpers/factories.ts';
import { makeUser, signIn, type StaffClient } from '../helpers/newsroom.ts';
import { sharedPath } from '../helpers/shared.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

/** A multipart body as a browser sends the import form. */
function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = '----inkstone-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: text/html\r\n\r\n`));
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function textareaValue(html: string, id: string): string {
  const raw = new RegExp(`<textarea id="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)?.[1] ?? '';
  return raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;|&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function inputValue(html: string, id: string): string {
  return (new RegExp(`<input id="${id}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? '').replace(/&amp;/g, '&');
}

let source: Server;
let sourceBase = '';
/** How many times the source server was asked for a page (not a picture). */
let pageRequests = 0;
beforeAll(async () => {
  const photo = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#557755' } }).jpeg().toBuffer();
  source = createServer((req, res) => {
    if (req.url === '/photo.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo);
    pageRequests++;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<html><head><title>湖区候鸟数量创新高_华中新闻网</title></head><body><div class="nav">首页 新闻</div><article><h1>湖区候鸟数量创新高</h1><p class="info">来源:华中新闻网 2025-11-20 09:30</p>` +
        `<p>华中社临湖11月20日电 今年入冬以来,临湖湿地观测到的越冬候鸟数量达到三万余只,创下有记录以来的新高。保护区工作人员介绍,湿地恢复工程完成后,水位更加稳定。</p>` +
        `<figure><img src="/photo.jpg"><figcaption>湿地上空的候鸟。华中社记者 王林 摄</figcaption></figure>` +
        `<p>观鸟爱好者表示,今年还首次拍到了白鹤在临湖停歇的画面,这说明湿地生态正在持续向好,周边村庄也因此发展起了观鸟旅游。</p></article><div class="footer">版权所有</div></body></html>`,
    );
  });
  await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
  sourceBase = `http://127.0.0.1:${(source.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => source.close(() => resolve())));

describeEachDialect('the import page', (_fresh, dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  async function open(allowPrivate: boolean): Promise<{ t: TestApp; client: StaffClient }> {
    t = await buildTestApp(dialect, { importAllowPrivate: allowPrivate });
    await makeChannels(t.db);
    await makeUser(t.db, 'chief', 'chief');
    return { t, client: await signIn(t.app, 'chief') };
  }
  const post = (tt: TestApp, client: StaffClient, body: ReturnType<typeof multipart>) =>
    tt.app.inject({ method: 'POST', url: '/admin/import', cookies: { inkstone_session: client.cookie }, ...body });

  it('turns the pasted seed page into an attributed draft in the editor form', async () => {
    const { t, client } = await open(false);
    const pasted = readFileSync(sharedPath('seed', '000_6a1b3f7d972bca36.txt'), 'utf8');
    const res = await post(t, client, multipart({ _csrf: client.csrf, pasted, url: '' }));
    expect(res.statusCode).toBe(200);
    expect(inputValue(res.body, 'title')).toBe('俄乌时隔三年谈判未实现突破 特朗普称将给他们打电话');
    expect(inputValue(res.body, 'sourceName')).toBe('新华网');
    expect(inputValue(res.body, 'dateline')).toBe('新华社北京5月18日电');
    expect(inputValue(res.body, 'reporters')).toBe('栾海、高山、王腾飞、刘磊、江宥林');
    // The page's breadcrumb (首页 >> 国际新闻 >> 正文) names a channel this portal has: the draft goes there.
    const world = await t.db.kysely.selectFrom('channels').select('id').where('name', '=', '国际新闻').executeTakeFirstOrThrow();
    expect(/<select id="channelId"[\s\S]*?<option value="(\d+)" selected/.exec(res.body)?.[1]).toBe(String(world.id));
    // The seed page's 编辑:但堂丹 is the other site's editor: told beside the draft, not put in our editor field.
    expect(res.body).toContain('原稿责任编辑:但堂丹');
    expect(inputValue(res.body, 'editorName')).not.toBe('但堂丹');
    expect(res.body).not.toMatch(/<input type="checkbox" id="isOriginal"[^>]*checked/);
    const body = textareaValue(res.body, 'body-html');
    expect(body).toContain('<h2>拉夫罗夫:美国发挥了积极作用</h2>');
    expect(body).not.toContain('上一篇');
    expect(res.body).toContain('action="/admin/articles"');
  });

  it('imports a URL with its picture into the media library, and warns about a second import', async () => {
    const { t, client } = await open(true);
    const res = await post(t, client, multipart({ _csrf: client.csrf, pasted: '', url: `${sourceBase}/news/1.html` }));
    expect(res.statusCode).toBe(200);
    expect(inputValue(res.body, 'title')).toBe('湖区候鸟数量创新高');
    const body = textareaValue(res.body, 'body-html');
    expect(body).toMatch(/<img src="\/media\/[^"]+\.jpg" width="\d+" height="\d+" data-media-id="\d+"/);
    expect(body).toContain('<span class="credit">');
    // Beside the draft, the page as its reader saw it: the footer the draft leaves out is there to compare.
    const original = /<div class="original-text">([\s\S]*?)<\/details>\s*<\/section>/.exec(res.body)?.[1] ?? '';
    expect(original).toContain('越冬候鸟数量达到三万余只');
    // …with what the draft left out faded: the footer line is marked dropped, the story's lines are not.
    expect(original).toMatch(/<div class="dropped">[^<]*版权所有/);
    expect(original).not.toMatch(/<div class="dropped">[^<]*越冬候鸟/);
    expect(body).not.toContain('版权所有');
    const media = await t.db.kysely.selectFrom('media').selectAll().execute();
    expect(media).toHaveLength(1);
    expect(media[0]!.caption).toContain('候鸟');

    // Save it as a draft through the ordinary form, then import the same page again.
    const fields: Record<string, string> = {};
    for (const id of ['title', 'sourceName', 'sourceUrl', 'originalTitle', 'dateline', 'reporters', 'editorName']) fields[id] = inputValue(res.body, id);
    const saved = await client.post('/admin/articles', { ...fields, channelId: String((await t.db.kysely.selectFrom('channels').select('id').executeTakeFirstOrThrow()).id), bodyHtml: body });
    expect(saved.statusCode).toBe(303);
    const id = Number(/\/admin\/articles\/(\d+)/.exec(saved.headers.location as string)?.[1]);
    const again = await post(t, client, multipart({ _csrf: client.csrf, pasted: '', url: `${sourceBase}/news/1.html` }));
    expect(again.body).toContain('已有来源网址相同的稿件');
    expect(again.body).toContain(`href="/admin/articles/${id}"`);

    // The offer: update that article with this draft, over the version the review showed.
    const offer = new RegExp(`formaction="/admin/articles/${id}/update-from-import" name="baseVersion" value="(\\d+)"`).exec(again.body);
    expect(offer).not.toBeNull();
    // The review put the draft in the article's own channel.
    const channelId = /<select id="channelId"[\s\S]*?<option value="(\d+)" selected/.exec(again.body)?.[1] ?? '';
    const update = { ...fields, title: '湖区候鸟数量创历史新高', channelId, bodyHtml: body };
    // A version older than the article's is someone else's later edit: refused, nothing changed.
    const stale = await client.post(`/admin/articles/${id}/update-from-import`, { ...update, baseVersion: String(Number(offer?.[1]) - 1) });
    expect(stale.statusCode).toBe(409);
    const updated = await client.post(`/admin/articles/${id}/update-from-import`, { ...update, baseVersion: offer?.[1] ?? '' });
    expect(updated.statusCode).toBe(303);
    expect(updated.headers.location).toBe(`/admin/articles/${id}?done=saved`);
    const rows = await t.db.kysely.selectFrom('articles').select(['id', 'title']).execute();
    expect(rows).toEqual([{ id, title: '湖区候鸟数量创历史新高' }]);
    // The text it had before is in its revisions.
    const revisions = await t.db.kysely.selectFrom('revisions').select('snapshot').where('article_id', '=', id).execute();
    expect(revisions.map((r) => (JSON.parse(r.snapshot) as { title: string }).title)).toContain('湖区候鸟数量创新高');
  });

  it('reads an uploaded page or a paste as the page, with the address beside it as its source URL and picture base', async () => {
    const { t, client } = await open(true);
    const saved = `<html><head><title>湿地观鸟季开幕_华中新闻网</title><meta name="keywords" content="观鸟屋,候鸟,新闻,体育"></head><body><article><h1>湿地观鸟季开幕</h1><p class="info">来源:华中新闻网 2025-11-21 08:00</p>
<p>（原标题：东岸三座观鸟屋迎客）</p><p>临湖湿地观鸟季今天开幕,保护区在东岸新建了三座观鸟屋,游客可以在不惊扰鸟群的情况下近距离观察越冬候鸟。</p>
<figure><img src="/photo.jpg"><figcaption>新建的观鸟屋。华中社记者 王林 摄</figcaption></figure>
<p>保护区提醒游客,观鸟时请保持安静,不要投喂,也不要使用闪光灯拍摄,以免影响候鸟休息和觅食。</p></article></body></html>`;
    const address = `${sourceBase}/news/2.html`;
    const before = pageRequests;
    const uploaded = await post(t, client, multipart({ _csrf: client.csrf, pasted: '', url: address }, { name: 'saved.html', content: Buffer.from(saved) }));
    expect(uploaded.statusCode).toBe(200);
    expect(inputValue(uploaded.body, 'title')).toBe('湿地观鸟季开幕');
    expect(inputValue(uploaded.body, 'sourceUrl')).toBe(address);
    // The repost's (原标题:…) is the original title the regulation asks for.
    expect(inputValue(uploaded.body, 'originalTitle')).toBe('东岸三座观鸟屋迎客');
    // The page's keywords that the story uses fill 关键词; the site-wide ones (新闻, 体育) do not.
    expect(inputValue(uploaded.body, 'keywords')).toBe('观鸟屋、候鸟');
    // The relative picture link is resolved against the address and the picture is in the media library.
    expect(textareaValue(uploaded.body, 'body-html')).toMatch(/<img src="\/media\/[^"]+\.jpg"[^>]*data-media-id="\d+"/);
    expect(await t.db.kysely.selectFrom('media').selectAll().execute()).toHaveLength(1);

    const pasted = await post(t, client, multipart({ _csrf: client.csrf, pasted: readFileSync(sharedPath('seed', '000_6a1b3f7d972bca36.txt'), 'utf8'), url: address }));
    expect(inputValue(pasted.body, 'title')).toBe('俄乌时隔三年谈判未实现突破 特朗普称将给他们打电话');
    expect(inputValue(pasted.body, 'sourceUrl')).toBe(address);
    // Neither import fetched the page from the address: what the editor gave is the page.
    expect(pageRequests).toBe(before);
  });

  it('refuses private addresses unless the setting allows them, and forged or empty forms', async () => {
    const { t, client } = await open(false);
    const blocked = await post(t, client, multipart({ _csrf: client.csrf, pasted: '', url: `${sourceBase}/news/1.html` }));
    expect(blocked.statusCode).toBe(422);
    // Why, in the newsroom's language (not the fetcher's English message).
    expect(blocked.body).toContain('无法导入: 该网址指向内网或本机地址,出于安全原因不能抓取。');
    expect(blocked.body).not.toContain('private or loopback');
    const ftp = await post(t, client, multipart({ _csrf: client.csrf, pasted: '', url: 'ftp://example.com/a.html' }));
    expect(ftp.body).toContain('网址无效(只能导入 http:// 或 https:// 开头的网址)。');
    const forged = await post(t, client, multipart({ _csrf: 'forged', pasted: 'x', url: '' }));
    expect(forged.statusCode).toBe(403);
    const empty = await post(t, client, multipart({ _csrf: client.csrf, pasted: '  ', url: '' }));
    expect(empty.statusCode).toBe(400);
    expect(await t.db.kysely.selectFrom('articles').selectAll().execute()).toHaveLength(0);
  });

  it('says in words when the other site cannot be reached', async () => {
    const { t, client } = await open(true);
    const refused = await post(t, client, multipart({ _csrf: client.csrf, pasted: '', url: 'http://127.0.0.1:1/news.html' }));
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('无法导入: 无法连接对方网站。 (ECONNREFUSED)');
  });
});
