import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { makeArticle, makeChannels } from '../../../test/helpers/factories.ts';
import { wireFixture } from '../../../test/fixtures/wires/fixtures.ts';
import { type FeedItem, parseFeed } from './feed-parser.ts';
import { enqueueFeedItems } from './ingest-queue.service.ts';
import { listProviders, pollProvider } from './wire.service.ts';

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
    expect(await enqueueFeedItems(db, 'xinhua', [item(1), item(2), item(3)])).toEqual({ added: 2, known: 0, duplicates: 1 });
    expect(await enqueueFeedItems(db, 'xinhua', [item(1), item(4)])).toEqual({ added: 1, known: 1, duplicates: 0 });
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
      { added: 2, known: 0, duplicates: 0 },
      { added: 2, known: 0, duplicates: 0 },
    ]);
    expect(await poll()).toEqual([
      { added: 0, known: 2, duplicates: 0 },
      { added: 0, known: 2, duplicates: 0 },
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
    expect(after?.last_error).toMatch(/^the XML is not well-formed: <\w+> is never closed \(the feed may be cut off\)$/);
    expect(await db.kysely.selectFrom('ingest_items').selectAll().execute()).toEqual([]);
  });
});
