import type { Translate } from '../../i18n/messages.ts';
import type { NewMediaItem } from '../view-models.ts';
import { Picture } from './picture.tsx';

/** Titles longer than this are cut short, as on the seed page; the full title shows on hover. */
export const NEW_MEDIA_TITLE_LIMIT = 20;

export function cutShort(title: string, limit = NEW_MEDIA_TITLE_LIMIT): string {
  const chars = Array.from(title);
  return chars.length > limit ? chars.slice(0, limit).join('') : title;
}

/** The 新媒体 block: promoted items of the outlet's accounts, curated by editors. */
export function NewMediaList(props: { items: NewMediaItem[]; t: Translate; withImages?: boolean }) {
  if (!props.items.length) return '';
  return (
    <section class="panel new-media">
      <h2 class="panel-title" safe>{props.t('newMedia')}</h2>
      <ul class={props.withImages ? 'new-media-grid' : 'link-list compact'}>
        {props.items.map((item) => (
          <li>
            <a href={item.url} title={item.title}>
              {props.withImages && item.image ? <Picture image={item.image} sizes="(max-width: 720px) 50vw, 200px" /> : ''}
              <span class="nm-title" safe>
                {cutShort(item.title)}
              </span>
            </a>
            {item.account ? (
              <span class="nm-account" safe>
                {item.account}
              </span>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
