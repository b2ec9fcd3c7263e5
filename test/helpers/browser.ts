/**
 * Headless Chromium for end-to-end tests (test/e2e/*.e2e.test.ts).
 *
 * Uses Debian's /usr/bin/chromium (playwright cannot download browsers on these machines) with a
 * fresh profile directory per launch, so tests never share cookies, cache or service workers.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { describe } from 'vitest';

export const CHROMIUM_PATH = process.env.INKSTONE_CHROMIUM_PATH || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Closes the browser and removes its profile directory. */
  close(): Promise<void>;
}

/** True when the Chromium binary is installed. */
export function browserAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Launches headless Chromium with a fresh temporary profile (JavaScript off with `javaScriptEnabled: false`). */
export async function launchBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<LaunchedBrowser> {
  const profileDir = await mkdtemp(join(tmpdir(), 'inkstone-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      ...options,
    });
  } catch (err) {
    await rm(profileDir, { recursive: true, force: true });
    throw err;
  }
  let closed = false;
  return {
    context,
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * `describe` for browser tests. Under CI=true it always runs (a missing Chromium fails the run);
 * otherwise it skips, with a loud warning, when Chromium is not installed.
 */
export function describeWithBrowser(name: string, fn: () => void): void {
  if (process.env.CI === 'true' || browserAvailable()) {
    describe(name, fn);
    return;
  }
  console.warn(`\n!!!!! Chromium not found at ${CHROMIUM_PATH}: browser tests "${name}" are SKIPPED !!!!!\n`);
  describe.skip(name, fn);
}
