import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../helpers/shared.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/inkstone.js');

async function inkstone(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('inkstone extract', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'inkstone-extract-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('prints one JSON object with the contract fields for a pasted page text', async () => {
    const result = await inkstone(['extract', sharedPath('seed', '000_6a1b3f7d972bca36.txt'), '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    for (const key of ['title', 'original_title', 'body_text', 'body_html', 'authors', 'editor', 'source', 'source_url', 'published_at', 'dateline', 'images', 'lang']) {
      expect(json, key).toHaveProperty(key);
    }
    expect(json.published_at).toBe('2025-05-19T10:28:00+08:00');
    expect(json.editor).toBe('但堂丹');
  });

  it('fails with one readable line and a non-zero exit on a missing file, an empty file, a private URL and an ftp:// address', async () => {
    const empty = path.join(dir, 'empty.html');
    await writeFile(empty, '');
    for (const [args, message] of [
      [['extract', path.join(dir, 'missing.html'), '--json'], /no such file/],
      [['extract', empty, '--json'], /empty/],
      [['extract', 'http://127.0.0.1:9/x.html', '--json'], /private or loopback/],
      [['extract', 'ftp://example.com/x.html', '--json'], /only http:\/\/ and https:\/\/ addresses can be fetched, not ftp:/],
    ] as const) {
      const result = await inkstone([...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
  });

  it('says in one line that a server does not answer, instead of waiting', async () => {
    // A server that accepts the connection and never says a word.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const result = await inkstone(['extract', `http://127.0.0.1:${port}/story.html`, '--json', '--allow-private-addresses']);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`127.0.0.1:${port} did not answer within 2 s`);
    } finally {
      silent.close();
    }
  });
});
