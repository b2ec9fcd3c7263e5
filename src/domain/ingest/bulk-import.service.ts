import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/create-db.ts';
import { createArticle } from '../articles/article.service.ts';
import { loadChannelTree } from '../channels/channel.service.ts';
import { getSiteSettings } from '../settings/site-settings.ts';
import { localToIso, nowIso } from '../shared/time.ts';
import { findDuplicate, recordFingerprint } from './duplicate.service.ts';
import { type Extraction, ExtractionError } from './extraction.ts';
import { extractArticle } from './extractor.ts';

/** The import cannot start (its options are wrong); nothing has been written. */
export class ImportError extends Error {}

/** One thing to import: a page file, or one line of a JSON Lines archive. */
export interface ImportItem {
  /** Stable name for messages: a relative file path or `file.jsonl:12`. */
  key: string;
  read(): Promise<Extraction & { channel?: string }>;
}

const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.shtml', '.txt']);

/** The items of a folder (page files, sorted, recursively) or of a .jsonl file (one per line). */
export async function listImportItems(source: string): Promise<ImportItem[]> {
  const info = await stat(source);
  if (info.isDirectory()) {
    const files = (await readdir(source, { recursive: true }))
      .filter((f) => PAGE_EXTENSIONS.has(path.extname(f).toLowerCase()))
      .sort();
    return files.map((file) => ({ key: file, read: async () => extractArticle(await readFile(path.join(source, file))) }));
  }
  if (source.endsWith('.jsonl') || source.endsWith('.ndjson')) {
    const lines = (await readFile(source, 'utf8')).split('\n');
    const base = path.basename(source);
    return lines.flatMap((line, i) => (line.trim() ? [{ key: `${base}:${i + 1}`, read: async () => fromJsonLine(line) }] : []));
  }
  return [{ key: path.basename(source), read: async () => extractArticle(await readFile(source)) }];
}

/**
 * A JSON Lines record: either a page to extract (`html` or `text`, with an optional `url`) or an
 * article already in fields (`title` and `body_html`), as archives exported from other CMSs are.
 */
function fromJsonLine(line: string): Extraction & { channel?: string } {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new ExtractionError('not valid JSON');
  }
  const str = (k: string) => (typeof record[k] === 'string' ? (record[k] as string) : '');
  const url = str('url') || str('source_url');
  const base = str('html') || str('text') ? extractArticle(str('html') || str('text'), { url }) : extractArticle(`${str('title')}\n${htmlToLines(str('body_html'))}`);
  const strings = (k: string) => (Array.isArray(record[k]) ? (record[k] as unknown[]).filter((a): a is string => typeof a === 'string') : undefined);
  const authors = strings('authors') ?? base.authors;
  return {
    ...base,
    title: str('title') || base.title,
    originalTitle: str('original_title') || base.originalTitle,
    bodyHtml: str('body_html') || base.bodyHtml,
    source: str('source') || base.source,
    sourceUrl: url || base.sourceUrl,
    publishedAt: str('published_at') || base.publishedAt,
    editor: str('editor') || base.editor,
    authors,
    keywords: strings('keywords') ?? base.keywords,
    channel: str('channel') || undefined,
  };
}

function htmlToLines(html: string): string {
  return html.replace(/<\/(p|h\d|li|figcaption|blockquote)>/gi, '\n').replace(/<[^>]+>/g, '');
}

export interface ImportOptions {
  /** Channel path (news/world) for items that do not name their own. */
  channel: string;
  status: 'draft' | 'published';
  /** Who the revisions name as author. */
  author: string;
  onItem?: (done: number, total: number, key: string) => void;
}

export interface ImportSummary {
  total: number;
  imported: number;
  /** Items already handled by an earlier, interrupted run. */
  resumed: number;
  skipped: Array<{ key: string; reason: string }>;
}

interface Progress {
  position: number;
  lastKey: string;
}

/**
 * Imports items in order, recording progress after each one so an interrupted run resumes where it
 * stopped. Duplicates (same source URL or near-identical text) are skipped with the article they
 * duplicate; unreadable items are skipped with the reason.
 */
