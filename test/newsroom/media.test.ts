import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { MEDIA_LIMITS, storeImage } from '../../src/domain/media/media.service.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeArticle, makeChannels } from '../helpers/factories.ts';
import { type StaffClient, makeUser, signIn } from '../helpers/newsroom.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

interface FilePart {
  name: string;
  filename: string;
  type: string;
  bytes: Buffer;
}

/** A multipart/form-data body with fields first (as browsers send them in form order), then files. */
function multipart(fields: Record<string, string>, files: FilePart[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----inkstone-test-boundary-7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    chunks.push(file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let photo: Buffer;
let otherPhoto: Buffer;

/** A real photograph-like JPEG: a gradient with a shape, 1200×800. */
async function makeJpeg(hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><defs><linearGradient id="g"><stop offset="0" stop-color="hsl(${hue},60%,40%)"/><stop offset="1" stop-color="hsl(${hue + 90},60%,70%)"/></linearGradient></defs><rect width="1200" height="800" fill="url(#g)"/><circle cx="600" cy="400" r="200" fill="#fff"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

beforeAll(async () => {
  [photo, otherPhoto] = await Promise.all([makeJpeg(10), makeJpeg(200)]);
});

describeEachDialect('newsroom media library', (_fresh, dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const open = async () => {
    t = await buildTestApp(dialect);
    const channels = await makeChannels(t.db);
    await makeUser(t.db, 'chief', 'chief');
    await makeUser(t.db, 'reporter', 'reporter', [channels.world.id]);
    return { ...t, channels };
  };

  const upload = (app: TestApp['app'], client: StaffClient, files: FilePart[], fields: Record<string, string> = { _csrf: client.csrf }) =>
    app.inject({ method: 'POST', url: '/admin/media', cookies: { inkstone_session: client.cookie }, ...multipart(fields, files) });
  const jpegPart = (bytes: Buffer, filename = 'photo.jpg'): FilePart => ({ name: 'files', filename, type: 'image/jpeg', bytes });
  const mediaCount = async (db: TestApp['db']) => Number((await db.kysely.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const followRedirect = (client: StaffClient, res: LightMyRequestResponse) => client.get(res.headers.location as string);

  it('uploads a JPEG, lists it, serves it to the editor as JSON, and says so when the same image comes again', async () => {
    const { app, db, dataDir } = await open();
    const chief = await signIn(app, 'chief');
    const res = await upload(app, chief, [jpegPart(photo, '湖边.jpg')], { _csrf: chief.csrf, caption: '临湖公园的早晨', credit: '本网记者 张三 摄', alt: 'Lake at dawn' });
    expect(res.statusCode).toBe(303);
    const id = Number(/new=(\d+)/.exec(res.headers.location as string)?.[1]);
    expect(id).toBeGreaterThan(0);
    const page = await followRedirect(chief, res);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('已上传 1 张图片');
    expect(page.body).toContain('临湖公园的早晨');
    expect(page.body).toContain('enctype="multipart/form-data"');

    const api = await chief.get('/admin/api/media?q=lake');
    expect(api.statusCode).toBe(200);
    const items = api.json().items as Record<string, unknown>[];
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item).toMatchObject({ id, width: 960, height: 640, alt: 'Lake at dawn', caption: '临湖公园的早晨', credit: '本网记者 张三 摄' });
    expect(item.url).toMatch(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}-960\.jpg$/);
    expect(item.thumbUrl).toMatch(/-480\.jpg$/);
    expect(existsSync(path.join(dataDir, String(item.url)))).toBe(true);
    expect((await app.inject(String(item.thumbUrl))).headers['content-type']).toBe('image/jpeg');
    expect((await chief.get('/admin/api/media?q=nothing-like-this')).json().items).toEqual([]);

    const audit = await db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'media.upload').execute();
    expect(audit.map((a) => [a.username, a.target_id])).toEqual([['chief', String(id)]]);

    // The same bytes under another name: the existing item, nothing new stored, and the page says so.
    const again = await upload(app, chief, [jpegPart(photo, 'copy.jpeg')]);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(`/admin/media?dup=${id}`);
    const dupPage = await followRedirect(chief, again);
    expect(dupPage.body).toContain(`图片库中已有相同的图片 #${id}`);
    const viaApi = await app.inject({
      method: 'POST',
      url: '/admin/api/media',
      cookies: { inkstone_session: chief.cookie },
      ...multipart({}, [jpegPart(photo)]),
      headers: { ...multipart({}, []).headers, 'x-csrf-token': chief.csrf },
    });
    expect(viaApi.statusCode).toBe(200);
    expect(viaApi.json().items).toMatchObject([{ id, duplicate: true }]);
    expect(await mediaCount(db)).toBe(1);
  });

  it('refuses a text file named .jpg and a file over the size limit with a message, storing nothing', async () => {
    const { app, db, dataDir } = await open();
    const chief = await signIn(app, 'chief');
    const fake = await upload(app, chief, [jpegPart(otherPhoto, 'good.jpg'), jpegPart(Buffer.from('这不是图片,只是一段文字。\n'.repeat(20)), 'fake.jpg')]);
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('“fake.jpg”不是图片');
    expect(fake.body).toContain('本次上传没有保存任何图片');
    expect(await mediaCount(db)).toBe(0);

    const huge = Buffer.alloc(MEDIA_LIMITS.maxBytes + 1024, 0xff);
    photo.copy(huge);
    const big = await upload(app, chief, [jpegPart(huge, 'huge.jpg')]);
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('“huge.jpg”太大');
    expect(await mediaCount(db)).toBe(0);

    const api = await app.inject({
      method: 'POST',
      url: '/admin/api/media',
      cookies: { inkstone_session: chief.cookie },
      payload: multipart({}, [jpegPart(Buffer.from('plain text'), 'note.jpg')]).payload,
      headers: { ...multipart({}, []).headers, 'x-csrf-token': chief.csrf },
    });
    expect(api.statusCode).toBe(400);
    expect(api.json().error.code).toBe('VALIDATION');
    expect(api.json().error.problems[0]).toContain('note.jpg');
    expect(await mediaCount(db)).toBe(0);
    expect(existsSync(path.join(dataDir, 'media'))).toBe(false);
  });

  it('refuses an upload without the CSRF token and stores nothing', async () => {
    const { app, db } = await open();
    const chief = await signIn(app, 'chief');
    expect((await upload(app, chief, [jpegPart(photo)], {})).statusCode).toBe(403);
    expect((await upload(app, chief, [jpegPart(photo)], { _csrf: 'forged-token' })).statusCode).toBe(403);
    const api = await app.inject({ method: 'POST', url: '/admin/api/media', cookies: { inkstone_session: chief.cookie }, ...multipart({}, [jpegPart(photo)]) });
    expect(api.statusCode).toBe(403);
    expect(api.json().error.code).toBe('CSRF_INVALID');
    expect((await app.inject({ method: 'POST', url: '/admin/api/media', ...multipart({}, [jpegPart(photo)]) })).statusCode).toBe(401);
    expect(await mediaCount(db)).toBe(0);
  });

  it('lets a reporter upload but not change captions; an editor-in-chief can, and search finds the new text', async () => {
    const { app, db } = await open();
    const reporter = await signIn(app, 'reporter');
    const res = await app.inject({
      method: 'POST',
      url: '/admin/api/media',
      cookies: { inkstone_session: reporter.cookie },
      payload: multipart({ credit: '通讯员 李四 摄' }, [jpegPart(photo)]).payload,
      headers: { ...multipart({}, []).headers, 'x-csrf-token': reporter.csrf },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().items[0].id as number;
    const view = await reporter.get(`/admin/media/${id}`);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('需要编辑权限');
    expect(view.body).toContain(`-480.webp`);
    const refused = await reporter.post(`/admin/media/${id}`, { caption: '记者改的说明', credit: 'x', alt: 'y' });
    expect(refused.statusCode).toBe(403);
    expect((await db.kysely.selectFrom('media').select('caption').where('id', '=', id).executeTakeFirstOrThrow()).caption).toBe('');

    const chief = await signIn(app, 'chief');
    const saved = await chief.post(`/admin/media/${id}`, { caption: '青溪镇 Harvest 现场', credit: '通讯员 李四 摄', alt: '稻田' });
    expect(saved.statusCode).toBe(303);
    expect((await chief.get(`/admin/media/${id}?done=saved`)).body).toContain('青溪镇 Harvest 现场');
    const audit = await db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'media.edit').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toEqual({ caption: { from: '', to: '青溪镇 Harvest 现场' }, alt: { from: '', to: '稻田' } });
    // Case-insensitive on both databases, and every word must match.
    expect((await chief.get('/admin/api/media?q=harvest%20青溪')).json().items.map((i: { id: number }) => i.id)).toEqual([id]);
    expect((await chief.get('/admin/api/media?q=harvest%20城区')).json().items).toEqual([]);
    const list = await chief.get('/admin/media?q=%E9%9D%92%E6%BA%AA');
    expect(list.body).toContain(`href="/admin/media/${id}"`);
  });

  it('pages the library newest first', async () => {
    const { app, db, dataDir } = await open();
    const small = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#808080' } }).png().toBuffer();
    const ids: number[] = [];
    for (let i = 0; i < 41; i++) {
      // One pixel differs per image, so each is a new item.
      const bytes = await sharp(small).composite([{ input: { create: { width: 1, height: 1, channels: 3, background: { r: i * 6, g: 0, b: 0 } } }, left: i % 40, top: 0 }]).png().toBuffer();
      ids.push((await storeImage(db, dataDir, bytes, { caption: `第${i}张` })).id);
    }
    const chief = await signIn(app, 'chief');
    const first = await chief.get('/admin/media');
    expect(first.body).toContain(`href="/admin/media/${ids[40]}"`);
    expect(first.body).not.toContain(`href="/admin/media/${ids[0]}"`);
    expect(first.body).toContain('href="/admin/media?page=2"');
    const second = await chief.get('/admin/media?page=2');
    expect(second.body).toContain(`href="/admin/media/${ids[0]}"`);
  });

  it('shows figures with data-media-id as responsive WebP/JPEG pictures on the public article page', async () => {
    const { app, db, dataDir, channels } = await open();
    const first = await storeImage(db, dataDir, photo, { alt: '湖' });
    const second = await storeImage(db, dataDir, otherPhoto, { alt: '山' });
    const figure = (id: number, alt: string) =>
      `<figure><img src="https://elsewhere.example/x.jpg" alt="${alt}" width="960" height="640" data-media-id="${id}"><figcaption>说明 <span class="credit">摄</span></figcaption></figure>`;
    const article = await makeArticle(db, channels.world.id, {
      publishedAt: '2025-05-19T02:28:00Z',
      bodyHtml: `<p>第一段。</p>${figure(first.id, '湖 &quot;上&quot; &lt;b&gt;')}<p>第二段。</p>${figure(second.id, '')}<p><img src="https://elsewhere.example/y.jpg" alt="外链"></p>`,
    });
    const res = await app.inject(`/news/world/2025/05/19/${article.id}.html`);
    expect(res.statusCode).toBe(200);
    const body = res.body.slice(res.body.indexOf('class="article-body"'));
    const pictures = [...body.matchAll(/<picture>([\s\S]*?)<\/picture>/g)].map((m) => m[1]!);
    expect(pictures).toHaveLength(2);
    const [one, two] = pictures as [string, string];
    expect(one).toMatch(/<source type="image\/webp" srcset="\/media\/\S+-480\.webp 480w, \/media\/\S+-960\.webp 960w, \/media\/\S+-1200\.webp 1200w" sizes="[^"]+">/);
    expect(one).toMatch(/<img src="\/media\/\S+-960\.jpg" srcset="\/media\/\S+-480\.jpg 480w, [^"]+1200\.jpg 1200w" sizes="[^"]+" width="960" height="640"/);
    expect(one).toContain('alt="湖 &quot;上&quot; &lt;b&gt;"');
    expect(one).toContain('loading="eager"');
    expect(two).toContain('loading="lazy"');
    expect(two).toContain('alt="山"');
    expect(body).not.toContain('elsewhere.example/x.jpg');
    // An image that is not from the library stays as it was.
    expect(body).toContain('src="https://elsewhere.example/y.jpg"');
  });
});
