import type { Db } from '../../db/create-db.ts';
import { sanitizeRichText } from '../articles/rich-text.ts';
import { nowIso } from '../shared/time.ts';
import { findDuplicate } from './duplicate.service.ts';
import type { FeedItem } from './feed-parser.ts';

export interface EnqueueResult {
  added: number;
  /** Already in the queue under the same provider and GUID. */
  known: number;
  /** New to the queue but duplicating an existing article: queued as skipped, pointing at it. */
  duplicates: number;
}

/**
 * Puts a provider's feed items into the ingest queue editors work from. A GUID seen before is
 * ignored; an item that duplicates an existing article (same source URL or near-identical text)
 * is queued as skipped with that article, so an editor can still choose to update it.
 */
export async function enqueueFeedItems(db: Db, provider: string, items: FeedItem[]): Promise<EnqueueResult> {
  const result: EnqueueResult = { added: 0, known: 0, duplicates: 0 };
  for (const item of items) {
    // A kill notice is never a story to queue.
    if (item.withdrawn) continue;
    const seen = await db.kysely.selectFrom('ingest_items').select('id').where('provider', '=', provider).where('guid', '=', item.guid).executeTakeFirst();
    if (seen) {
      result.known++;
      continue;
    }
    const text = `${item.title}\n${(item.contentHtml || item.summary).replace(/<[^>]+>/g, '')}`;
    const duplicate = await findDuplicate(db, { sourceUrl: item.url, text });
    await db.kysely
      .insertInto('ingest_items')
      .values({
        provider,
        guid: item.guid,
        url: item.url,
        title: item.title,
        summary: item.summary.replace(/<[^>]+>/g, '').trim(),
        body_html: sanitizeRichText(item.contentHtml || item.summary),
        authors: JSON.stringify(item.authors),
        published_at: item.publishedAt ? new Date(item.publishedAt).toISOString() : null,
        language: item.language || null,
        // Stored in UTC like every other time; the agency's offset has done its work in the conversion.
        embargo_until: item.embargoUntil ? new Date(item.embargoUntil).toISOString() : null,
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
