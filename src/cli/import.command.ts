import path from 'node:path';
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import type { ImportSummary } from '../domain/ingest/bulk-import.service.ts';
import { withMigratedDb } from './open-database.ts';

interface ImportCliOptions {
  channel: string;
  status: string;
  author: string;
  progress: boolean;
}

function printSummary(summary: ImportSummary): void {
  console.log(`imported ${summary.imported}, skipped ${summary.skipped.length} of ${summary.total} items${summary.resumed ? ` (resumed after ${summary.resumed} already done)` : ''}`);
  const byReason = new Map<string, string[]>();
  for (const s of summary.skipped) {
    // Group "duplicate of article 12 (…)" and friends by their kind, and list the items.
    const kind = s.reason.replace(/article \d+/, 'an article').replace(/: .*$/, '');
    byReason.set(kind, [...(byReason.get(kind) ?? []), `${s.key}: ${s.reason}`]);
  }
  for (const [kind, entries] of byReason) {
    console.log(`  skipped ${entries.length}: ${kind}`);
    for (const e of entries.slice(0, 20)) console.log(`    ${e}`);
    if (entries.length > 20) console.log(`    … and ${entries.length - 20} more`);
  }
}

export const importCommand = new Command('import')
  .description('bulk-import pages (a folder of .html/.txt files) or a .jsonl archive as articles; resumable')
  .argument('<source>', 'a folder, a .jsonl file, or a single page file')
  .requiredOption('--channel <path>', 'channel path for the articles, e.g. news/world')
  .option('--status <status>', 'draft or published (published needs a publish time; others stay drafts)', 'draft')
  .option('--author <name>', 'name recorded as the author of the revisions', 'import')
  .option('--no-progress', 'no progress bar (for logs)')
  .action(async (source: string, options: ImportCliOptions) => {
    const status = options.status;
    if (status !== 'draft' && status !== 'published') throw new Error(`--status must be draft or published, not ${status}`);
    const absolute = path.resolve(source);
    const { importItems, listImportItems } = await import('../domain/ingest/bulk-import.service.ts');
    const items = await listImportItems(absolute).catch((error: NodeJS.ErrnoException) => {
      throw new Error(error.code === 'ENOENT' ? `no such file or folder: ${source}` : `cannot read ${source}: ${error.message}`);
    });
    const bar = options.progress && process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'import [{bar}] {value}/{total} {key}', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
    await withMigratedDb(async (db) => {
      bar?.start(items.length, 0, { key: '' });
      const summary = await importItems(db, absolute, items, {
        channel: options.channel,
        status,
        author: options.author,
        onItem: (done, _total, key) => bar?.update(done, { key: key.length > 40 ? `…${key.slice(-39)}` : key }),
      });
      bar?.stop();
      printSummary(summary);
    }).finally(() => bar?.stop());
  });
