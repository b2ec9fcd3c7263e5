import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Metadata } from 'sharp';
import type { Db } from '../../db/create-db.ts';
import type { MediaRow } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { nowIso } from '../shared/time.ts';
import type { Actor } from '../users/actor.ts';
import { assertCan } from '../users/policy.ts';

/** Why an image was refused; the newsroom shows a message for each. */
export type MediaProblem = 'empty' | 'tooLarge' | 'notImage' | 'unsupported' | 'tooManyPixels' | 'notFound';

export class MediaError extends Error {
  constructor(
    message: string,
    readonly problem: MediaProblem = 'notImage',
  ) {
    super(message);
  }
}

export interface MediaMeta {
  caption?: string;
  credit?: string;
  alt?: string;
}

export const MEDIA_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxPixels: 40_000_000,
};

/** Widths of the renditions made for every image; pages pick one with srcset. */
export const RENDITION_WIDTHS = [480, 960, 1600] as const;

const FORMATS: Record<string, { mime: string; ext: string }> = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
  gif: { mime: 'image/gif', ext: 'gif' },
};

/**
 * Stores an image: its type is read from the bytes (never the file name), its size and pixel
 * count are bounded, and the same bytes stored twice give the same media row. With an actor,
 * a new image is recorded in the audit log (the demo and the importer store without one).
 */
export async function storeImage(db: Db, dataDir: string, bytes: Buffer, meta: MediaMeta = {}, actor?: Actor): Promise<MediaRow> {
  return (await storeImageOnce(db, dataDir, bytes, meta, actor)).media;
}

/** Like storeImage, and says whether the image was already in the library (`created: false`). */
export async function storeImageOnce(
  db: Db,
  dataDir: string,
  bytes: Buffer,
  meta: MediaMeta = {},
  actor?: Actor,
): Promise<{ media: MediaRow; created: boolean }> {
  if (actor) assertCan(actor, 'media.upload');
  const info = await inspectImage(bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = await findBySha256(db, sha256);
  if (existing) return { media: existing, created: false };

  const relativeDir = path.posix.join(sha256.slice(0, 2), sha256.slice(2, 4));
  const relativePath = path.posix.join(relativeDir, `${sha256}.${info.ext}`);
  await fs.mkdir(path.join(dataDir, 'media', relativeDir), { recursive: true });
  await fs.writeFile(path.join(dataDir, 'media', relativePath), bytes);
  await writeRenditions(bytes, path.join(dataDir, 'media', relativeDir), sha256, info.width);

  return db.kysely.transaction().execute(async (trx) => {
    // Two uploads of the same bytes at once: the second finds the first's row here.
    const raced = await trx.selectFrom('media').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    if (raced) return { media: raced, created: false };
    const media = await trx
      .insertInto('media')
      .values({
        path: relativePath,
        mime: info.mime,
        size: bytes.length,
        width: info.width,
        height: info.height,
        caption: meta.caption?.trim() ?? '',
        credit: meta.credit?.trim() ?? '',
        alt: meta.alt?.trim() ?? '',
        sha256,
        created_at: nowIso(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (actor) {
      await recordAudit(trx, actor, {
        action: 'media.upload',
        targetType: 'media',
        targetId: media.id,
        detail: { mime: media.mime, size: media.size, width: media.width, height: media.height, sha256 },
      });
    }
    return { media, created: true };
  });
}

function findBySha256(db: Db, sha256: string): Promise<MediaRow | undefined> {
  return db.kysely.selectFrom('media').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

/**
 * Checks bytes as an image without storing anything: size, type by content, pixel count.
 * Uploads of several files check them all first, so one bad file stores nothing.
 */
export async function inspectImage(bytes: Buffer): Promise<{ mime: string; ext: string; width: number; height: number }> {
  if (bytes.length === 0) throw new MediaError('the file is empty', 'empty');
  if (bytes.length > MEDIA_LIMITS.maxBytes) throw new MediaError(`the file is larger than ${MEDIA_LIMITS.maxBytes / 1024 / 1024} MB`, 'tooLarge');
  return readImageInfo(bytes);
}

export const MEDIA_TEXT_MAX = 500;

/** Changes caption, credit and alt text (media.edit), recorded in the audit log with the old values. */
export async function updateMediaMeta(db: Db, actor: Actor, id: number, meta: Required<MediaMeta>): Promise<MediaRow> {
  assertCan(actor, 'media.edit');
  const next = {
    caption: meta.caption.trim().slice(0, MEDIA_TEXT_MAX),
    credit: meta.credit.trim().slice(0, MEDIA_TEXT_MAX),
    alt: meta.alt.trim().slice(0, MEDIA_TEXT_MAX),
  };
  return db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new MediaError(`no image ${id}`, 'notFound');
    const changed = (['caption', 'credit', 'alt'] as const).filter((key) => before[key] !== next[key]);
    if (!changed.length) return before;
    const after = await trx.updateTable('media').set(next).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'media.edit',
      targetType: 'media',
      targetId: id,
      detail: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: next[key] }])),
    });
    return after;
  });
}

