import type { Db } from '../../db/create-db.ts';
import type { MediaRow } from '../../db/schema.ts';
import { MediaError, mediaUrls, storeImage } from '../media/media.service.ts';
import type { Actor } from '../users/actor.ts';
import type { Extraction } from './extraction.ts';
import { FetchError, type SafeFetchOptions, safeFetch } from './safe-fetch.ts';

/** A URL import brings at most this many pictures; the rest stay links to the source. */
export const MAX_IMPORTED_IMAGES = 10;

/** The JPEG rendition a figure shows by default (pages swap in srcset from data-media-id). */
const FIGURE_WIDTH = 960;

/**
 * Downloads an imported page's pictures into the media library (with their captions and credits)
 * and points the body's figures at our copies. A picture that cannot be fetched or is not an
 * image is dropped from the body rather than hot-linked to another site.
 */
export async function localiseImages(
  db: Db,
  dataDir: string,
  extraction: Extraction,
  options: { actor?: Actor; fetch?: SafeFetchOptions } = {},
): Promise<{ extraction: Extraction; stored: MediaRow[]; failed: string[] }> {
  let bodyHtml = extraction.bodyHtml;
  const stored: MediaRow[] = [];
  const failed: string[] = [];
  for (const image of extraction.images.slice(0, MAX_IMPORTED_IMAGES)) {
    const attribute = `src="${escapeAttribute(image.url)}"`;
    if (!bodyHtml.includes(attribute)) continue;
    try {
      const fetched = await safeFetch(image.url, { maxBytes: 20 * 1024 * 1024, accept: 'image/*', ...options.fetch });
      const media = await storeImage(db, dataDir, fetched.body, { caption: image.caption, credit: image.credit, alt: image.caption }, options.actor);
      stored.push(media);
      bodyHtml = bodyHtml.replace(attribute, ownImageAttributes(media));
    } catch (error) {
      if (!(error instanceof MediaError) && !(error instanceof FetchError)) throw error;
      failed.push(image.url);
      bodyHtml = bodyHtml.replace(new RegExp(`<img ${escapeRegExp(attribute)}[^>]*>`), '');
    }
  }
  return { extraction: { ...extraction, bodyHtml }, stored, failed };
}

function ownImageAttributes(media: MediaRow): string {
  const urls = mediaUrls(media);
  const width = urls.widths.filter((w) => w <= FIGURE_WIDTH).pop() ?? urls.widths[0] ?? media.width;
  const height = Math.round((media.height * width) / media.width);
  return `src="${urls.jpeg(width)}" width="${width}" height="${height}" data-media-id="${media.id}"`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
