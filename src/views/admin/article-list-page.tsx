import { AdminLayout } from './admin-layout.tsx';
import type { AdminChrome, ArticleRowView } from './admin-view-models.ts';
import { ArticleTable } from './article-table.tsx';

export interface ArticleFilters {
  channelId: string;
  status: string;
  author: string;
  from: string;
  to: string;
  q: string;
}

export interface ArticleListProps {
  chrome: AdminChrome;
  filters: ArticleFilters;
  channels: { id: number; label: string }[];
  statuses: { key: string; label: string }[];
  authors: { id: number; name: string }[];
  rows: ArticleRowView[];
  page: number;
  pageCount: number;
  total: number;
  pageUrl: (page: number) => string;
  canCreate: boolean;
}

/** Filters on the left, the list on the right; every filter is a plain GET form. */
export function ArticleListPage(props: ArticleListProps) {
  const t = props.chrome.t;
  const f = props.filters;
  return (
    <AdminLayout chrome={props.chrome} title={t('articles')}>
      <div class="list-layout">
        <form class="filters" method="get" action="/admin/articles" aria-label={t('filter')}>
          <label for="f-q" safe>{t('search')}</label>
          <input id="f-q" name="q" value={f.q} type="search" />
          <label for="f-channel" safe>{t('channel')}</label>
          <select id="f-channel" name="channel">
            <option value="" safe>{t('allChannels')}</option>
            {props.channels.map((c) => (
              <option value={String(c.id)} selected={f.channelId === String(c.id)} safe>
                {c.label}
              </option>
            ))}
          </select>
          <label for="f-status" safe>{t('status')}</label>
          <select id="f-status" name="status">
            <option value="" safe>{t('allStatuses')}</option>
            {props.statuses.map((s) => (
              <option value={s.key} selected={f.status === s.key} safe>
                {s.label}
              </option>
            ))}
          </select>
          <label for="f-author" safe>{t('author')}</label>
          <select id="f-author" name="author">
            <option value="" safe>
              {t('allAuthors')}
            </option>
            {props.authors.map((a) => (
              <option value={String(a.id)} selected={f.author === String(a.id)} safe>
                {a.name}
              </option>
            ))}
          </select>
          <label for="f-from" safe>{t('from')}</label>
          <input id="f-from" name="from" type="date" value={f.from} />
          <label for="f-to" safe>{t('to')}</label>
          <input id="f-to" name="to" type="date" value={f.to} />
          <button type="submit" safe>{t('filter')}</button>
        </form>
        <section class="list-work">
          <div class="list-head">
            <h1 safe>{t('articles')}</h1>
            {props.canCreate ? (
              <a class="button primary" href="/admin/articles/new" safe>
                {t('newArticle')}
              </a>
            ) : (
              ''
            )}
          </div>
          {props.rows.length ? <ArticleTable t={t} rows={props.rows} /> : <p class="muted" safe>{t('nothingHere')}</p>}
          <nav class="admin-pager" aria-label={t('pageOf', { page: props.page, pages: props.pageCount, total: props.total })}>
            {props.page > 1 ? <a href={props.pageUrl(props.page - 1)} rel="prev" safe>{t('previousPage')}</a> : ''}
            <span safe>{t('pageOf', { page: props.page, pages: props.pageCount, total: props.total })}</span>
            {props.page < props.pageCount ? <a href={props.pageUrl(props.page + 1)} rel="next" safe>{t('nextPage')}</a> : ''}
          </nav>
        </section>
      </div>
    </AdminLayout>
  );
}
