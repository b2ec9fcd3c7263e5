import type { Translate } from '../../i18n/messages.ts';
import type { Pagination } from '../view-models.ts';

/** Page links that work without JavaScript; the window of numbers stays small on deep pages. */
export function Pager(props: { pagination: Pagination; t: Translate }) {
  const { page, pageCount, urlFor } = props.pagination;
  if (pageCount <= 1) return '';
  const first = Math.max(1, page - 3);
  const last = Math.min(pageCount, page + 3);
  const numbers: number[] = [];
  for (let n = first; n <= last; n++) numbers.push(n);
  const t = props.t;
  return (
    <nav class="pager" aria-label={t('pageOf', { page, pages: pageCount })}>
      {page > 1 ? <a href={urlFor(1)} safe>{t('firstPage')}</a> : ''}
      {page > 1 ? (
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
      {page < pageCount ? (
        <a href={urlFor(page + 1)} rel="next" safe>
          {t('nextPage')}
        </a>
      ) : (
        ''
      )}
      {page < pageCount ? <a href={urlFor(pageCount)} safe>{t('lastPage')}</a> : ''}
      <span class="page-of" safe>
        {t('pageOf', { page, pages: pageCount })}
      </span>
    </nav>
  );
}
