import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db/create-db.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/inkstone.js');

async function inkstone(args: string[], env: Record<string, string>, input?: string) {
  if (input !== undefined) return withInput(args, env, input);
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function withInput(args: string[], env: Record<string, string>, input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

/**
 * Starts `inkstone serve` from another directory (as a service manager would), resolves with the
 * portal URL once it says it is running.
 */
function serve(env: Record<string, string>): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], { cwd: tmpdir(), env: { ...process.env, ...env, PORT: '0' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /Portal \/ 门户:\s+(\S+)/.exec(out)?.[1];
      if (url) resolve({ url, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

describe('the inkstone command', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'inkstone-cli-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('says in one line why a database cannot be opened, and exits non-zero', async () => {
    const notADatabase = path.join(dir, 'junk.db');
    await writeFile(notADatabase, 'this is not a database file, just some text that is long enough to have a header');
    for (const url of [`sqlite:${notADatabase}`, 'postgres://nobody@127.0.0.1:1/none', 'mysql://localhost/x']) {
      const result = await inkstone(['migrate'], { DATABASE_URL: url });
      expect(result.code, url).toBe(1);
      expect(result.stderr.trim().split('\n'), url).toHaveLength(1);
      expect(result.stderr, url).toMatch(/^inkstone: (cannot open|cannot reach|DATABASE_URL must)/);
    }
  });

  it('creates the demo once, refuses to overwrite it, and recreates it with --reset', async () => {
    const env = { DATABASE_URL: `sqlite:${path.join(dir, 'demo.db')}`, DATA_DIR: path.join(dir, 'data') };
    const first = await inkstone(['demo'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/demo created: \d+ channels, (\d+) articles/);
    const again = await inkstone(['demo'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--reset');
    const reset = await inkstone(['demo', '--reset'], env);
    expect(reset.code).toBe(0);
    const db = await createDb({ dialect: 'sqlite', file: path.join(dir, 'demo.db') });
    const count = await db.kysely.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await db.close();
    // Reset replaced the content instead of adding a second copy.
    expect(Number(count.n)).toBe(Number(/(\d+) articles/.exec(first.stdout)?.[1]));
    expect(Number(count.n)).toBeGreaterThanOrEqual(40);
  });

  it('runs every command through the real binary: user, import, reindex, serve', async () => {
    const env = { DATABASE_URL: `sqlite:${path.join(dir, 'commands.db')}`, DATA_DIR: path.join(dir, 'commands-data') };
    expect((await inkstone(['demo'], env)).code).toBe(0);

    const created = await inkstone(['user', 'create', '--username', 'lin', '--role', 'editor', '--name', '林晓', '--password-stdin'], env, 'a-long-password-1\n');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('created editor "lin" (林晓)');
    const badRole = await inkstone(['user', 'create', '--username', 'x', '--role', 'boss', '--name', 'X', '--password-stdin'], env, 'pw\n');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/^inkstone: --role must be one of/);

    const archive = path.join(dir, 'archive.jsonl');
    const story = { title: '东湖新图书馆开放', body_html: '<p>东湖新图书馆昨天正式开放，首日接待读者三千多人次。</p>', published_at: '2024-05-06T09:30:00+08:00' };
    await writeFile(archive, `${JSON.stringify(story)}\n`);
    const imported = await inkstone(['import', archive, '--channel', 'news', '--status', 'published', '--no-progress'], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^imported 1, skipped 0 of 1 items/);

    const reindexed = await inkstone(['reindex', '--no-related'], env);
    expect(reindexed.code, reindexed.stderr).toBe(0);
    expect(reindexed.stdout).toMatch(/reindexed \d+ articles/);

    const server = await serve(env);
    try {
      const page = await fetch(new URL(`search?q=${encodeURIComponent('东湖新图书馆')}`, server.url));
      expect(page.status).toBe(200);
      // The views are rendered as HTML (not React elements), and the imported story is found.
      expect((await page.text()).replace(/<[^>]+>/g, '')).toContain('东湖新图书馆开放');
    } finally {
      server.stop();
    }
  }, 120_000);
});
