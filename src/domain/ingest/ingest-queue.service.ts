import type { Kysely } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import type { Database, IngestItemStatus } from '../../db/schema.ts';
import { sanitizeRichText } from '../articles/rich-text.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { nowIso } from '../shared/time.ts';
import { systemActor } from '../users/actor.ts';
import { findDuplicate } from './duplicate.service.ts';
import { isLaterVersion } from './feed-common.ts';
import type { FeedItem } from './feed-parser.ts';

export interface EnqueueResult {
  added: number;
  /** Already in the queue under the same provider and GUID, in the same (or an older) version. */
  known: number;
  /** New to the queue but duplicating an existing article: queued as skipped, pointing at it. */
  duplicates: number;
  /** Queue items the agency has now killed or withheld: marked withdrawn, their article flagged. */
  withdrawn: number;
  /** Queue items the agency sent a later version of: the queue item now holds it. */
  updated: number;
}

/** What the queue remembers of an item to decide what a new entry with its GUID means. */
interface QueuedItem {
  id: number;
  guid: string;
  status: IngestItemStatus;
  article_id: number | null;
  version: number | null;
  version_created: string | null;
  withdrawn_from: IngestItemStatus | null;
}

/** Kills and updates are the agency's doing; the audit log names the wire as their author. */
const WIRE_ACTOR = systemActor('wire');

/**
 * Puts a provider's feed items into the ingest queue editors work from, by GUID:
 * - a new GUID is queued; one that duplicates an existing article (same source URL or
 *   near-identical text) is queued as skipped with that article, so an editor can still update it;
 * - a kill (withdrawn item) marks the queued item withdrawn and flags its article; a kill of a
 *   story never queued is not queued;
 * - a later version replaces the queued item's text; an article made from it is left alone; a
 *   later usable version of a withdrawn story releases it (back to its status before the kill);
 * - the same version again changes nothing.
 */
export async function enqueueFeedItems(db: Db, provider: string, items: FeedItem[]): Promise<EnqueueResult> {
  const result: EnqueueResult = { added: 0, known: 0, duplicates: 0, withdrawn: 0, updated: 0 };
  for (const item of items) {
    const queued = await db.kysely
      .selectFrom('ingest_items')
      .select(['id', 'guid', 'status', 'article_id', 'version', 'version_created', 'withdrawn_from'])
      .where('provider', '=', provider)
      .where('guid', '=', item.guid)
      .executeTakeFirst();
    if (item.withdrawn) {
      if (queued && (await withdraw(db, provider, queued, item))) result.withdrawn++;
      else if (queued) result.known++;
      continue;
    }
    if (queued) {
      if (await applyLaterVersion(db, provider, queued, item)) result.updated++;
      else result.known++;
      continue;
    }
    const text = `${item.title}\n${(item.contentHtml || item.summary).replace(/<[^>]+>/g, '')}`;
    const duplicate = await findDuplicate(db, { sourceUrl: item.url, text });
    await db.kysely
      .insertInto('ingest_items')
      .values({
        provider,
        guid: item.guid,
        ...storedText(item),
        status: duplicate ? 'skipped' : 'new',
        article_id: duplicate?.articleId ?? null,
        created_at: nowIso(),
      })
      .onConflict((oc) => oc.columns(['provider', 'guid']).doNothing())
      .execute();
    if (duplicate) result.duplicates++;
    else result.added++;
  }
  return result;
}

/** The columns a version of the story fills: the same on first arrival and on every later version. */
function storedText(item: FeedItem) {
  return {
    url: item.url,
    title: item.title,
    summary: item.summary.replace(/<[^>]+>/g, '').trim(),
    body_html: sanitizeRichText(item.contentHtml || item.summary),
    authors: JSON.stringify(item.authors),
    published_at: utc(item.publishedAt),
    language: item.language || null,
    // Stored in UTC like every other time; the agency's offset has done its work in the conversion.
    embargo_until: utc(item.embargoUntil),
    version: item.version ?? null,
    version_created: utc(item.versionCreated),
  };
}

function utc(iso: string | null | undefined): string | null {
  return iso ? new Date(iso).toISOString() : null;
}

function storedVersion(queued: QueuedItem) {
  return { version: queued.version, versionCreated: queued.version_created };
}

/**
 * Marks a queued item withdrawn, once. A kill older than the version we hold (the agency withheld
 * a story, then released a later version) is stale and changes nothing. An article made from the
 * item, or matched as its duplicate, is flagged through the audit log and the item's link to it;
 * a published one stays online: taking it down is the editors' decision.
 */
async function withdraw(db: Db, provider: string, queued: QueuedItem, kill: FeedItem): Promise<boolean> {
  if (queued.status === 'withdrawn' || isLaterVersion(storedVersion(queued), kill)) return false;
  return db.kysely.transaction().execute(async (trx) => {
    const at = nowIso();
    const changed = await trx
      .updateTable('ingest_items')
      // The kill's version is kept too: only a version after the kill releases the story again.
      .set({
        status: 'withdrawn',
        withdrawn_at: at,
        withdrawn_from: queued.status,
        version: kill.version ?? queued.version,
        version_created: utc(kill.versionCreated) ?? queued.version_created,
      })
      .where('id', '=', queued.id)
      .where('status', '!=', 'withdrawn')
      .executeTakeFirst();
    if (!changed.numUpdatedRows) return false;
    const article = queued.article_id ? await articleState(trx, queued.article_id) : undefined;
    await recordAudit(trx, WIRE_ACTOR, {
      action: 'wire.withdrawn',
      ...(article ? { targetType: 'article', targetId: article.id } : { targetType: 'ingest_item', targetId: queued.id }),
      detail: { provider, guid: queued.guid, queueItemId: queued.id, previousStatus: queued.status, ...(article ? { articleStatus: article.status } : {}) },
    });
    return true;
  });
}

/**
 * Stores a later version of a queued story in its queue item. Before import the editor simply
 * works from the new text; after import the article is the newsroom's own and is left alone: the
 * queue item keeps the agency's new text and the article page points to it. A later usable
 * version of a withdrawn story is the agency releasing it: the item returns to the status it had
 * before the kill (new, imported or skipped) and the kill notice is cleared.
 */
async function applyLaterVersion(db: Db, provider: string, queued: QueuedItem, item: FeedItem): Promise<boolean> {
  if (!isLaterVersion(item, storedVersion(queued))) return false;
  const released = queued.status === 'withdrawn';
  await db.kysely.transaction().execute(async (trx) => {
    const release = released ? { status: queued.withdrawn_from ?? 'new', withdrawn_at: null, withdrawn_from: null } : {};
    await trx.updateTable('ingest_items').set({ ...storedText(item), ...release, agency_updated_at: nowIso() }).where('id', '=', queued.id).execute();
    const imported = (released ? queued.withdrawn_from : queued.status) === 'imported';
    if (!imported || !queued.article_id) return;
    await recordAudit(trx, WIRE_ACTOR, {
      action: released ? 'wire.released' : 'wire.updated',
      targetType: 'article',
      targetId: queued.article_id,
      detail: { provider, guid: queued.guid, queueItemId: queued.id, version: item.version ?? null, versionCreated: item.versionCreated ?? null },
    });
  });
  return true;
}

async function articleState(trx: Kysely<Database>, id: number) {
  return trx.selectFrom('articles').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
}
