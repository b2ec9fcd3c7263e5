/**
 * Vitest global setup (runs once, in the main process, before any worker starts).
 *
 * Gives the PostgreSQL test variants a database: INKSTONE_TEST_PG_URL if the caller set one,
 * otherwise a throwaway cluster started here and stopped in teardown. Tests read the URL with
 * `testPostgresUrl()` from `test/helpers/postgres-cluster.ts` (provided via `project.provide`
 * and also exported in the environment, which forked workers inherit).
 *
 * Without PostgreSQL: under CI=true the run fails; locally the PostgreSQL variants skip, loudly.
 */
import type { TestProject } from 'vitest/node';
import { PG_URL_ENV, startThrowawayCluster, type ThrowawayCluster } from './helpers/postgres-cluster.ts';

let cluster: ThrowawayCluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  let url = process.env[PG_URL_ENV] || undefined;
  if (!url) {
    try {
      cluster = await startThrowawayCluster();
      url = cluster.url;
    } catch (err) {
      if (process.env.CI === 'true') {
        throw new Error('PostgreSQL is required under CI=true but the throwaway cluster could not start', {
          cause: err,
        });
      }
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      console.warn(`\n!!!!! PostgreSQL not available: PostgreSQL test variants are SKIPPED (${reason}) !!!!!\n`);
    }
  }
  if (url) process.env[PG_URL_ENV] = url;
  else delete process.env[PG_URL_ENV];
  project.provide('pgUrl', url ?? '');
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
  cluster = undefined;
}
