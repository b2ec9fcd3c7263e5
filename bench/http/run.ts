/**
 * HTTP benchmark: npx tsx bench/http/run.ts [--articles 100000] [--duration 5] [--connections 20] [--startup-million]
 *
 * Builds a SQLite portal (the demo plus N synthetic articles inserted in batches), then, over
 * loopback with autocannon, measures home, channel, article (and search, when the route exists)
 * pages: uncached (INKSTONE_PAGE_CACHE=off), rendered with the cache bypassed by a staff cookie
 * (the site-context memo on), and cached, each cached page against a bare node:http server
 * sending the identical headers and bytes in the same run. Also measures start-up (time to the
 * first response) and the article page's HTML + CSS weight. Prints a table, writes JSON.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { type Db, createDb } from '../../src/db/create-db.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createDemo } from '../../src/domain/demo/create-demo.ts';
import type { NewArticleRow } from '../../src/db/schema.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const ARTICLES = Number(arg('articles', '100000'));
const DURATION = Number(arg('duration', '5'));
const CONNECTIONS = Number(arg('connections', '20'));
const STAFF_COOKIE = 'inkstone_session=bench';

/** Every server this run starts, so a failure never leaves one behind. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

const PARAGRAPHS = [
  '临湖市今年以来持续推进城市更新行动,老旧小区改造、背街小巷整治和公共空间提升同步展开,市民出行和生活环境明显改善。',
  '市有关部门负责人介绍,下一步将围绕群众关心的停车难、充电难等问题,分批推出便民措施,并通过社区议事会广泛听取意见。',
  '据统计,一季度全市地区生产总值同比增长百分之五点八,规模以上工业增加值增长百分之七点一,消费市场保持回暖态势。',
  '专家表示,县域经济是稳增长的重要支撑,应当因地制宜发展特色产业,推动城乡要素双向流动,促进共同富裕。',
];

/** Inserts `count` published articles spread over the last three years, in batched transactions. */
async function seedArticles(db: Db, count: number): Promise<void> {
  const channels = await db.kysely.selectFrom('channels').select(['id', 'kind']).execute();
  const listIds = channels.filter((c) => c.kind === 'list').map((c) => c.id);
  const now = Date.now();
  const span = 3 * 365 * 24 * 3600 * 1000;
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    const rows: NewArticleRow[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const at = new Date(now - span + Math.floor((span * i) / count)).toISOString();
      const body = PARAGRAPHS.map((p, k) => (k === 2 ? `<h2>第${(i % 9) + 1}部分</h2><p>${p}</p>` : `<p>${p}</p>`)).join('');
      rows.push({
        channel_id: listIds[i % listIds.length] ?? 1,
        title: `临湖新闻第${i + 1}号:城市更新与民生实事稳步推进`,
        subtitle: '',
        summary: '',
        body_html: body,
        cover_media_id: null,
        source_name: '',
        source_url: '',
        is_original: 1,
        original_title: '',
        original_author: '',
        dateline: '',
        reporters: '["王记者"]',
        photographers: '[]',
        editor_name: '李编辑',
        keywords: '[]',
        is_headline: 0,
        is_focus: 0,
        is_top: 0,
        status: 'published' as const,
        published_at: at,
        created_at: at,
        updated_at: at,
        version: 1,
      });
    }
    await db.kysely.transaction().execute((trx) => trx.insertInto('articles').values(rows).execute());
  }
}

interface Server {
  url: string;
  child: ChildProcess;
  startupMs: number;
}

/** Starts `inkstone serve` in its own process and waits for the first 200 on "/". */
async function startInkstone(dbFile: string, dataDir: string, pageCache: boolean): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/inkstone.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `sqlite:${dbFile}`, DATA_DIR: dataDir, INKSTONE_LOG: 'off', INKSTONE_PAGE_CACHE: pageCache ? 'on' : 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match?.[1]) resolve(match[1].slice(0, -1));
    });
    child.once('exit', (code) => reject(new Error(`inkstone serve exited with ${code}: ${out}`)));
  });
  await get(`${url}/`);
  return { url, child, startupMs: performance.now() - started };
}

async function startBare(response: { headers: Record<string, string>; body: Buffer }): Promise<Server> {
  const file = path.join(os.tmpdir(), `inkstone-bare-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify({ headers: response.headers, bodyBase64: response.body.toString('base64') }));
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'bare-server.ts'), file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  const port = await new Promise<string>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /PORT (\d+)/.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
  });
  return { url: `http://127.0.0.1:${port}`, child, startupMs: performance.now() - started };
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const flat: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string' && k !== 'date' && k !== 'connection' && k !== 'keep-alive') flat[k] = v;
          resolve({ status: res.statusCode ?? 0, headers: flat, body: Buffer.concat(chunks) });
        });
      })
      .on('error', reject);
  });
}

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/**
 * Slow renders outlive autocannon's run: the server still works through requests it accepted.
 * Wait until a cheap request answers quickly again, so no run pays for the one before it.
 */
async function drain(url: string): Promise<void> {
  const origin = new URL(url).origin;
  for (let quick = 0, tries = 0; quick < 3 && tries < 600; tries++) {
    const started = performance.now();
    await get(`${origin}/robots.txt`).catch(() => undefined);
    quick = performance.now() - started < 30 ? quick + 1 : 0;
  }
}

