import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/domain/audit/audit.service.ts';
import { appendBlockItem } from '../../src/domain/blocks/block.service.ts';
import { getSiteSettings } from '../../src/domain/settings/site-settings.ts';
import { findUserByUsername } from '../../src/domain/users/user.service.ts';
import { buildDeliveryApp } from '../delivery/delivery-app.ts';
import { DIALECTS, createTestDb, describeEachDialect, dialectAvailable } from '../helpers/databases.ts';
import { makeArticle, makeChannels } from '../helpers/factories.ts';
import { type StaffClient, form as formBody, makeUser, signIn } from '../helpers/newsroom.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

const PAGES = ['/admin/channels', '/admin/settings', '/admin/blocks', '/admin/audit', '/admin/users'] as const;
/** Who may open which page (the policy module decides; this is what a user would notice). */
const ALLOWED: Record<(typeof PAGES)[number], string[]> = {
  '/admin/channels': ['admin'],
  '/admin/settings': ['admin'],
  '/admin/blocks': ['admin', 'chief', 'editor'],
  '/admin/audit': ['admin', 'chief'],
  '/admin/users': ['admin'],
};
const XSS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];

function settingsForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: '临湖新闻网',
    shortName: '临湖网',
    tagline: '',
    logoUrl: '',
    ownSourceLabel: '本网',
    copyrightOwn: '版权所有',
    disclaimerRepost: '转载声明',
    contactNotice: '联系我们',
    icpNumber: '',
    newsLicence: '',
    timeZone: 'Asia/Shanghai',
    locale: 'zh-CN',
    ...overrides,
  };
}

