import type { Db } from '../../db/create-db.ts';
import type { IngestItemStatus, WireProviderRow } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { nowIso } from '../shared/time.ts';
import type { Actor } from '../users/actor.ts';
import { assertCan } from '../users/policy.ts';
import { parseFeed } from './feed-parser.ts';
import { type EnqueueResult, enqueueFeedItems } from './ingest-queue.service.ts';
import { ExtractionError } from './extraction.ts';
import { FetchError, type SafeFetchOptions, safeFetch } from './safe-fetch.ts';

export class WireError extends Error {}

const FEED_ACCEPT = [
  'application/rss+xml',
  'application/atom+xml',
  'application/vnd.iptc.g2.newsmessage+xml',
  'application/vnd.iptc.g2.newsitem+xml',
  'application/xml',
  'text/xml',
  'application/json;q=0.9',
].join(', ');

export interface ProviderInput {
  name: string;
  url: string;
  intervalMinutes: number;
}

/** Adds a wire provider (an agency's or partner's RSS, Atom, NewsML-G2 or ninjs feed); administrators only. */
export async function createProvider(db: Db, actor: Actor, input: ProviderInput): Promise<WireProviderRow> {
  assertCan(actor, 'settings.manage');
  const name = input.name.trim();
  const url = input.url.trim();
  if (!name) throw new WireError('a provider needs a name');
  if (!/^https?:\/\/\S+$/i.test(url)) throw new WireError('the feed address must start with http:// or https://');
  if (!Number.isInteger(input.intervalMinutes) || input.intervalMinutes < 1 || input.intervalMinutes > 1440) {
    throw new WireError('the polling interval must be between 1 and 1440 minutes');
  }
  const taken = await db.kysely.selectFrom('wire_providers').select('id').where('name', '=', name).executeTakeFirst();
  if (taken) throw new WireError(`a provider named "${name}" exists already`);
  return db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('wire_providers')
      .values({ name, url, interval_minutes: input.intervalMinutes, enabled: 1, last_polled_at: null, last_error: '', created_at: nowIso() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'wire.provider.create', targetType: 'wire_provider', targetId: row.id, detail: { name, url } });
    return row;
  });
}

export async function listProviders(db: Db): Promise<WireProviderRow[]> {
  return db.kysely.selectFrom('wire_providers').selectAll().orderBy('name').execute();
}

/** Fetches one provider's feed into the queue; a failure is recorded on the provider, not thrown. */
export async function pollProvider(db: Db, provider: WireProviderRow, fetch: SafeFetchOptions = {}): Promise<EnqueueResult | undefined> {
  let result: EnqueueResult | undefined;
  let error = '';
  try {
    // Every format we read is welcome; parseFeed tells them apart by content, whatever the server calls it.
    // Nobody waits on a background poll, and agencies' APIs can be slow to start answering.
    const page = await safeFetch(provider.url, { accept: FEED_ACCEPT, answerTimeoutMs: 10_000, ...fetch });
    result = await enqueueFeedItems(db, provider.name, parseFeed(page.body).items);
  } catch (cause) {
    error = describePollFailure(cause);
  }
  await db.kysely.updateTable('wire_providers').set({ last_polled_at: nowIso(), last_error: error.slice(0, 500) }).where('id', '=', provider.id).execute();
  return result;
}

/**
 * What last_error keeps: `fetch:<code> <message>` when the feed could not be fetched, `feed: <message>`
 * when what came back is no feed, so that the newsroom can say it in the editor's language.
 */
function describePollFailure(cause: unknown): string {
  if (cause instanceof FetchError) return `fetch:${cause.code} ${cause.message}`;
  if (cause instanceof ExtractionError) return `feed: ${cause.message}`;
  return cause instanceof Error ? cause.message : String(cause);
}

/** Polls every enabled provider whose interval has passed. */
export async function pollDueProviders(db: Db, now = new Date(), fetch: SafeFetchOptions = {}): Promise<number> {
  let polled = 0;
  for (const provider of await listProviders(db)) {
    const due = !provider.last_polled_at || Date.parse(provider.last_polled_at) + provider.interval_minutes * 60_000 <= now.getTime();
    if (!provider.enabled || !due) continue;
    await pollProvider(db, provider, fetch);
    polled++;
  }
  return polled;
}

