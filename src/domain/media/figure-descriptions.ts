import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../users/actor.ts';
import { MEDIA_TEXT_MAX } from './media.service.ts';

export interface FigureDescription {
  mediaId: number;
  alt: string;
  caption: string;
  credit: string;
}

/**
 * One library figure as the sanitiser writes it:
 * `<figure><img … data-media-id="N"…><figcaption>caption <span class="credit">credit</span></figcaption></figure>`.
 */
const FIGURE = /<figure>(<img\b[^>]*>)(?:<figcaption>([^]*?)<\/figcaption>)?<\/figure>/g;
const CREDIT = /<span class="credit">([^]*?)<\/span>/;

/** The library images a sanitised body shows, with the alt, caption and credit written beside them. */
export function figureDescriptions(safeBodyHtml: string): FigureDescription[] {
  const figures: FigureDescription[] = [];
  for (const match of safeBodyHtml.matchAll(FIGURE)) {
    const img = match[1] ?? '';
    const id = /\sdata-media-id="([1-9]\d{0,8})"/.exec(img)?.[1];
    if (!id) continue;
    const captionHtml = match[2] ?? '';
    const credit = CREDIT.exec(captionHtml)?.[1] ?? '';
    figures.push({
      mediaId: Number(id),
      alt: textOf(/\salt="([^"]*)"/.exec(img)?.[1] ?? ''),
      caption: textOf(captionHtml.replace(CREDIT, '')),
      credit: textOf(credit),
    });
  }
  return figures;
}

/**
 * Gives a library image the alt text, caption and credit its first story wrote for it, where the
 * library has none. The editor's picker uploads a photo before anyone has described it, and the
 * description typed in the picker goes into the story's figure; without this the library kept an
 * untitled "#16" nobody could find again. Only empty fields are filled: a described image is
 * never rewritten by a story.
 */
export async function describeUnnamedMedia(trx: Kysely<Database>, actor: Actor, safeBodyHtml: string): Promise<void> {
  const figures = figureDescriptions(safeBodyHtml);
  if (!figures.length) return;
  const rows = await trx
    .selectFrom('media')
    .select(['id', 'alt', 'caption', 'credit'])
    .where('id', 'in', [...new Set(figures.map((f) => f.mediaId))])
    .execute();
  for (const row of rows) {
    const figure = figures.find((f) => f.mediaId === row.id)!;
    const fill: Partial<Record<'alt' | 'caption' | 'credit', string>> = {};
    for (const key of ['alt', 'caption', 'credit'] as const) {
      const value = figure[key].slice(0, MEDIA_TEXT_MAX);
      if (!row[key].trim() && value) fill[key] = value;
    }
    const keys = Object.keys(fill) as ('alt' | 'caption' | 'credit')[];
    if (!keys.length) continue;
    await trx.updateTable('media').set(fill).where('id', '=', row.id).execute();
    await recordAudit(trx, actor, {
      action: 'media.edit',
      targetType: 'media',
      targetId: row.id,
      detail: { fromStory: true, ...Object.fromEntries(keys.map((key) => [key, { from: row[key], to: fill[key] }])) },
    });
  }
}

/** Text of sanitised inline HTML: tags dropped, the sanitiser's entities decoded, spaces tidied. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|#34|amp);/g, (_m, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#34': '"', amp: '&' })[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
