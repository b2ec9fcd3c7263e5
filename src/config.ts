import path from 'node:path';

/** Everything the program reads from the environment, typed and checked once. */
export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  dataDir: string;
  pageCache: boolean;
  /** Lets URL import reach loopback and private addresses (tests, intranet installs). Off by default. */
  importAllowPrivate: boolean;
  /** Requests per minute one API client (a token, else an IP address) may make to /api/v1; 0 = no limit. */
  apiRateLimit: number;
  /** The request log (pino, one JSON line per request) on standard output. */
  log: boolean;
}

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string };

export class ConfigError extends Error {}

const DEFAULT_DATABASE_URL = 'sqlite:./data/inkstone.db';

/** The one reader of process.env. Throws ConfigError with a readable message on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: parsePort(env.PORT ?? '3000'),
    host: env.HOST || '127.0.0.1',
    database: parseDatabaseUrl(env.DATABASE_URL || DEFAULT_DATABASE_URL),
    dataDir: path.resolve(env.DATA_DIR || './data'),
    pageCache: parseOnOff('INKSTONE_PAGE_CACHE', env.INKSTONE_PAGE_CACHE ?? 'on'),
    importAllowPrivate: parseOnOff('INKSTONE_IMPORT_ALLOW_PRIVATE', env.INKSTONE_IMPORT_ALLOW_PRIVATE ?? 'off'),
    apiRateLimit: parseCount('INKSTONE_API_RATE_LIMIT', env.INKSTONE_API_RATE_LIMIT ?? '600'),
    log: parseOnOff('INKSTONE_LOG', env.INKSTONE_LOG ?? 'on'),
  };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number between 0 and 65535, got "${value}"`);
  }
  return port;
}

function parseCount(name: string, value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new ConfigError(`${name} must be a whole number (0 turns it off), got "${value}"`);
  return Number(value);
}

function parseOnOff(name: string, value: string): boolean {
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new ConfigError(`${name} must be "on" or "off", got "${value}"`);
}

/** `sqlite:relative/or/absolute.db`, `sqlite::memory:` or `postgres://…` / `postgresql://…`. */
export function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { dialect: 'postgres', url };
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new ConfigError('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/inkstone.db');
    return { dialect: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  throw new ConfigError(`DATABASE_URL must start with sqlite: or postgres://, got "${url}"`);
}
