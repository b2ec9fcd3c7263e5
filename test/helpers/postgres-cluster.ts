/**
 * Throwaway PostgreSQL clusters for tests.
 *
 * Each call creates a brand-new cluster in its own temp directory, on a free localhost port,
 * with trust auth and fsync off (speed over durability: the data dies with the test run).
 * PostgreSQL refuses to run as root, so when we are root the server binaries run as the
 * `postgres` OS user (which the Debian `postgresql` package creates).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile, chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test PostgreSQL database, or '' when PostgreSQL is unavailable (tests skip). */
    pgUrl: string;
  }
}

const execFileAsync = promisify(execFile);

export const TEST_DATABASE_NAME = 'inkstone_test';
export const PG_URL_ENV = 'INKSTONE_TEST_PG_URL';

export interface ThrowawayCluster {
  url: string;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL URL tests should use, or undefined when PostgreSQL is not available
 * (then PostgreSQL test variants must skip; under CI the global setup fails instead).
 * Call it inside a test file (it reads what `test/global-setup.ts` provided).
 */
export function testPostgresUrl(): string | undefined {
  const fromEnv = process.env[PG_URL_ENV];
  if (fromEnv) return fromEnv;
  try {
    return inject('pgUrl') || undefined;
  } catch {
    // Not inside a Vitest worker (e.g. a script): nothing was provided.
    return undefined;
  }
}

/** Directory holding initdb/pg_ctl of the highest installed PostgreSQL major version. */
export function findPostgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const best = versions[0];
  if (best === undefined) {
    throw new Error(
      `PostgreSQL server binaries not found: no ${root}/<version>/bin/initdb. ` +
        'Install them with `apt-get install -y postgresql` (or set INKSTONE_TEST_PG_URL to an existing database).',
    );
  }
  return join(root, best, 'bin');
}

/** Starts a fresh cluster and creates the `inkstone_test` database in it. */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const binDir = findPostgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'inkstone-pg-'));
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'sock');
  const logFile = join(dir, 'postgres.log');

  // Server-side commands: as `postgres` when we are root, as ourselves otherwise.
  const runServerTool = async (tool: string, args: string[]): Promise<void> => {
    const bin = join(binDir, tool);
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
    try {
      await execFileAsync(file, argv, { cwd: dir, timeout: 60_000 });
    } catch (err) {
      const e = err as Error & { stderr?: string; stdout?: string };
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(
        `${tool} failed: ${e.message}\n${e.stderr ?? ''}${e.stdout ?? ''}${log ? `\n--- server log ---\n${log}` : ''}`,
        { cause: err },
      );
    }
  };

  let started = false;
  let port = 0;
  const stop = async (): Promise<void> => {
    if (started) {
      started = false;
      await runServerTool('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w']).catch(() => {});
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await mkdir(socketDir);
    if (asRoot) {
      const { uid, gid } = await postgresUserIds();
      await chown(dir, uid, gid);
      await chown(socketDir, uid, gid);
    }
    await runServerTool('initdb', [
      '-D', dataDir,
      '-U', 'postgres',
      '--auth=trust',
      '-E', 'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    await appendFile(
      join(dataDir, 'postgresql.conf'),
      [
        '',
        '# inkstone throwaway test cluster',
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${socketDir}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'max_connections = 200',
        '',
      ].join('\n'),
    );

    // The free port can be taken between our probe and the server's bind: retry a few times.
    let lastError: unknown;
    for (let attempt = 0; attempt < 3 && !started; attempt++) {
      port = await findFreePort();
      try {
        await runServerTool('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', `-p ${port}`]);
        started = true;
      } catch (err) {
        lastError = err;
      }
    }
    if (!started) throw lastError;

    // Client tool: any OS user may run it, trust auth lets us in as role postgres.
    await execFileAsync(
      join(binDir, 'createdb'),
      ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', TEST_DATABASE_NAME],
      { timeout: 30_000 },
    );
  } catch (err) {
    await stop();
    throw err;
  }

  return { url: `postgres://postgres@127.0.0.1:${port}/${TEST_DATABASE_NAME}`, stop };
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']),
      execFileAsync('id', ['-g', 'postgres']),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch (err) {
    throw new Error('Running as root but the `postgres` OS user does not exist (install the postgresql package).', {
      cause: err,
    });
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not determine a free port'))));
    });
  });
}
