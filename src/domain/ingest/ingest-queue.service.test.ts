import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { makeArticle, makeChannels } from '../../../test/helpers/factories.ts';
import { wireFixture } from '../../../test/fixtures/wires/fixtures.ts';
import { type FeedItem, parseFeed } from './feed-parser.ts';
import { enqueueFeedItems } from './ingest-queue.service.ts';
import { listProviders, markQueueItem, pollProvider, wireNoticesFor } from './wire.service.ts';

const item = (n: number, url = `https://wire.example.cn/${n}.html`): FeedItem => ({
  guid: `wire-${n}`,
  url,
  title: `电讯稿 ${n}`,
  summary: `<p>摘要 ${n}</p>`,
  contentHtml: `<p>正文 ${n}</p><script>alert(1)</script>`,
  authors: ['栾海'],
  publishedAt: '2025-05-18T22:10:00+08:00',
  language: 'zh-CN',
  embargoUntil: null,
});

// Agencies' servers label their feeds loosely; the content decides the format, so neither type is the "right" one here.
const WIRES: Record<string, { type: string; fixture: string }> = {
  '/ninjs': { type: 'application/json', fixture: 'ninjs-2-items.json' },
  '/g2': { type: 'application/octet-stream', fixture: 'newsml-message.xml' },
};
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const wire = WIRES[req.url ?? ''];
    // A transfer cut off half-way, the way a flaky agency link delivers one.
    if (req.url === '/cut') return void res.writeHead(200, { 'content-type': 'text/xml' }).end(wireFixture('newsml-message.xml').subarray(0, 1500));
    if (!wire) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': wire.type }).end(wireFixture(wire.fixture));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describeEachDialect('ingest queue', (fresh) => {
  it('queues new items once per GUID, sanitised, and marks those that duplicate an article', async () => {
    const db = await fresh();
    const { world } = await makeChannels(db);
    const existing = await makeArticle(db, world.id, { sourceUrl: 'https://wire.example.cn/3.html' });
    expect(await enqueueFeedItems(db, 'xinhua', [item(1), item(2), item(3)])).toEqual({ added: 2, known: 0, duplicates: 1, withdrawn: 0, updated: 0 });
    expect(await enqueueFeedItems(db, 'xinhua', [item(1), item(4)])).toEqual({ added: 1, known: 1, duplicates: 0, withdrawn: 0, updated: 0 });
    // The same GUID from another provider is another item.
    expect((await enqueueFeedItems(db, 'cns', [item(1)])).added).toBe(1);
    const rows = await db.kysely.selectFrom('ingest_items').select(['provider', 'guid', 'status', 'article_id', 'body_html', 'published_at']).orderBy('id').execute();
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ provider: 'xinhua', guid: 'wire-1', status: 'new', article_id: null, body_html: '<p>正文 1</p>', published_at: '2025-05-18T14:10:00.000Z' });
    expect(rows[2]).toMatchObject({ guid: 'wire-3', status: 'skipped', article_id: existing.id });
  });

  it('polls a ninjs provider and a NewsML-G2 provider into the queue, clean, and only once per GUID', async () => {
    const db = await fresh();
    await db.kysely
      .insertInto('wire_providers')
      .values([
        { name: '北湾通讯', url: `${base}/ninjs`, interval_minutes: 15, enabled: 1, last_polled_at: null, last_error: '', created_at: '2025-11-20T00:00:00.000Z' },
        { name: '华中社', url: `${base}/g2`, interval_minutes: 15, enabled: 1, last_polled_at: null, last_error: '', created_at: '2025-11-20T00:00:00.000Z' },
      ])
      .execute();
    const fetch = { allowPrivateAddresses: true };
    const poll = async () => Promise.all((await listProviders(db)).map((provider) => pollProvider(db, provider, fetch)));

    expect(await poll()).toEqual([
      { added: 2, known: 0, duplicates: 0, withdrawn: 0, updated: 0 },
      { added: 2, known: 0, duplicates: 0, withdrawn: 0, updated: 0 },
    ]);
    expect(await poll()).toEqual([
      { added: 0, known: 2, duplicates: 0, withdrawn: 0, updated: 0 },
      { added: 0, known: 2, duplicates: 0, withdrawn: 0, updated: 0 },
    ]);
    expect((await listProviders(db)).map((p) => p.last_error)).toEqual(['', '']);

    const rows = await db.kysely.selectFrom('ingest_items').selectAll().orderBy('guid').execute();
    expect(rows.map((r) => [r.provider, r.guid, r.status])).toEqual([
      ['华中社', 'urn:example:hz:g2:20251120-bridge', 'new'],
      ['华中社', 'urn:example:hz:g2:20251120-orchard', 'new'],
      ['北湾通讯', 'urn:example:northbay:2025:ferry-0091', 'new'],
      ['北湾通讯', 'urn:example:northbay:2025:market-0092', 'new'],
    ]);
    const bridge = rows[0];
    expect(bridge).toMatchObject({ title: '青石江二桥合龙 明年通车', url: 'https://wire.example.cn/hz/20251120-bridge.html', authors: '["韩松","周云"]', published_at: '2025-11-20T01:45:00.000Z' });
    expect(bridge?.body_html).toContain('<p>华中社青石11月20日电 青石江二桥主跨20日顺利合龙');
    expect(bridge?.body_html).toContain('<span class="credit">华中社记者 周云 摄</span>');
    const ferry = rows[2];
    expect(ferry?.published_at).toBe('2025-11-19T21:05:00.000Z');
    for (const row of rows) {
      for (const hostile of ['<script', 'javascript:', 'onclick', 'onerror', 'onmouseover', '<iframe']) expect(row.body_html).not.toContain(hostile);
    }
  });

  it('keeps each item\'s language and embargo, the embargo in UTC whatever offset the agency wrote', async () => {
    const db = await fresh();
    const items = [...parseFeed(wireFixture('ninjs-2-embargoed.json')).items, ...parseFeed(wireFixture('newsml-embargoed.xml')).items];
    await enqueueFeedItems(db, '通稿', items);
    const rows = await db.kysely.selectFrom('ingest_items').select(['guid', 'language', 'embargo_until']).orderBy('guid').execute();
    expect(rows).toEqual([
      { guid: 'urn:example:jn:g2:1203-11', language: 'zh-Hans-CN', embargo_until: '2026-12-03T01:30:00.000Z' },
      { guid: 'urn:example:jn:g2:1203-12', language: 'en-GB', embargo_until: null },
      { guid: 'urn:example:northbay:2026:budget-0311', language: 'en-US', embargo_until: '2026-12-03T02:00:00.000Z' },
      { guid: 'urn:example:northbay:2026:marche-0312', language: 'fr', embargo_until: null },
    ]);
    // A feed that names no language stores none rather than a guess.
    await enqueueFeedItems(db, '无语种', [{ ...item(9), language: '' }]);
    expect((await db.kysely.selectFrom('ingest_items').select('language').where('provider', '=', '无语种').executeTakeFirstOrThrow()).language).toBeNull();
  });

  it('records a broken feed on its provider, one line, and queues nothing from it', async () => {
    const db = await fresh();
    const [provider] = await db.kysely
      .insertInto('wire_providers')
      .values({ name: '断线', url: `${base}/cut`, interval_minutes: 15, enabled: 1, last_polled_at: null, last_error: '', created_at: '2025-11-20T00:00:00.000Z' })
      .returningAll()
      .execute();
    expect(await pollProvider(db, provider!, { allowPrivateAddresses: true })).toBeUndefined();
    const [after] = await listProviders(db);
    // Kept with its kind (feed:, fetch:<code>), so that the newsroom can say it in the editor's language.
    expect(after?.last_error).toMatch(/^feed: the XML is not well-formed: <\w+> is never closed \(the feed may be cut off\)$/);
    expect(await db.kysely.selectFrom('ingest_items').selectAll().execute()).toEqual([]);
  });
  /** The queue row as the tests read it. */
  const row = (db: Awaited<ReturnType<typeof fresh>>, guid: string) =>
    db.kysely.selectFrom('ingest_items').selectAll().where('guid', '=', guid).executeTakeFirstOrThrow();
  const versioned = (n: number, version: number, extra: Partial<FeedItem> = {}): FeedItem => ({ ...item(n), version, versionCreated: `2025-05-18T2${version}:00:00+08:00`, ...extra });
  /** A newsroom where wire-1 (version 1) was imported into an article the editors retitled. */
  async function importedStory() {
    const db = await fresh();
    const { world } = await makeChannels(db);
    const article = await makeArticle(db, world.id, { title: '编辑改写的标题' });
    await enqueueFeedItems(db, 'xinhua', [versioned(1, 1)]);
    const queued = await row(db, 'wire-1');
    await markQueueItem(db, queued.id, 'imported', article.id);
    return { db, article, queued };
  }

  it('marks a queued item withdrawn when the agency kills it, once; a kill of a story never queued queues nothing', async () => {
    const db = await fresh();
    await enqueueFeedItems(db, 'xinhua', [versioned(1, 1), versioned(2, 1)]);
    const kill = versioned(1, 2, { withdrawn: true, title: '撤稿', contentHtml: '' });
    const never = versioned(7, 1, { withdrawn: true });
    expect(await enqueueFeedItems(db, 'xinhua', [kill, never])).toEqual({ added: 0, known: 0, duplicates: 0, withdrawn: 1, updated: 0 });
    const killed = await row(db, 'wire-1');
    expect(killed).toMatchObject({ status: 'withdrawn', title: '电讯稿 1', body_html: '<p>正文 1</p>', article_id: null });
    expect(killed.withdrawn_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await row(db, 'wire-2')).status).toBe('new');
    expect(await db.kysely.selectFrom('ingest_items').select('guid').where('guid', '=', 'wire-7').execute()).toEqual([]);
    expect(killed.withdrawn_from).toBe('new');
    // The same kill again changes nothing, and neither does the story it killed, sent once more.
    expect(await enqueueFeedItems(db, 'xinhua', [kill, versioned(1, 1)])).toEqual({ added: 0, known: 2, duplicates: 0, withdrawn: 0, updated: 0 });
    expect(await row(db, 'wire-1')).toEqual(killed);
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'username', 'target_type', 'target_id']).execute();
    expect(audit).toEqual([{ action: 'wire.withdrawn', username: 'wire', target_type: 'ingest_item', target_id: String(killed.id) }]);
  });

  it('puts a withheld story back when the agency releases it in a later version, and a late copy of the kill changes nothing', async () => {
    const db = await fresh();
    await enqueueFeedItems(db, 'xinhua', [versioned(1, 1)]);
    const withhold = versioned(1, 2, { withdrawn: true });
    expect((await enqueueFeedItems(db, 'xinhua', [withhold])).withdrawn).toBe(1);
    expect((await row(db, 'wire-1')).status).toBe('withdrawn');

    const release = versioned(1, 3, { title: '电讯稿 1(放行)', contentHtml: '<p>核实后的正文</p>' });
    expect(await enqueueFeedItems(db, 'xinhua', [release])).toEqual({ added: 0, known: 0, duplicates: 0, withdrawn: 0, updated: 1 });
    const released = await row(db, 'wire-1');
    expect(released).toMatchObject({ status: 'new', title: '电讯稿 1(放行)', body_html: '<p>核实后的正文</p>', withdrawn_at: null, withdrawn_from: null, version: 3 });
    expect((await enqueueFeedItems(db, 'xinhua', [withhold])).known).toBe(1);
    expect(await row(db, 'wire-1')).toEqual(released);
  });

  it('puts a released story that had been imported back to imported: its article is told of the update, not of a kill', async () => {
    const { db, article } = await importedStory();
    await enqueueFeedItems(db, 'xinhua', [versioned(1, 2, { withdrawn: true })]);
    expect((await wireNoticesFor(db, article.id)).map((n) => n.kind)).toEqual(['withdrawn']);
    await enqueueFeedItems(db, 'xinhua', [versioned(1, 3)]);
    expect(await row(db, 'wire-1')).toMatchObject({ status: 'imported', article_id: article.id });
    expect((await wireNoticesFor(db, article.id)).map((n) => n.kind)).toEqual(['updated']);
    const audit = await db.kysely.selectFrom('audit_log').select('action').where('action', 'like', 'wire.%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['wire.withdrawn', 'wire.released']);
  });

  it('ignores a kill older than the version it holds (withheld, then released in a later version)', async () => {
    const db = await fresh();
    await enqueueFeedItems(db, 'xinhua', [versioned(1, 3)]);
    expect((await enqueueFeedItems(db, 'xinhua', [versioned(1, 2, { withdrawn: true })])).known).toBe(1);
    expect((await row(db, 'wire-1')).status).toBe('new');
  });

  it('replaces a queued item with a later version (title, body, embargo, language), and a re-sent version changes nothing', async () => {
    const db = await fresh();
    await enqueueFeedItems(db, 'xinhua', [versioned(1, 1, { embargoUntil: '2025-05-20T08:00:00+08:00' })]);
    const first = await row(db, 'wire-1');
    expect(first).toMatchObject({ version: 1, version_created: '2025-05-18T13:00:00.000Z', agency_updated_at: null, embargo_until: '2025-05-20T00:00:00.000Z' });
    expect(await enqueueFeedItems(db, 'xinhua', [versioned(1, 1, { title: '同一版本' })])).toMatchObject({ known: 1, updated: 0 });
    expect(await row(db, 'wire-1')).toEqual(first);

    const correction = versioned(1, 2, { title: '电讯稿 1（更正）', contentHtml: '<p>更正后的正文</p>', language: 'en', embargoUntil: null });
    expect(await enqueueFeedItems(db, 'xinhua', [correction])).toEqual({ added: 0, known: 0, duplicates: 0, withdrawn: 0, updated: 1 });
    const updated = await row(db, 'wire-1');
    expect(updated).toMatchObject({ id: first.id, status: 'new', title: '电讯稿 1（更正）', body_html: '<p>更正后的正文</p>', language: 'en', embargo_until: null, version: 2 });
    expect(updated.agency_updated_at).not.toBeNull();
    // An older version arriving late is not a correction.
    expect((await enqueueFeedItems(db, 'xinhua', [versioned(1, 1)])).known).toBe(1);
    expect(await row(db, 'wire-1')).toEqual(updated);
    // Without version numbers, the later versionCreated decides; without either (RSS), nothing does.
    await enqueueFeedItems(db, 'rss', [{ ...item(5), versionCreated: '2025-05-18T10:00:00Z' }, item(6)]);
    expect((await enqueueFeedItems(db, 'rss', [{ ...item(5), title: '晚些', versionCreated: '2025-05-18T11:00:00Z' }, { ...item(6), title: '无版本' }])).updated).toBe(1);
    expect([(await row(db, 'wire-5')).title, (await row(db, 'wire-6')).title]).toEqual(['晚些', '电讯稿 6']);
  });

  it('leaves an article made from the item alone when a later version or a kill arrives, and tells its page', async () => {
    const { db, article, queued } = await importedStory();
    const before = await db.kysely.selectFrom('articles').selectAll().where('id', '=', article.id).executeTakeFirstOrThrow();

    expect((await enqueueFeedItems(db, 'xinhua', [versioned(1, 2, { title: '通讯社新版' })])).updated).toBe(1);
    expect(await row(db, 'wire-1')).toMatchObject({ status: 'imported', article_id: article.id, title: '通讯社新版' });
    expect(await wireNoticesFor(db, article.id)).toEqual([{ queueItemId: queued.id, provider: 'xinhua', kind: 'updated', at: expect.any(String) }]);

    expect((await enqueueFeedItems(db, 'xinhua', [versioned(1, 3, { withdrawn: true })])).withdrawn).toBe(1);
    expect(await wireNoticesFor(db, article.id)).toEqual([{ queueItemId: queued.id, provider: 'xinhua', kind: 'withdrawn', at: expect.any(String) }]);
    expect(await db.kysely.selectFrom('articles').selectAll().where('id', '=', article.id).executeTakeFirstOrThrow()).toEqual(before);
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'target_type', 'target_id']).where('action', 'like', 'wire.%').orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'wire.updated', target_type: 'article', target_id: String(article.id) },
      { action: 'wire.withdrawn', target_type: 'article', target_id: String(article.id) },
    ]);
  });

  it('flags an article the killed item was matched with as a duplicate: it is the same story', async () => {
    const db = await fresh();
    const { world } = await makeChannels(db);
    const existing = await makeArticle(db, world.id, { sourceUrl: 'https://wire.example.cn/3.html' });
    await enqueueFeedItems(db, 'xinhua', [versioned(3, 1)]);
    expect(await row(db, 'wire-3')).toMatchObject({ status: 'skipped', article_id: existing.id });
    await enqueueFeedItems(db, 'xinhua', [versioned(3, 2, { withdrawn: true })]);
    expect((await wireNoticesFor(db, existing.id)).map((n) => n.kind)).toEqual(['withdrawn']);
    const [audit] = await db.kysely.selectFrom('audit_log').select(['target_type', 'target_id', 'detail']).execute();
    expect(audit).toMatchObject({ target_type: 'article', target_id: String(existing.id) });
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ previousStatus: 'skipped', articleStatus: existing.status });
    // A later version of a duplicate is no news for the matched article: only an imported one is.
    await enqueueFeedItems(db, 'xinhua', [versioned(4, 1, { url: 'https://wire.example.cn/3.html' })]);
    await enqueueFeedItems(db, 'xinhua', [versioned(4, 2, { url: 'https://wire.example.cn/3.html', title: '新版' })]);
    expect((await wireNoticesFor(db, existing.id)).map((n) => n.kind)).toEqual(['withdrawn']);
  });

  it('flags a draft saved from an import review that was open when the kill came; the item stays withdrawn', async () => {
    const db = await fresh();
    const { world } = await makeChannels(db);
    await enqueueFeedItems(db, 'xinhua', [versioned(2, 1)]);
    const queued = await row(db, 'wire-2');
    await enqueueFeedItems(db, 'xinhua', [versioned(2, 2, { withdrawn: true })]);
    const late = await makeArticle(db, world.id, { title: '迟到的草稿' });
    await markQueueItem(db, queued.id, 'imported', late.id);
    expect(await row(db, 'wire-2')).toMatchObject({ status: 'withdrawn', article_id: late.id });
    expect((await wireNoticesFor(db, late.id)).map((n) => n.kind)).toEqual(['withdrawn']);
  });
});
