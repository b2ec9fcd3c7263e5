import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentChange } from '../../src/db/change-feed.ts';
import type { Db } from '../../src/db/create-db.ts';
import { type ChangeListening, listenForChanges } from '../../src/db/postgres-change-relay.ts';
import { findArticleRow, publishArticle, saveArticle } from '../../src/domain/articles/article-workflow.service.ts';
import { toArticle } from '../../src/domain/articles/article.ts';
import { fieldsOf } from '../../src/domain/articles/revision.service.ts';
import { systemActor } from '../../src/domain/users/actor.ts';
import { startServer } from '../../src/server.ts';
import { createSharedPostgresDbs, dialectAvailable } from '../helpers/databases.ts';
import { makeArticle, makeChannels } from '../helpers/factories.ts';
import { testPostgresUrl } from '../helpers/postgres-cluster.ts';
import { pageCacheOf } from '../../src/http/page-cache/page-cache.plugin.ts';
import { type DeliveryApp, buildDeliveryApp } from './delivery-app.ts';

/** The next change `db` hears, whoever made it. */
function nextChange(db: Db, kind?: ContentChange['kind']): Promise<ContentChange> {
  return new Promise((resolve) => {
    const stop = db.changes.subscribe((change) => {
      if (kind && change.kind !== kind) return;
      stop();
      resolve(change);
    });
  });
}

/** Requests `url` until the cache keeps it (it keeps nothing while a change is being checked). */
async function primeCache(t: DeliveryApp, url: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const before = t.cache!.size;
    await t.app.inject(url);
    if (t.cache!.size > before) return;
  }
  throw new Error(`${url} never entered the page cache`);
}

async function retitleAndPublish(db: Db, id: number, title: string) {
  const opened = toArticle((await findArticleRow(db, id))!);
  const saved = await saveArticle(db, systemActor(), id, opened.version, { ...fieldsOf(opened), title });
  await publishArticle(db, systemActor(), saved.id);
}

describe.skipIf(!dialectAvailable('postgres'))('several instances on one PostgreSQL database', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function twoInstances() {
    const shared = await createSharedPostgresDbs(2);
    cleanups.push(shared.close);
    const [a, b] = shared.dbs as [Db, Db];
    const apps: DeliveryApp[] = [await buildDeliveryApp(a), await buildDeliveryApp(b)];
    const listening: ChangeListening[] = [listenForChanges(a, shared.url), listenForChanges(b, shared.url)];
    cleanups.push(async () => {
      await Promise.all(listening.map((l) => l.stop()));
      await Promise.all(apps.map((app) => app.close()));
    });
    await Promise.all(listening.map((l) => l.ready));
    const { world } = await makeChannels(a);
    const created = nextChange(b, 'article');
    const story = await makeArticle(a, world.id, { title: '开发区新建人才公寓' });
    await created;
    // The second instance starts with the story in its cache.
    const url = (await apps[1]!.app.inject(`/x/2000/01/01/${story.id}.html`)).headers.location as string;
    await primeCache(apps[1]!, url);
    expect((await apps[1]!.app.inject(url)).body).toContain('开发区新建人才公寓');
    return { a, b, appA: apps[0]!, appB: apps[1]!, story, url, shared };
  }

  it('a story published on one instance is fresh on the other at its next request', async () => {
    const { a, b, appB, story, url } = await twoInstances();
    const heard = nextChange(b, 'article');
    await retitleAndPublish(a, story.id, '开发区人才公寓今年交付');
    expect(await heard).toMatchObject({ kind: 'article', articleId: story.id });
    const page = await appB.app.inject(url);
    expect(page.body).toContain('开发区人才公寓今年交付');
    expect(page.body).not.toContain('开发区新建人才公寓');
  });

  it('an instance does not hear its own changes twice', async () => {
    const { a, b, story } = await twoInstances();
    const heardByA: ContentChange[] = [];
    a.changes.subscribe((change) => heardByA.push(change));
    const heard = nextChange(b, 'article');
    await retitleAndPublish(a, story.id, '改过一次');
    await heard;
    // b has heard a's notification, so a's own copy would have arrived by now too.
    const articleEvents = heardByA.filter((c) => c.kind === 'article');
    expect(articleEvents.length).toBeGreaterThan(0);
    expect(new Set(articleEvents.map((c) => JSON.stringify(c))).size).toBe(articleEvents.length);
  });

  it('after losing its connection, an instance listens again and starts its caches afresh', async () => {
    const { a, b, appB, story, url, shared } = await twoInstances();
    // A change nobody announces, as one made while the connection was down would be.
    await a.kysely.updateTable('articles').set({ title: '断线期间改的标题' }).where('id', '=', story.id).execute();
    expect((await appB.app.inject(url)).body).not.toContain('断线期间改的标题');
    const schema = new URL(shared.url).searchParams.get('options')!.replace('-c search_path=', '');
    const flushed = nextChange(b, 'settings');
    const admin = new pg.Client({ connectionString: testPostgresUrl() });
    await admin.connect();
    const killed = await admin.query(`select pg_terminate_backend(pid) as ok from pg_stat_activity where query = 'listen "inkstone_changes_${schema}"' and pid <> pg_backend_pid()`);
    await admin.end();
    expect(killed.rowCount).toBe(2);
    await flushed;
    // Changes made while away are unknown, so the cache starts afresh and shows the current title.
    expect((await appB.app.inject(url)).body).toContain('断线期间改的标题');
  });

  it('a running server (inkstone serve) listens for the changes of other processes', async () => {
    const shared = await createSharedPostgresDbs(1);
    cleanups.push(shared.close);
    const writer = shared.dbs[0]!;
    const { world } = await makeChannels(writer);
    const story = await makeArticle(writer, world.id, { title: '老城区改造启动' });
    const dataDir = await mkdtemp(path.join(tmpdir(), 'inkstone-serve-'));
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      database: { dialect: 'postgres', url: shared.url },
      dataDir,
      pageCache: true,
      importAllowPrivate: false,
      apiRateLimit: 600,
      log: false,
    });
    cleanups.push(() => server.close().then(() => rm(dataDir, { recursive: true, force: true })));
    const url = new URL((await server.app.inject(`/x/2000/01/01/${story.id}.html`)).headers.location as string, server.url).toString();
    const pageBody = async () => (await fetch(url)).text();
    const stored = pageCacheOf(server.app)!;
    for (let attempt = 0; attempt < 50 && stored.size === 0; attempt++) await pageBody();
    expect(await pageBody()).toContain('老城区改造启动');

    const heard = nextChange(server.db, 'article');
    await retitleAndPublish(writer, story.id, '老城区改造下月启动');
    await heard;
    expect(await pageBody()).toContain('老城区改造下月启动');
  });
});