async function readImageInfo(bytes: Buffer): Promise<{ mime: string; ext: string; width: number; height: number }> {
  let metadata: Metadata;
  try {
    metadata = await (await loadSharp())(bytes, { limitInputPixels: MEDIA_LIMITS.maxPixels }).metadata();
  } catch {
    throw new MediaError('the file is not an image we can read (JPEG, PNG, WebP or GIF)', 'notImage');
  }
  const format = metadata.format && FORMATS[metadata.format];
  if (!format || !metadata.width || !metadata.height) {
    throw new MediaError('only JPEG, PNG, WebP and GIF images are accepted', 'unsupported');
  }
  if (metadata.width * metadata.height > MEDIA_LIMITS.maxPixels) {
    throw new MediaError(`the image has more than ${MEDIA_LIMITS.maxPixels / 1_000_000} million pixels`, 'tooManyPixels');
  }
  return { ...format, width: metadata.width, height: metadata.height };
}

/** WebP plus a JPEG fallback at each width not larger than the original. */
async function writeRenditions(bytes: Buffer, dir: string, stem: string, originalWidth: number): Promise<void> {
  const sharp = await loadSharp();
  for (const width of renditionWidths(originalWidth)) {
    const resized = sharp(bytes, { limitInputPixels: MEDIA_LIMITS.maxPixels }).rotate().resize({ width, withoutEnlargement: true });
    await resized.clone().webp({ quality: 78 }).toFile(path.join(dir, `${stem}-${width}.webp`));
    await resized.clone().flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toFile(path.join(dir, `${stem}-${width}.jpg`));
  }
}

/** sharp (libvips) loads when the first image arrives, not when the server starts. */
async function loadSharp() {
  return (await import('sharp')).default;
}

export function renditionWidths(originalWidth: number): number[] {
  const largest = RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1] as number;
  const widths: number[] = RENDITION_WIDTHS.filter((w) => w < originalWidth);
  const top = Math.min(originalWidth, largest);
  return widths.includes(top) ? widths : [...widths, top];
}

/** Public URLs of an image and its renditions. */
export function mediaUrls(media: Pick<MediaRow, 'path' | 'width' | 'sha256'>) {
  const dir = path.posix.dirname(media.path);
  const widths = renditionWidths(media.width);
  const at = (width: number, ext: 'webp' | 'jpg') => `/media/${dir}/${media.sha256}-${width}.${ext}`;
  return {
    original: `/media/${media.path}`,
    widths,
    jpeg: (width: number) => at(width, 'jpg'),
    webp: (width: number) => at(width, 'webp'),
    srcset: (ext: 'webp' | 'jpg') => widths.map((w) => `${at(w, ext)} ${w}w`).join(', '),
  };
}

export async function findMedia(db: Db, ids: number[]): Promise<Map<number, MediaRow>> {
  if (!ids.length) return new Map();
  const rows = await db.kysely.selectFrom('media').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row]));
}
