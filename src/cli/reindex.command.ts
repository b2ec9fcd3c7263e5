import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { withMigratedDb } from './open-database.ts';

/** `inkstone reindex`: rebuilds the search index and the stored related-news lists. */
export function registerReindexCommand(program: Command): void {
  program
    .command('reindex')
    .description('rebuild the search index and related news / 重建全文索引与相关新闻')
    .option('--no-related', 'rebuild the search index only')
    .action(async (options: { related: boolean }) => {
      const { reindexSearch } = await import('../domain/search/reindex.service.ts');
      const bar = new SingleBar({ format: '{phase} [{bar}] {value}/{total} {eta_formatted}', hideCursor: true }, Presets.shades_classic);
      const started = Date.now();
      await withMigratedDb(async (db) => {
        let running = false;
        const result = await reindexSearch(db, {
          related: options.related,
          start(phase, total) {
            if (running) bar.stop();
            bar.start(total, 0, { phase: phase === 'index' ? 'index  ' : 'related' });
            running = true;
          },
          progress(done) {
            bar.update(done);
          },
        });
        if (running) bar.stop();
        console.log(`reindexed ${result.indexed} articles, ${result.related} related lists in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }).finally(() => bar.stop());
    });
}
