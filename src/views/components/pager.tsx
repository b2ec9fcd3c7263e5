import type { Translate } from '../../i18n/messages.ts';
import type { Pagination } from '../view-models.ts';

/** Page links that work without JavaScript; the window of numbers stays small on deep pages. */
export function Pager(props: { pagination: Pagination; t: Translate }) {
  const { page, pageCount, urlFor, unnumbered } = props.pagination;
  if (pageCount <= 1) return '';
  // An older-stories link when the route gives one, else the next number.
  const nextUrl = 'nextUrl' in props.pagination ? props.pagination.nextUrl : page < pageCount ? urlFor(page + 1) : undefined;
  const first = Math.max(1, page - 3);
  const last = Math.min(pageCount, page + 3);
  const numbers: number[] = [];
  if (!unnumbered) for (let n = first; n <= last; n++) numbers.push(n);
  const t = props.t;
  const label = unnumbered ? t('nextPage') : t('pageOf', { page, pages: pageCount });
  return (
    <nav class="pager" aria-label={label}>
      {unnumbered || page > 1 ? <a href={urlFor(1)} safe>{t('firstPage')}</a> : ''}
      {!unnumbered && page > 1 ? (
        <a href={urlFor(page - 1)} rel="prev" safe>
          {t('previousPage')}
        </a>
      ) : (
        ''
      )}
      {numbers.map((n) =>
        n === page ? (
          <span class="current" aria-current="page">
            {n}
          </span>
        ) : (
          <a href={urlFor(n)}>{n}</a>
        ),
      )}
      {nextUrl ? (
        <a href={nextUrl} rel="next" safe>
          {t('nextPage')}
        </a>
      ) : (
        ''
      )}
      {unnumbered || page < pageCount ? <a href={urlFor(pageCount)} safe>{t('lastPage')}</a> : ''}
      {unnumbered ? (
        ''
      ) : (
        <span class="page-of" safe>
          {t('pageOf', { page, pages: pageCount })}
        </span>
      )}
    </nav>
  );
}
