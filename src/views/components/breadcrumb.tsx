import type { Translate } from '../../i18n/messages.ts';
import type { Crumb } from '../view-models.ts';

/** 首页 >> 新闻 >> 国际新闻 >> 正文, as the seed page shows it. */
export function Breadcrumb(props: { crumbs: Crumb[]; t: Translate }) {
  return (
    <nav class="breadcrumb" aria-label={props.t('breadcrumb')}>
      {props.crumbs.map((crumb, index) => (
        <>
          {index > 0 ? <span class="sep"> &gt;&gt; </span> : ''}
          {crumb.url ? (
            <a href={crumb.url} safe>
              {crumb.name}
            </a>
          ) : (
            <span aria-current="page" safe>
              {crumb.name}
            </span>
          )}
        </>
      ))}
    </nav>
  );
}
