import type { Db } from '../../db/create-db.ts';
import { publishDueArticles } from './article-workflow.service.ts';

/**
 * Publishes scheduled stories when their time comes. The schedule lives in the database, so a
 * restart loses nothing: the first run at start-up publishes whatever fell due while we were down.
 */
export function startPublishScheduler(db: Db, options: { intervalMs?: number; onError?: (error: unknown) => void } = {}) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = publishDueArticles(db).catch((error) => options.onError?.(error));
    return running;
  };
  const first = tick();
  const loop = () => {
    if (stopped) return;
    timer = setTimeout(() => void tick().then(loop), options.intervalMs ?? 15_000);
    timer.unref();
  };
  void first.then(loop);
  return {
    /** Resolves when the start-up run is done (tests and `serve` wait for it). */
    ready: first,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
