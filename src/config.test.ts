import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives a working SQLite setup when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', pageCache: true, importAllowPrivate: false, apiRateLimit: 600, log: true });
    expect(config.database).toEqual({ dialect: 'sqlite', file: path.resolve('data/inkstone.db') });
  });

  it('reads every variable the README lists', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://inkstone@db/inkstone',
      DATA_DIR: '/srv/inkstone',
      INKSTONE_PAGE_CACHE: 'off',
      INKSTONE_IMPORT_ALLOW_PRIVATE: 'on',
      INKSTONE_API_RATE_LIMIT: '0',
      INKSTONE_LOG: 'off',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      database: { dialect: 'postgres', url: 'postgres://inkstone@db/inkstone' },
      dataDir: '/srv/inkstone',
      pageCache: false,
      importAllowPrivate: true,
      apiRateLimit: 0,
      log: false,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ DATABASE_URL: 'sqlite:' }, /needs a file path/],
    [{ INKSTONE_PAGE_CACHE: 'yes' }, /INKSTONE_PAGE_CACHE must be "on" or "off"/],
    [{ INKSTONE_API_RATE_LIMIT: '-5' }, /INKSTONE_API_RATE_LIMIT must be a whole number/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
