import type { MediaRow } from '../../db/schema.ts';
import { mediaUrls } from '../../domain/media/media.service.ts';
import type { ImageView } from '../../views/view-models.ts';

/** The JPEG fallback a page links as `src`: the largest rendition no wider than this. */
const FALLBACK_WIDTH = 960;

export function toImageView(media: MediaRow, alt?: string): ImageView {
  const urls = mediaUrls(media);
  const fallback = urls.widths.filter((w) => w <= FALLBACK_WIDTH).pop() ?? urls.widths[0] ?? media.width;
  return {
    src: urls.jpeg(fallback),
    srcsetWebp: urls.srcset('webp'),
    srcsetJpeg: urls.srcset('jpg'),
    width: fallback,
    height: Math.round((media.height * fallback) / media.width),
    alt: alt ?? media.alt,
  };
}
