import { Pager } from '../components/pager.tsx';
import { SiteLayout, WithSidebar } from '../layouts/site-layout.tsx';
import type { PageHead, Pagination, SiteChrome } from '../view-models.ts';
import { Breadcrumb } from '../components/breadcrumb.tsx';

export interface SearchHitView {
  url: string;
  /** Escaped title with <mark> around matches (built by escaping first). */
  safeTitle: string;
  /** Escaped excerpt with <mark> around matches. */
  safeSnippet: string;
  date: string;
  source: string;
}

export interface SearchPageProps {
  chrome: SiteChrome;
  head: PageHead;
  q: string;
  sort: 'relevance' | 'time';
  channelId?: number;
  channels: { id: number; name: string }[];
  from: string;
  to: string;
  source: string;
  /** 'empty': no query typed; 'none': no match; 'past-end': a page past the last; 'results'. */
  state: 'empty' | 'none' | 'past-end' | 'results';
  total: number;
  totalIsLowerBound: boolean;
  items: SearchHitView[];
  pagination: Pagination;
}

/** The public search page: a form that works without JavaScript, then ranked results. */
export function SearchPage(props: SearchPageProps) {
  const { chrome } = props;
  const t = chrome.t;
  return (
    <SiteLayout chrome={chrome} head={props.head}>
      {/* Like every other page: where the reader is, and a way home (the heading sat flush under the channel bar). */}
      <Breadcrumb crumbs={[{ name: t('home'), url: '/' }, { name: t('searchTitle') }]} t={t} />
      <WithSidebar chrome={chrome}>
        <section class="search">
          <h1 class="channel-title" safe>
            {props.q ? t('searchResultsFor', { q: props.q }) : t('searchTitle')}
          </h1>
          <form class="search-form" action="/search" method="get" role="search">
            <label class="search-q">
              <span safe>{t('searchLabel')}</span>
              <input type="search" name="q" value={props.q} maxlength="100" />
            </label>
            <label>
              <span safe>{t('searchChannel')}</span>
              <select name="channel">
                <option value="" safe>
                  {t('allChannels')}
                </option>
                {props.channels.map((c) => (
                  <option value={String(c.id)} selected={c.id === props.channelId} safe>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span safe>{t('dateFrom')}</span>
              <input type="date" name="from" value={props.from} />
            </label>
            <label>
              <span safe>{t('dateTo')}</span>
              <input type="date" name="to" value={props.to} />
            </label>
            <label>
              <span safe>{t('source')}</span>
              <input type="text" name="source" value={props.source} maxlength="50" />
            </label>
            <label>
              <span safe>{t('searchSort')}</span>
              <select name="sort">
                <option value="relevance" selected={props.sort === 'relevance'} safe>
                  {t('sortRelevance')}
                </option>
                <option value="time" selected={props.sort === 'time'} safe>
                  {t('sortTime')}
                </option>
              </select>
            </label>
            <button type="submit" safe>
              {t('searchButton')}
            </button>
          </form>
          {props.state === 'empty' ? (
            <p class="empty" safe>
              {t('searchEmpty')}
            </p>
          ) : props.state === 'none' ? (
            <p class="empty" safe>
              {t('searchNoResults')}
            </p>
          ) : (
            <>
              <p class="search-count" safe>
                {props.totalIsLowerBound ? t('searchCountMore', { count: props.total }) : t('searchCount', { count: props.total })}
              </p>
              {props.state === 'past-end' ? (
                <p class="empty" safe>
                  {t('searchPastEnd')}
                </p>
              ) : (
                <ol class="search-results">
                  {props.items.map(({ url, safeTitle, safeSnippet, source, date }) => (
                    <li>
                      <h2>
                        <a href={url}>{safeTitle}</a>
                      </h2>
                      <p>{safeSnippet}</p>
                      <p class="meta">
                        <span safe>{source}</span> <time safe>{date}</time>
                      </p>
                    </li>
                  ))}
                </ol>
              )}
              <Pager pagination={props.pagination} t={t} />
            </>
          )}
        </section>
      </WithSidebar>
    </SiteLayout>
  );
}
