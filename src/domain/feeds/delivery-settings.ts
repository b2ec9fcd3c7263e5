import type { Db } from '../../db/create-db.ts';
import { readSetting, writeSetting } from '../settings/settings-store.ts';

/** How the site is delivered to the outside: its public address, feeds, and the CDN purge hook. */
export interface DeliverySettings {
  /** "https://news.example.cn" without a trailing slash; empty means "the Host the request came to". */
  siteUrl: string;
  /** Feeds carry the whole article body (true) or the summary only (false). */
  feedFullText: boolean;
  feedItems: number;
  /** Called with the purged cache keys (POST, JSON) so a CDN or proxy can drop the same pages. */
  purgeWebhookUrl: string;
}

export const DEFAULT_DELIVERY: DeliverySettings = { siteUrl: '', feedFullText: false, feedItems: 20, purgeWebhookUrl: '' };

const KEY = 'delivery';

export class DeliverySettingsError extends Error {}

export async function getDeliverySettings(db: Db): Promise<DeliverySettings> {
  return readSetting(db.kysely, KEY, DEFAULT_DELIVERY);
}

/** Merges and checks a change, stores it, and tells the change feed. */
export async function updateDeliverySettings(db: Db, change: Partial<DeliverySettings>): Promise<DeliverySettings> {
  const next = { ...(await getDeliverySettings(db)), ...change };
  next.siteUrl = next.siteUrl.replace(/\/+$/, '');
  for (const url of [next.siteUrl, next.purgeWebhookUrl]) {
    if (url && !/^https?:\/\/[^\s/]+/.test(url)) throw new DeliverySettingsError(`"${url}" is not an http(s) address`);
  }
  if (!Number.isInteger(next.feedItems) || next.feedItems < 1 || next.feedItems > 100) {
    throw new DeliverySettingsError('feedItems must be between 1 and 100');
  }
  await writeSetting(db.kysely, KEY, next);
  db.changes.publish({ kind: 'settings' });
  return next;
}
