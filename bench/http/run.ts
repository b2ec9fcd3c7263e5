/**
 * HTTP benchmark: npx tsx bench/http/run.ts [--articles 100000] [--duration 5] [--warmup 1] [--connections 20] [--db FILE]
 *   [--startup-million [--million-db FILE]]
 *
 * --db FILE keeps the seeded portal in FILE (reused when it exists). --startup-million grows the
 * portal (or --million-db FILE) to 1,000,000 articles and measures start-up and uncached pages there.
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
import { createDb } from '../../src/db/create-db.ts';
import { countArticles, openSeededPortal, seedArticles } from './seed.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const ARTICLES = Number(arg('articles', '100000'));
const DURATION = Number(arg('duration', '5'));
/** Seconds of load before each measured run, not counted: the JIT has compiled the route's code by then. */
const WARMUP = Number(arg('warmup', '1'));
const CONNECTIONS = Number(arg('connections', '20'));
const STAFF_COOKIE = 'inkstone_session=bench';

/** Every server this run starts, so a failure never leaves one behind. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

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

/** The 下一页 link of a channel page (an older-stories link). */
async function olderLink(origin: string, pageUrl: string): Promise<string> {
  const html = (await get(origin + pageUrl)).body.toString();
  const href = /<a href="([^"]+)" rel="next">/.exec(html)?.[1];
  if (!href) throw new Error(`${pageUrl} has no 下一页 link`);
  return href.replace(/&amp;/g, '&');
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
  if (WARMUP > 0) await autocannon({ url, connections: CONNECTIONS, duration: WARMUP, headers });
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
  // --db FILE reuses a portal seeded by an earlier run (created there when missing); kept afterwards.
  const keptDb = arg('db', '');
  const dbFile = keptDb ? path.resolve(keptDb) : path.join(work, 'inkstone.db');
  const dataDir = keptDb ? path.join(path.dirname(dbFile), 'data') : path.join(work, 'data');
  console.log(`opening or seeding the demo portal and ${ARTICLES.toLocaleString()} articles in ${dbFile}…`);
  const { db, total, seededMs } = await openSeededPortal(dbFile, dataDir, ARTICLES);
  console.log(`${seededMs === undefined ? 'reused' : `seeded in ${(seededMs / 1000).toFixed(1)} s`} (${total.toLocaleString()} articles)`);
  const newest = await db.kysely.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('published_at', 'desc').limit(1).executeTakeFirstOrThrow();
  await db.close();

  const results: Record<string, unknown> = { articles: total, duration: DURATION, warmup: WARMUP, connections: CONNECTIONS, cpus: os.cpus().length, node: process.version, loadAverageAtStart: os.loadavg() };
  const uncachedServer = await startInkstone(dbFile, dataDir, false);
  const articleUrl = (await get(`${uncachedServer.url}/x/2000/01/01/${newest.id}.html`)).headers.location ?? '/';
  // A deep page of the 新闻 list (20 per page), to show pagination cost at this archive size.
  const deepPage = Math.max(2, Math.min(200, Math.floor(total / 400)));
  const pages: Record<string, string> = {
    home: '/',
    channel: '/news/',
    [`channel p.${deepPage}`]: `/news/?page=${deepPage}`,
    // The same stories reached by 下一页 from the page before: an older-stories (keyset) link.
    [`channel p.${deepPage} by 下一页`]: await olderLink(uncachedServer.url, `/news/?page=${deepPage - 1}`),
    article: articleUrl,
  };
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
    // --million-db FILE: a portal already grown to 1,000,000 (seeding is not the measurement).
    const millionFile = arg('million-db', '') ? path.resolve(arg('million-db', '')) : dbFile;
    const db2 = await createDb({ dialect: 'sqlite', file: millionFile });
    console.log(`growing ${millionFile} to 1,000,000 articles for the start-up measure…`);
    await seedArticles(db2, Math.max(0, 1_000_000 - (await countArticles(db2))));
    const million = await countArticles(db2);
    await db2.close();
    const bigDir = millionFile === dbFile ? dataDir : path.join(path.dirname(millionFile), 'data');
    // Start-up first (nothing cached in the process yet), then what readers see at this size.
    const bigUncached = await startInkstone(millionFile, bigDir, false);
    const big = await startInkstone(millionFile, bigDir, true);
    (results.startupMs as Record<string, number>)[`${million}`] = Math.round(bigUncached.startupMs);
    (results.startupMs as Record<string, number>)[`${million} (cache on)`] = Math.round(big.startupMs);
    await stop(big);
    const bigArticle = (await get(`${bigUncached.url}/x/2000/01/01/${million}.html`)).headers.location ?? '/';
    const bigPages: Record<string, string> = {
      'article @1M': bigArticle,
      'channel p.200 @1M': '/news/?page=200',
      'channel p.200 by 下一页 @1M': await olderLink(bigUncached.url, '/news/?page=199'),
    };
    for (const [name, url] of Object.entries(bigPages)) rows[name] = { uncached: await measure(bigUncached.url + url) };
    await stop(bigUncached);
  }

  // Other work on the machine shows here; the numbers of a busy run are lower bounds.
  results.loadAverageAtEnd = os.loadavg();
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
  console.log(`load average at start ${JSON.stringify(results.loadAverageAtStart)}, at end ${JSON.stringify(results.loadAverageAtEnd)}`);
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
process.exit();
