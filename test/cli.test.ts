import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db/create-db.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/inkstone.js');

async function inkstone(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
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
});