export async function importItems(db: Db, source: string, items: ImportItem[], options: ImportOptions): Promise<ImportSummary> {
  const tree = await loadChannelTree(db);
  const { timeZone } = await getSiteSettings(db);
  // A mistyped --channel would skip every item and record them as done: refuse it before anything is written.
  if (!tree.findByPath(options.channel)) throw new ImportError(`no channel "${options.channel}": give the path of an existing channel, e.g. news/world`);
  const progress = await loadProgress(db, source, items);
  const summary: ImportSummary = { total: items.length, imported: 0, resumed: progress.position, skipped: [] };
  for (let i = progress.position; i < items.length; i++) {
    const item = items[i] as ImportItem;
    const outcome = await importOne(db, tree, item, { ...options, timeZone });
    if (outcome === 'imported') summary.imported++;
    else summary.skipped.push({ key: item.key, reason: outcome });
    await saveProgress(db, source, { position: i + 1, lastKey: item.key }, outcome === 'imported');
    options.onItem?.(i + 1, items.length, item.key);
  }
  return summary;
}

async function importOne(db: Db, tree: Awaited<ReturnType<typeof loadChannelTree>>, item: ImportItem, options: ImportOptions & { timeZone: string }): Promise<string> {
  let page: Extraction & { channel?: string };
  try {
    page = await item.read();
  } catch (error) {
    return `unreadable: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!page.title.trim()) return 'no title found';
  if (!page.bodyText.trim() && !page.bodyHtml.trim()) return 'no body found';
  const channel = tree.findByPath(page.channel ?? options.channel);
  if (!channel) return `no channel "${page.channel ?? options.channel}"`;
  const duplicate = await findDuplicate(db, { sourceUrl: page.sourceUrl, text: page.bodyText });
  if (duplicate) return `duplicate of article ${duplicate.articleId} (${duplicate.reason === 'source-url' ? 'same source URL' : 'near-identical text'})`;
  const publishedAt = inZone(page.publishedAt, options.timeZone);
  const publish = options.status === 'published' && publishedAt !== null;
  const article = await createArticle(
    db,
    {
      channelId: channel.id,
      title: page.title,
      subtitle: page.subtitle,
      summary: page.summary,
      bodyHtml: page.bodyHtml,
      sourceName: page.source,
      sourceUrl: page.sourceUrl,
      isOriginal: false,
      originalTitle: page.originalTitle || page.title,
      originalAuthor: page.authors.join('、'),
      dateline: page.dateline,
      reporters: page.authors,
      photographers: page.photographers,
      keywords: page.keywords,
      editorName: page.editor,
      status: publish ? 'published' : 'draft',
      publishedAt,
    },
    options.author,
  );
  await recordFingerprint(db, article.id, { sourceUrl: page.sourceUrl, text: page.bodyText });
  return 'imported';
}

/**
 * A time the page gave without its zone (2019-01-02T08:00:00 on an English page, or from an archive) is
 * read in the site's zone, as the newsroom reads every time it is typed, not in the server's.
 */
function inZone(time: string | null, timeZone: string): string | null {
  if (!time || /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(time)) return time;
  return localToIso(time, timeZone) ?? time;
}

async function loadProgress(db: Db, source: string, items: ImportItem[]): Promise<Progress> {
  const row = await db.kysely.selectFrom('import_progress').selectAll().where('source', '=', source).executeTakeFirst();
  if (!row) return { position: 0, lastKey: '' };
  const saved = JSON.parse(row.done) as Partial<Progress>;
  const position = Number(saved.position ?? 0);
  // The source changed since the last run: start over (duplicate detection keeps it from importing twice).
  if (position > items.length || (position > 0 && items[position - 1]?.key !== saved.lastKey)) return { position: 0, lastKey: '' };
  return { position, lastKey: saved.lastKey ?? '' };
}

async function saveProgress(db: Db, source: string, progress: Progress, imported: boolean): Promise<void> {
  const done = JSON.stringify(progress);
  const now = nowIso();
  await db.kysely
    .insertInto('import_progress')
    .values({ source, done, imported: imported ? 1 : 0, skipped: imported ? 0 : 1, updated_at: now })
    .onConflict((oc) =>
      oc.column('source').doUpdateSet((eb) => ({
        done,
        updated_at: now,
        imported: imported ? eb('import_progress.imported', '+', 1) : eb.ref('import_progress.imported'),
        skipped: imported ? eb.ref('import_progress.skipped') : eb('import_progress.skipped', '+', 1),
      })),
    )
    .execute();
}