export async function listQueue(db: Db, options: { status?: IngestItemStatus; itemId?: number; page: number; pageSize: number }) {
  let query = db.kysely.selectFrom('ingest_items');
  if (options.status) query = query.where('status', '=', options.status);
  // One item alone: the link from an article's notice, which must work however old the item is.
  if (options.itemId) query = query.where('id', '=', options.itemId);
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await query
    .selectAll()
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / options.pageSize)) };
}

/** What the agency did to the wire stories an article was made from (or matched): kills and later versions. */
export interface WireNotice {
  queueItemId: number;
  provider: string;
  kind: 'withdrawn' | 'updated';
  /** When the newsroom learned of it (UTC). */
  at: string;
}

/**
 * The notices an article's edit page shows: a kill of any queue item linked to the article
 * (imported from it or matched as its duplicate), and a later version of one it was imported from.
 */
export async function wireNoticesFor(db: Db, articleId: number): Promise<WireNotice[]> {
  const rows = await db.kysely
    .selectFrom('ingest_items')
    .select(['id', 'provider', 'status', 'withdrawn_at', 'agency_updated_at'])
    .where('article_id', '=', articleId)
    .where((eb) => eb.or([eb('status', '=', 'withdrawn'), eb.and([eb('status', '=', 'imported'), eb('agency_updated_at', 'is not', null)])]))
    .orderBy('id')
    .execute();
  return rows.map((row) =>
    row.status === 'withdrawn'
      ? { queueItemId: row.id, provider: row.provider, kind: 'withdrawn', at: row.withdrawn_at ?? '' }
      : { queueItemId: row.id, provider: row.provider, kind: 'updated', at: row.agency_updated_at ?? '' },
  );
}

export async function findQueueItem(db: Db, id: number) {
  return db.kysely.selectFrom('ingest_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Marks a queue item as turned into (or matched with) an article, so nobody imports it twice.
 * An imported item's embargo follows the story: the article gets it (or keeps its own if later),
 * and publishing checks it, so no form field or editor can lose it on the way.
 * `seenUpdate` is the item's `agency_updated_at` as the import review showed it: the article was
 * made from that version, so it is no "update by the agency" for it; a later one still is.
 */
export async function markQueueItem(db: Db, id: number, status: IngestItemStatus, articleId: number | null, seenUpdate?: string): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    // A kill that came while the editor had the import review open stays a kill: the new draft is
    // linked to the withdrawn item, so its page carries the notice, and the item cannot be imported again.
    await trx.updateTable('ingest_items').set({ status, article_id: articleId }).where('id', '=', id).where('status', '!=', 'withdrawn').execute();
    await trx.updateTable('ingest_items').set({ article_id: articleId }).where('id', '=', id).where('status', '=', 'withdrawn').where('article_id', 'is', null).execute();
    if (status !== 'imported' || articleId === null) return;
    if (seenUpdate) await trx.updateTable('ingest_items').set({ agency_updated_at: null }).where('id', '=', id).where('agency_updated_at', '=', seenUpdate).execute();
    const item = await trx.selectFrom('ingest_items').select('embargo_until').where('id', '=', id).executeTakeFirst();
    if (!item?.embargo_until) return;
    await trx
      .updateTable('articles')
      .set({ embargo_until: item.embargo_until })
      .where('id', '=', articleId)
      .where((eb) => eb.or([eb('embargo_until', 'is', null), eb('embargo_until', '<', item.embargo_until)]))
      .execute();
  });
}

/**
 * Polls due providers every minute while the server runs. The schedule is the providers' own
 * last-polled times in the database, so restarts and several instances do not poll in bursts.
 */
export function startWirePoller(db: Db, options: { intervalMs?: number; fetch?: SafeFetchOptions; onError?: (error: unknown) => void } = {}) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pollDueProviders(db, new Date(), options.fetch).catch((error) => options.onError?.(error)).then(loop);
    }, options.intervalMs ?? 60_000);
    timer.unref();
  };
  loop();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