async function measure(url: string, headers: Record<string, string> = {}): Promise<Measure> {
  await drain(url);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    children.delete(server.child);
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstone-bench-http-'));
  const dbFile = path.join(work, 'inkstone.db');
  const dataDir = path.join(work, 'data');
  console.log(`seeding the demo portal and ${ARTICLES.toLocaleString()} articles into ${dbFile}…`);
  const db = await createDb({ dialect: 'sqlite', file: dbFile });
  await migrateToLatest(db);
  await createDemo(db, dataDir);
  const seedStart = performance.now();
  await seedArticles(db, ARTICLES);
  const total = Number((await db.kysely.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  console.log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (${total.toLocaleString()} articles)`);
  const newest = await db.kysely.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('published_at', 'desc').limit(1).executeTakeFirstOrThrow();
  await db.close();

  const results: Record<string, unknown> = { articles: total, duration: DURATION, connections: CONNECTIONS, cpus: os.cpus().length, node: process.version };
  const uncachedServer = await startInkstone(dbFile, dataDir, false);
  const articleUrl = (await get(`${uncachedServer.url}/x/2000/01/01/${newest.id}.html`)).headers.location ?? '/';
  // A deep page of the 新闻 list (20 per page), to show pagination cost at this archive size.
  const deepPage = Math.max(2, Math.min(200, Math.floor(total / 400)));
  const pages: Record<string, string> = { home: '/', channel: '/news/', [`channel p.${deepPage}`]: `/news/?page=${deepPage}`, article: articleUrl };
  if ((await get(`${uncachedServer.url}/search?q=${encodeURIComponent('城市更新')}`)).status === 200) pages.search = `/search?q=${encodeURIComponent('城市更新')}`;
  for (const [name, url] of Object.entries(pages)) {
    const status = (await get(uncachedServer.url + url)).status;
    if (status !== 200) throw new Error(`${name} ${url} answered ${status}`);
  }

  const css = fs.statSync(path.join(ROOT, 'src/views/assets/site.css')).size;
  const articleHtml = (await get(uncachedServer.url + articleUrl)).body.length;
  results.frontEnd = { articleHtmlBytes: articleHtml, cssBytes: css, totalBytes: articleHtml + css, budgetBytes: 50 * 1024 };

  const rows: Record<string, Record<string, Measure | number>> = {};
  for (const [name, url] of Object.entries(pages)) rows[name] = { uncached: await measure(uncachedServer.url + url) };
  await stop(uncachedServer);

  const cachedServer = await startInkstone(dbFile, dataDir, true);
  results.startupMs = { [`${total}`]: Math.round(uncachedServer.startupMs), [`${total} (cache on)`]: Math.round(cachedServer.startupMs) };
  // Cached pages first (fast), renders with the cache bypassed after.
  for (const [name, url] of Object.entries(pages)) {
    await get(cachedServer.url + url);
    const hit = await get(cachedServer.url + url);
    rows[name]!.cached = await measure(cachedServer.url + url);
    const bare = await startBare(hit);
    rows[name]!.bare = await measure(bare.url + '/');
    await stop(bare);
    rows[name]!.ratio = Number(((rows[name]!.cached as Measure).rps / (rows[name]!.bare as Measure).rps).toFixed(3));
  }
  for (const [name, url] of Object.entries(pages)) rows[name]!.bypass = await measure(cachedServer.url + url, { cookie: STAFF_COOKIE });
  await stop(cachedServer);
  results.pages = rows;

  if (process.argv.includes('--startup-million')) {
    const db2 = await createDb({ dialect: 'sqlite', file: dbFile });
    console.log('seeding up to 1,000,000 articles for the start-up measure…');
    await seedArticles(db2, 1_000_000 - total);
    await db2.close();
    const big = await startInkstone(dbFile, dataDir, true);
    (results.startupMs as Record<string, number>)['1000000 (cache on)'] = Math.round(big.startupMs);
    rows['article @1M'] = { cached: await measure(big.url + articleUrl) };
    await stop(big);
  }

  printTable(results, rows);
  const out = path.join(HERE, 'results', `http-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(ROOT, out)}`);
  fs.rmSync(work, { recursive: true, force: true });
}

function printTable(results: Record<string, unknown>, rows: Record<string, Record<string, Measure | number>>) {
  const cell = (m: Measure | number | undefined) => (m === undefined ? '' : typeof m === 'number' ? String(m) : `${m.rps} (${m.p50}/${m.p99} ms)`);
  console.log(`\n${results.articles} articles, ${results.cpus} CPUs, ${results.node}, ${CONNECTIONS} connections, ${DURATION} s per run; req/s (p50/p99 latency)\n`);
  console.log('| page | uncached (cache off) | rendered (cache bypassed, memo on) | cached | bare node:http, same bytes | cached / bare |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, row] of Object.entries(rows)) {
    console.log(`| ${name} | ${cell(row.uncached)} | ${cell(row.bypass)} | ${cell(row.cached)} | ${cell(row.bare)} | ${cell(row.ratio)} |`);
  }
  console.log(`\nstart-up (spawn → first response): ${JSON.stringify(results.startupMs)}`);
  console.log(`front end: ${JSON.stringify(results.frontEnd)}`);
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
process.exit();
