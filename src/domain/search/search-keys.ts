/**
 * The search index orders entries by a 64-bit key: the publish second shifted left 30 bits, plus
 * the article id. Keys are unique, "newest first" is simply "largest key first", and a date range
 * is a key range. On SQLite the key is the FTS5 rowid, so full-text doclists come back already in
 * publish order and a query can stop after the first N matches instead of sorting all of them.
 *
 * Keys exceed 2^53, so they live in BigInt in JavaScript and are never read back into a number.
 */
const ID_BITS = 30n;
const MAX_ID = 2 ** 30 - 1;
const MAX_SECONDS = 2 ** 33 - 1;

function seconds(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return 0;
  return Math.min(MAX_SECONDS, Math.max(0, Math.floor(ms / 1000)));
}

/**
 * The key of an article: by publish time, or for an article never published by its last change
 * (so newsroom searches list fresh drafts among the newest matches).
 */
export function searchSortKey(time: string, articleId: number): bigint {
  if (!Number.isInteger(articleId) || articleId < 0 || articleId > MAX_ID) throw new RangeError(`article id ${articleId} does not fit the search key`);
  return (BigInt(seconds(time)) << ID_BITS) | BigInt(articleId);
}

/** The smallest key of anything published at or after `iso`. */
export function firstKeyAt(iso: string): bigint {
  return BigInt(seconds(iso)) << ID_BITS;
}

/** The largest key of anything published at or before `iso`. */
export function lastKeyAt(iso: string): bigint {
  return ((BigInt(seconds(iso)) + 1n) << ID_BITS) - 1n;
}
