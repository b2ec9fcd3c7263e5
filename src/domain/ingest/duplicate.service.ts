import type { Db } from '../../db/create-db.ts';
import { nowIso } from '../shared/time.ts';
import { hammingDistance, simhash, simhashBands } from './simhash.ts';

/** Texts this close (in SimHash bits) are the same story. */
export const NEAR_DUPLICATE_BITS = 3;
/** Too little text says nothing about sameness. */
const MIN_TEXT_FOR_SIMHASH = 80;

export interface DuplicateMatch {
  articleId: number;
  reason: 'source-url' | 'similar-text';
  /** SimHash distance in bits, for similar-text matches. */
  distance?: number;
}

const TRACKING_PARAMS = /^(utm_\w+|spm|from|share_token|fbclid|gclid|ref|isappinstalled|scene|wfr)$/i;

/** A source URL compared the way a reader would: no fragment, no tracking parameters, no trailing slash. */
export function normaliseSourceUrl(value: string): string {
  const trimmed = value.trim();
  if (!trimmed) return '';
  try {
    const url = new URL(trimmed);
    url.hash = '';
    for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
    url.hostname = url.hostname.toLowerCase();
    const text = url.toString();
    return text.endsWith('/') && url.pathname !== '/' ? text.slice(0, -1) : text;
  } catch {
    return trimmed;
  }
}

/** Records what an imported (or written) article looks like, so later imports can find it. */
export async function recordFingerprint(db: Db, articleId: number, input: { sourceUrl?: string; text: string }): Promise<void> {
  const hash = simhash(input.text);
  const [band0, band1, band2, band3] = simhashBands(hash);
  const row = { source_url: normaliseSourceUrl(input.sourceUrl ?? ''), simhash: hash, band0, band1, band2, band3, created_at: nowIso() };
  await db.kysely
    .insertInto('ingest_fingerprints')
    .values({ article_id: articleId, ...row })
    .onConflict((oc) => oc.column('article_id').doUpdateSet(row))
    .execute();
}

/**
 * The existing article an import duplicates, if any: the same source URL first (on the article or
 * its fingerprint), then text within NEAR_DUPLICATE_BITS by SimHash.
 */
export async function findDuplicate(db: Db, input: { sourceUrl?: string; text: string }): Promise<DuplicateMatch | null> {
  const url = normaliseSourceUrl(input.sourceUrl ?? '');
  if (url) {
    const byArticle = await db.kysely.selectFrom('articles').select('id').where('source_url', 'in', [url, input.sourceUrl?.trim() ?? url]).orderBy('id').executeTakeFirst();
    if (byArticle) return { articleId: byArticle.id, reason: 'source-url' };
    const byPrint = await db.kysely.selectFrom('ingest_fingerprints').select('article_id').where('source_url', '=', url).orderBy('article_id').executeTakeFirst();
    if (byPrint) return { articleId: byPrint.article_id, reason: 'source-url' };
  }
  if (input.text.trim().length < MIN_TEXT_FOR_SIMHASH) return null;
  const hash = simhash(input.text);
  const [b0, b1, b2, b3] = simhashBands(hash);
  const candidates = await db.kysely
    .selectFrom('ingest_fingerprints')
    .select(['article_id', 'simhash'])
    .where((eb) => eb.or([eb('band0', '=', b0), eb('band1', '=', b1), eb('band2', '=', b2), eb('band3', '=', b3)]))
    .orderBy('article_id')
    .limit(200)
    .execute();
  let best: DuplicateMatch | null = null;
  for (const c of candidates) {
    const distance = hammingDistance(hash, c.simhash);
    if (distance <= NEAR_DUPLICATE_BITS && (!best || distance < (best.distance ?? 64))) best = { articleId: c.article_id, reason: 'similar-text', distance };
  }
  return best;
}