/** Titles of the 新媒体 block on the home page, in order. */
function newMediaTitles(body: string): string[] {
  const block = /<section class="panel new-media">([\s\S]*?)<\/section>/.exec(body)?.[1] ?? '';
  return [...block.matchAll(/<a href="[^"]*" title="([^"]*)"/g)].map((m) => m[1]!);
}

/**
 * What a browser would run: script elements and event-handler attributes. A payload that shows
 * up only as text or inside a quoted attribute value is inert.
 */
function liveScripts(html: string): string[] {
  const { document } = parseHTML(html);
  const found: string[] = [];
  for (const script of document.querySelectorAll('script')) {
    // JSON-LD is data, not code; it must still not break out of its element (checked by the parse).
    const type = script.getAttribute('type') ?? '';
    if (type === 'application/ld+json') {
      JSON.parse(script.textContent ?? '');
      continue;
    }
    if (script.textContent?.includes('alert(1)')) found.push(script.outerHTML);
  }
  for (const element of document.querySelectorAll('*')) {
    for (const attr of Array.from(element.attributes) as { name: string; value: string }[]) {
      if (attr.name.startsWith('on') || /^\s*javascript:/i.test(attr.value)) found.push(`${element.tagName} ${attr.name}=${attr.value}`);
    }
  }
  return found;
}

async function auditActions(t: TestApp): Promise<string[]> {
  return (await listAudit(t.db, { page: 1, pageSize: 500 })).rows.map((r) => r.action);
}

describeEachDialect('newsroom admin pages', (_fresh, dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const open = async () => {
    t = await buildTestApp(dialect);
    const channels = await makeChannels(t.db);
    await makeUser(t.db, 'admin', 'admin');
    return { t, channels, admin: await signIn(t.app, 'admin') };
  };

  it('opens each page only for the roles allowed to use it, for reading and for writing', async () => {
    const { t, channels } = await open();
    for (const role of ['chief', 'editor', 'reporter'] as const) await makeUser(t.db, role, role, [channels.news.id]);
    for (const role of ['admin', 'chief', 'editor', 'reporter']) {
      const client = await signIn(t.app, role);
      for (const page of PAGES) {
        const res = await client.get(page);
        expect(`${role} ${page} ${res.statusCode}`).toBe(`${role} ${page} ${ALLOWED[page].includes(role) ? 200 : 403}`);
      }
    }
    const editor = await signIn(t.app, 'editor');
    expect((await editor.post('/admin/settings', settingsForm({ name: '被篡改' }))).statusCode).toBe(403);
    expect((await editor.post(`/admin/channels/${channels.news.id}`, { name: 'x', slug: 'x', kind: 'list' })).statusCode).toBe(403);
    expect((await editor.post('/admin/users', { username: 'sneaky', password: 'long enough pw', realName: 'x', role: 'admin' })).statusCode).toBe(403);
    // The pages speak English on request.
    const english = await t.app.inject({ url: '/admin/settings', cookies: { inkstone_session: (await signIn(t.app, 'admin')).cookie, inkstone_lang: 'en' } });
    expect(english.body).toContain('Site name');
    expect(english.body).toContain('Time zone');
    const reporter = await signIn(t.app, 'reporter');
    expect((await reporter.post('/admin/blocks/items', { title: 'x', url: '/' })).statusCode).toBe(403);
    expect((await getSiteSettings(t.db)).name).not.toBe('被篡改');
    expect(await findUserByUsername(t.db, 'sneaky')).toBeUndefined();
    // A write without the CSRF token is refused even for an administrator.
    const admin = await signIn(t.app, 'admin');
    const forged = await t.app.inject({ method: 'POST', url: '/admin/settings', cookies: { inkstone_session: admin.cookie }, payload: settingsForm({ name: '伪造' }) });
    expect(forged.statusCode).toBe(403);
  });

  it('changes a slug through the form, and the old channel and article URLs answer 301', async () => {
    const { t, channels, admin } = await open();
    const article = await makeArticle(t.db, channels.world.id);
    const before = await t.app.inject('/news/world/');
    expect(before.statusCode).toBe(200);
    const articleUrl = /href="(\/news\/world\/\d{4}\/\d{2}\/\d{2}\/\d+\.html)"/.exec(before.body)?.[1];
    expect(articleUrl).toContain(`/${article.id}.html`);

    const res = await admin.post(`/admin/channels/${channels.news.id}`, { name: '新闻中心', slug: 'xinwen', kind: 'list', inNav: '1' });
    expect(res.statusCode).toBe(303);
    const oldChannel = await t.app.inject('/news/');
    expect(oldChannel.statusCode).toBe(301);
    expect(oldChannel.headers.location).toBe('/xinwen/');
    const oldChild = await t.app.inject('/news/world/');
    expect(oldChild.statusCode).toBe(301);
    expect(oldChild.headers.location).toBe('/xinwen/world/');
    const oldArticle = await t.app.inject(articleUrl!);
    expect(oldArticle.statusCode).toBe(301);
    expect(oldArticle.headers.location).toBe(articleUrl!.replace('/news/', '/xinwen/'));
    expect((await t.app.inject('/')).body).toContain('新闻中心');

    // A slug already used by a sibling is refused with a message, and nothing changes.
    const clash = await admin.post(`/admin/channels/${channels.gov.id}`, { name: '政务', slug: 'xinwen', kind: 'list', inNav: '1' });
    expect(clash.statusCode).toBe(400);
    expect(clash.body).toContain('网址名已被同级的其他栏目使用');
    expect((await t.app.inject('/gov/')).statusCode).toBe(200);

    // Create a channel and move it up: the nav bar follows.
    expect((await admin.post('/admin/channels', { name: '体育', slug: 'sports', kind: 'list', inNav: '1', parentId: '' })).statusCode).toBe(303);
    const nav = (body: string) => [...(/<nav[^>]*class="[^"]*channel-bar[\s\S]*?<\/nav>/.exec(body)?.[0] ?? body).matchAll(/>(新闻中心|政务|体育)</g)].map((m) => m[1]);
    expect(nav((await t.app.inject('/')).body)).toEqual(['新闻中心', '政务', '体育']);
    const sports = (await t.app.inject('/sports/')).statusCode;
    expect(sports).toBe(200);
    const page = await admin.get('/admin/channels');
    const sportsId = /id="channel-(\d+)"[\s\S]*?体育/.exec(page.body.slice(page.body.lastIndexOf('id="channel-', page.body.indexOf('>体育<'))))?.[1];
    expect((await admin.post(`/admin/channels/${sportsId}/move`, { direction: 'up' })).statusCode).toBe(303);
    expect(nav((await t.app.inject('/')).body)).toEqual(['新闻中心', '体育', '政务']);
    // Hiding from the nav bar.
    await admin.post(`/admin/channels/${sportsId}`, { name: '体育', slug: 'sports', kind: 'list' });
    expect(nav((await t.app.inject('/')).body)).toEqual(['新闻中心', '政务']);

    const actions = await auditActions(t);
    expect(actions).toEqual(expect.arrayContaining(['channel.update', 'channel.create', 'channel.move']));
  });

  it('moves a channel to another parent from its form, and deletes a channel only once it is empty', async () => {
    const { t, channels, admin } = await open();
    const article = await makeArticle(t.db, channels.world.id, { title: '国际快讯' });
    const oldUrl = /href="(\/news\/world\/[^"]+\.html)"/.exec((await t.app.inject('/news/world/')).body)?.[1];
    expect(oldUrl).toContain(`/${article.id}.html`);

    // The edit form offers every channel outside the channel's own subtree as its parent.
    const form = await admin.get(`/admin/channels/${channels.news.id}`);
    const parentSelect = /<select id="e-parent"[\s\S]*?<\/select>/.exec(form.body)?.[0] ?? '';
    expect(parentSelect).toContain('政务');
    expect(parentSelect).not.toContain('国际新闻');

    const moved = await admin.post(`/admin/channels/${channels.world.id}`, { name: '国际新闻', slug: 'world', kind: 'list', inNav: '1', parentId: String(channels.gov.id) });
    expect(moved.statusCode).toBe(303);
    expect((await t.app.inject('/gov/world/')).statusCode).toBe(200);
    const oldChannel = await t.app.inject('/news/world/');
    expect([oldChannel.statusCode, oldChannel.headers.location]).toEqual([301, '/gov/world/']);
    const oldArticle = await t.app.inject(oldUrl!);
    expect([oldArticle.statusCode, oldArticle.headers.location]).toEqual([301, oldUrl!.replace('/news/world/', '/gov/world/')]);

    // Under its own sub-channel: refused with a sentence, nothing moves.
    const loop = await admin.post(`/admin/channels/${channels.gov.id}`, { name: '政务', slug: 'gov', kind: 'list', inNav: '1', parentId: String(channels.world.id) });
    expect(loop.statusCode).toBe(400);
    expect(loop.body).toContain('栏目不能移到自己或自己的下级栏目下面');
    expect((await t.app.inject('/gov/')).statusCode).toBe(200);

    // Deleting: refused while stories or sub-channels remain, then allowed.
    const full = await admin.post(`/admin/channels/${channels.world.id}/delete`, {});
    expect(full.statusCode).toBe(400);
    expect(full.body).toContain('这个栏目里还有稿件');
    const parent = await admin.post(`/admin/channels/${channels.gov.id}/delete`, {});
    expect(parent.body).toContain('这个栏目还有下级栏目');
    expect((await admin.post(`/admin/channels/${channels.news.id}/delete`, {})).statusCode).toBe(303);
    expect((await t.app.inject('/news/')).statusCode).toBe(404);
    expect((await t.app.inject('/')).body).not.toContain('>新闻<');
    const forged = await t.app.inject({ method: 'POST', url: `/admin/channels/${channels.gov.id}/delete`, cookies: { inkstone_session: admin.cookie }, ...formBody({ _csrf: 'forged' }) });
    expect(forged.statusCode).toBe(403);
    expect((await t.app.inject('/gov/')).statusCode).toBe(200);
    expect(await auditActions(t)).toEqual(expect.arrayContaining(['channel.delete']));
  });

  it('refuses invalid settings with a message beside the field and saves nothing', async () => {
    const { t, admin } = await open();
    const before = await getSiteSettings(t.db);
    const empty = await admin.post('/admin/settings', settingsForm({ name: '  ', tagline: '不应保存' }));
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('不能为空');
    expect(empty.body).toContain('aria-invalid="true"');
    // The typed values come back in the form, not lost.
    expect(empty.body).toContain('不应保存');
    const zone = await admin.post('/admin/settings', settingsForm({ timeZone: 'Mars/Olympus' }));
    expect(zone.statusCode).toBe(400);
    expect(zone.body).toContain('未知的时区');
    const logo = await admin.post('/admin/settings', settingsForm({ logoUrl: 'javascript:alert(1)' }));
    expect(logo.statusCode).toBe(400);
    expect(await getSiteSettings(t.db)).toEqual(before);
    expect(await auditActions(t)).not.toContain('settings.update');

    const ok = await admin.post('/admin/settings', settingsForm({ name: '临湖日报网', icpNumber: '湖ICP备12345号' }));
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/admin/settings?done=saved');
    const saved = await getSiteSettings(t.db);
    expect(saved.name).toBe('临湖日报网');
    expect(saved.icpNumber).toBe('湖ICP备12345号');
    const home = await t.app.inject('/');
    expect(home.body).toContain('临湖日报网');
    expect(home.body).toContain('湖ICP备12345号');
    const audit = await admin.get('/admin/audit?action=settings.update');
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('settings.update');
    expect(audit.body).toContain('临湖日报网');
    expect(audit.body).toContain('127.0.0.1');
  });

  it('adds, edits, reorders (by the no-JS buttons and by JSON) and deletes 新媒体 items, as readers see them', async () => {
    const { t, channels } = await open();
    await makeUser(t.db, 'editor', 'editor', [channels.news.id]);
    const editor = await signIn(t.app, 'editor');
    for (const title of ['临湖发布', '临湖日报', '临湖视频']) {
      const res = await editor.post('/admin/blocks/items', { title, url: `https://example.com/${encodeURIComponent(title)}`, account: '微信公众号', imageMediaId: '' });
      expect(res.statusCode).toBe(303);
    }
    expect(newMediaTitles((await t.app.inject('/')).body)).toEqual(['临湖发布', '临湖日报', '临湖视频']);
    const page = await editor.get('/admin/blocks');
    const ids = [...page.body.matchAll(/<li data-id="(\d+)" id="item-\d+"/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(3);
    // The last item moves up by its button (a plain form): works without JavaScript.
    const moved = await editor.post(`/admin/blocks/items/${ids[2]}/move`, { direction: 'up' });
    expect(moved.statusCode).toBe(303);
    expect(newMediaTitles((await t.app.inject('/')).body)).toEqual(['临湖发布', '临湖视频', '临湖日报']);
    // Drag and drop posts the whole order as JSON with the token in a header.
    const json = await t.app.inject({
      method: 'POST',
      url: '/admin/blocks/order',
      cookies: { inkstone_session: editor.cookie },
      headers: { 'x-csrf-token': editor.csrf, accept: 'application/json' },
      payload: { block: 'newmedia', order: [ids[1], ids[0], ids[2]].map(Number) },
    });
    expect(json.statusCode).toBe(200);
    expect(newMediaTitles((await t.app.inject('/')).body)).toEqual(['临湖日报', '临湖发布', '临湖视频']);
    // A stale order (missing an item) is refused and changes nothing.
    const stale = await t.app.inject({
      method: 'POST',
      url: '/admin/blocks/order',
      cookies: { inkstone_session: editor.cookie },
      headers: { 'x-csrf-token': editor.csrf, accept: 'application/json' },
      payload: { block: 'newmedia', order: [Number(ids[0])] },
    });
    expect(stale.statusCode).toBe(400);
    expect(newMediaTitles((await t.app.inject('/')).body)).toEqual(['临湖日报', '临湖发布', '临湖视频']);
    // Edit and delete.
    expect((await editor.post(`/admin/blocks/items/${ids[0]}`, { title: '临湖发布(新)', url: '/news/', account: '微博', imageMediaId: '' })).statusCode).toBe(303);
    expect((await editor.post(`/admin/blocks/items/${ids[2]}/delete`, {})).statusCode).toBe(303);
    expect(newMediaTitles((await t.app.inject('/')).body)).toEqual(['临湖日报', '临湖发布(新)']);
    // Bad input: a javascript: link and an unknown image are refused with a message.
    const bad = await editor.post('/admin/blocks/items', { title: '坏链接', url: 'javascript:alert(1)', account: '', imageMediaId: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('链接须以 http://、https:// 或 / 开头');
    expect((await editor.post('/admin/blocks/items', { title: '无图', url: '/', account: '', imageMediaId: '9999' })).statusCode).toBe(400);
    expect(newMediaTitles((await t.app.inject('/')).body)).toEqual(['临湖日报', '临湖发布(新)']);

    const actions = await auditActions(t);
    expect(actions).toEqual(expect.arrayContaining(['block.add', 'block.reorder', 'block.update', 'block.delete']));
    const audit = await editor.get('/admin/audit');
    expect(audit.statusCode).toBe(403);
  });

  it('sets and clears the headline and orders the focus carousel from the blocks page', async () => {
    const { t, channels, admin } = await open();
    const a = await makeArticle(t.db, channels.news.id, { title: '焦点甲', isFocus: true });
    const b = await makeArticle(t.db, channels.news.id, { title: '焦点乙', isFocus: true });
    const c = await makeArticle(t.db, channels.gov.id, { title: '头条候选' });
    const focusTitles = (body: string) => [...(/<ul class="focus-strip">([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '').matchAll(/焦点[甲乙]/g)].map((m) => m[0]);
    expect(focusTitles((await t.app.inject('/')).body)).toEqual(['焦点乙', '焦点甲']);
    expect((await admin.post(`/admin/blocks/focus/${b.id}/move`, { direction: 'down' })).statusCode).toBe(303);
    expect(focusTitles((await t.app.inject('/')).body)).toEqual(['焦点甲', '焦点乙']);
    // Drag and drop sends the whole focus order as JSON.
    const json = await t.app.inject({
      method: 'POST',
      url: '/admin/blocks/order',
      cookies: { inkstone_session: admin.cookie },
      headers: { 'x-csrf-token': admin.csrf },
      payload: { block: 'focus', order: [b.id, a.id] },
    });
    expect(json.statusCode).toBe(200);
    expect(focusTitles((await t.app.inject('/')).body)).toEqual(['焦点乙', '焦点甲']);
    // An article that is not a focus story cannot be slipped into the order.
    expect((await admin.post('/admin/blocks/order', { block: 'focus', order: `${b.id},${a.id},${c.id}` })).statusCode).toBe(400);
    expect((await admin.post(`/admin/blocks/focus/${b.id}/move`, { direction: 'down' })).statusCode).toBe(303);
    expect(focusTitles((await t.app.inject('/')).body)).toEqual(['焦点甲', '焦点乙']);

    expect((await admin.post(`/admin/blocks/articles/${c.id}/flag`, { flag: 'headline', on: '1' })).statusCode).toBe(303);
    const headline = (body: string) => /<section class="headline"[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
    expect(headline((await t.app.inject('/')).body)).toContain('头条候选');
    expect((await admin.post(`/admin/blocks/articles/${a.id}/flag`, { flag: 'headline', on: '1' })).statusCode).toBe(303);
    const home = (await t.app.inject('/')).body;
    expect(headline(home)).toContain('焦点甲');
    expect(headline(home)).not.toContain('头条候选');
    expect((await admin.post(`/admin/blocks/articles/${a.id}/flag`, { flag: 'headline', on: '0' })).statusCode).toBe(303);
    expect(headline((await t.app.inject('/')).body)).toBe('');
    expect((await admin.post(`/admin/blocks/articles/${a.id}/flag`, { flag: 'focus', on: '0' })).statusCode).toBe(303);
    expect(focusTitles((await t.app.inject('/')).body)).toEqual(['焦点乙']);

    expect(await auditActions(t)).toEqual(expect.arrayContaining(['block.reorder', 'block.headline.set', 'block.headline.clear', 'block.focus.clear']));
  });

  it('creates accounts, changes role and channels, disables (ending sessions), enables and resets passwords', async () => {
    const { t, channels, admin } = await open();
    const created = await admin.post('/admin/users', { username: 'Xiaoli', password: 'a fine long password', realName: '李小丽', role: 'reporter', channels: String(channels.world.id) });
    expect(created.statusCode).toBe(303);
    const user = (await findUserByUsername(t.db, 'xiaoli'))!;
    expect(user.display_name).toBe('李小丽');
    const list = await admin.get('/admin/users');
    expect(list.body).toContain('李小丽');
    expect(list.body).toContain('国际新闻');
    const weak = await admin.post('/admin/users', { username: 'weak', password: 'short', realName: '弱', role: 'reporter' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('至少 10 个字符');
    expect(await findUserByUsername(t.db, 'weak')).toBeUndefined();

    const reporter = await signIn(t.app, 'xiaoli', 'a fine long password');
    expect((await reporter.get('/admin/blocks')).statusCode).toBe(403);
    // Promote to editor of 新闻 and 政务: the open session sees the new rights at once.
    const access = `/admin/users/${user.id}`;
    const form = new URLSearchParams({ _csrf: admin.csrf, realName: '李小丽', role: 'editor' });
    form.append('channels', String(channels.news.id));
    form.append('channels', String(channels.gov.id));
    const promoted = await t.app.inject({ method: 'POST', url: access, cookies: { inkstone_session: admin.cookie }, payload: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(promoted.statusCode).toBe(303);
    expect((await reporter.get('/admin/blocks')).statusCode).toBe(200);
    expect((await admin.get('/admin/users')).body).toMatch(/新闻、政务/);

    expect((await admin.post(`${access}/disable`, {})).statusCode).toBe(303);
    const after = await reporter.get('/admin');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toContain('/admin/login');
    await expect(signIn(t.app, 'xiaoli', 'a fine long password')).rejects.toThrow();
    expect((await admin.post(`${access}/enable`, {})).statusCode).toBe(303);
    expect((await admin.post(`${access}/password`, { password: 'another long password' })).statusCode).toBe(303);
    await expect(signIn(t.app, 'xiaoli', 'a fine long password')).rejects.toThrow();
    await signIn(t.app, 'xiaoli', 'another long password');
    // An administrator cannot disable or demote themselves.
    const adminRow = (await findUserByUsername(t.db, 'admin'))!;
    expect((await admin.post(`/admin/users/${adminRow.id}/disable`, {})).statusCode).toBe(400);
    expect((await admin.post(`/admin/users/${adminRow.id}`, { realName: 'x', role: 'reporter' })).statusCode).toBe(400);

    const actions = await auditActions(t);
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'user.access', 'user.disable', 'user.enable', 'user.password']));
    const audit = await admin.get(`/admin/audit?user=admin&action=user.disable`);
    expect(audit.body).toContain('<td title="user.disable">停用账号</td>');
    expect(audit.body).not.toContain('title="user.enable"');
  });

  it('shows XSS payloads typed into settings and block titles as text on the public pages', async () => {
    const { t, channels, admin } = await open();
    await makeArticle(t.db, channels.news.id, { title: '普通稿件' });
    for (const payload of XSS) {
      const res = await admin.post('/admin/settings', settingsForm({ name: `临湖${payload}`, tagline: payload, shortName: payload, icpNumber: payload, newsLicence: payload, ownSourceLabel: `本网${payload}`, copyrightOwn: payload, contactNotice: payload }));
      expect(res.statusCode).toBe(303);
      expect((await admin.post('/admin/blocks/items', { title: `新媒体${payload}`, url: '/', account: payload, imageMediaId: '' })).statusCode).toBe(303);
      const home = await t.app.inject('/');
      const list = await t.app.inject('/news/');
      const articleUrl = /href="(\/news\/\d{4}\/\d{2}\/\d{2}\/\d+\.html)"/.exec(list.body)![1]!;
      const article = await t.app.inject(articleUrl);
      for (const body of [home.body, list.body, article.body, (await admin.get('/admin/settings')).body, (await admin.get('/admin/blocks')).body, (await admin.get('/admin/audit')).body]) {
        expect(liveScripts(body)).toEqual([]);
      }
      // The payload is still there for readers to see, as text.
      const { document } = parseHTML(home.body);
      expect(document.querySelector('.brand-name')?.textContent).toBe(`临湖${payload}`);
      const items = [...document.querySelectorAll('.new-media a')].map((a) => a.getAttribute('title'));
      expect(items).toContain(`新媒体${payload}`);
    }
  });
});

describe('settings and blocks reach a cached public site on the very next request', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  for (const dialect of DIALECTS) {
    it.skipIf(!dialectAvailable(dialect))(`purges the page cache on settings and block changes [${dialect}]`, async () => {
      const db = await createTestDb(dialect);
      const delivery = await buildDeliveryApp(db, { pageCache: true });
      cleanup = async () => {
        await delivery.close();
        await db.close();
      };
      const { app } = delivery;
      const channels = await makeChannels(db);
      await makeArticle(db, channels.news.id);
      await appendBlockItem(db, 'newmedia', { title: '甲', url: '/' });
      await appendBlockItem(db, 'newmedia', { title: '乙', url: '/' });
      await makeUser(db, 'admin', 'admin');
      const admin: StaffClient = await signIn(app, 'admin');
      const first = await app.inject('/');
      const second = await app.inject('/');
      expect(second.body).toBe(first.body);
      expect(second.headers.etag).toBe(first.headers.etag);

      expect((await admin.post('/admin/settings', settingsForm({ name: '缓存之后的新名字' }))).statusCode).toBe(303);
      const afterSettings = await app.inject('/');
      expect(afterSettings.body).toContain('缓存之后的新名字');
      expect((await app.inject('/news/')).body).toContain('缓存之后的新名字');

      const page = await admin.get('/admin/blocks');
      const ids = [...page.body.matchAll(/<li data-id="(\d+)" id="item-\d+"/g)].map((m) => m[1]!);
      expect((await admin.post(`/admin/blocks/items/${ids[1]}/move`, { direction: 'up' })).statusCode).toBe(303);
      expect(newMediaTitles((await app.inject('/')).body)).toEqual(['乙', '甲']);
    });
  }
});
