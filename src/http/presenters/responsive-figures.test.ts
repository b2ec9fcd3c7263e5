import { describe, expect, it } from 'vitest';
import type { MediaRow } from '../../db/schema.ts';
import { sanitizeRichText } from '../../domain/articles/rich-text.ts';
import { figureMediaIds, responsiveFigures } from './article-presenter.ts';

const SHA = 'ab'.repeat(32);
const row = (id: number, width: number, height: number, alt = '库里的 <替代> "文本"'): MediaRow => ({
  id,
  path: `ab/ab/${SHA}.jpg`,
  mime: 'image/jpeg',
  size: 1000,
  width,
  height,
  caption: '',
  credit: '',
  alt,
  sha256: SHA,
  created_at: '2025-05-19T00:00:00.000Z',
});
const media = new Map([
  [7, row(7, 2000, 1000)],
  [8, row(8, 600, 400)],
]);
const figure = (id: string, alt: string) =>
  `<figure><img src="https://old.example/x.jpg" alt="${alt}" width="1" height="1" data-media-id="${id}"><figcaption>说明</figcaption></figure>`;

describe('responsiveFigures', () => {
  it('writes a picture with WebP and JPEG srcset, the rendition size, and lazy loading after the first', () => {
    const body = sanitizeRichText(`<p>一</p>${figure('7', '湖面')}${figure('8', '')}`);
    expect(figureMediaIds(body)).toEqual([7, 8]);
    const out = responsiveFigures(body, media);
    const [first, second] = [...out.matchAll(/<picture>.*?<\/picture>/g)].map((m) => m[0]);
    expect(first).toBe(
      `<picture><source type="image/webp" srcset="/media/ab/ab/${SHA}-480.webp 480w, /media/ab/ab/${SHA}-960.webp 960w, /media/ab/ab/${SHA}-1600.webp 1600w" sizes="(max-width: 860px) calc(100vw - 32px), 816px">` +
        `<img src="/media/ab/ab/${SHA}-960.jpg" srcset="/media/ab/ab/${SHA}-480.jpg 480w, /media/ab/ab/${SHA}-960.jpg 960w, /media/ab/ab/${SHA}-1600.jpg 1600w" sizes="(max-width: 860px) calc(100vw - 32px), 816px" ` +
        `width="960" height="480" alt="湖面" loading="eager" decoding="async" data-media-id="7"></picture>`,
    );
    // A small original has one rendition, its own width; an empty alt falls back to the library's, escaped.
    expect(second).toContain(`srcset="/media/ab/ab/${SHA}-480.jpg 480w, /media/ab/ab/${SHA}-600.jpg 600w"`);
    expect(second).toContain('width="600" height="400" alt="库里的 &lt;替代> &#34;文本&#34;" loading="lazy"');
    expect(out).not.toContain('old.example');
  });

  it('leaves unknown ids, outside images and markup-looking text alone', () => {
    const body = sanitizeRichText(
      `${figure('99', '不在库中')}<p>&lt;img data-media-id="7"&gt; 是文字</p><p><img src="https://e.example/a.png" alt='data-media-id="7"'></p>`,
    );
    expect(figureMediaIds(body)).toEqual([99]);
    expect(responsiveFigures(body, media)).toBe(body);
  });
});
