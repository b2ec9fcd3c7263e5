import { AdminLayout } from './admin-layout.tsx';
import type { AdminChrome } from './admin-view-models.ts';

export interface AuditRowView {
  id: number;
  at: string;
  username: string;
  /** The stored code (article.publish), kept as a tooltip for whoever greps logs. */
  action: string;
  actionLabel: string;
  target: string;
  /** The newsroom page of the target, when it has one. */
  targetUrl?: string;
  detail: string;
  ip: string;
}

export interface AuditPageProps {
  chrome: AdminChrome;
  rows: AuditRowView[];
  actions: { code: string; label: string }[];
  usernames: string[];
  filters: { action: string; user: string };
  page: number;
  pageCount: number;
  total: number;
  pageUrl: (page: number) => string;
}

/** The audit log: who did what, when and from where; newest first, filtered by action and user. */
export function AuditPage(props: AuditPageProps) {
  const t = props.chrome.t;
  const status = t('pageOf', { page: props.page, pages: props.pageCount, total: props.total });
  return (
    <AdminLayout chrome={props.chrome} title={t('audit')}>
      <h1 safe>{t('audit')}</h1>
      <form method="get" action="/admin/audit" class="filter-bar" aria-label={t('filter')}>
        <label for="a-action" safe>{t('action')}</label>
        <select id="a-action" name="action">
          <option value="" safe>{t('aud_allActions')}</option>
          {props.actions.map((action) => (
            <option value={action.code} selected={props.filters.action === action.code} safe>
              {action.label}
            </option>
          ))}
        </select>
        <label for="a-user" safe>{t('aud_user')}</label>
        <select id="a-user" name="user">
          <option value="" safe>{t('aud_allUsers')}</option>
          {props.usernames.map((name) => (
            <option value={name} selected={props.filters.user === name} safe>
              {name}
            </option>
          ))}
        </select>
        <button type="submit" safe>{t('filter')}</button>
      </form>
      {props.rows.length ? (
        <table class="audit-table">
          <thead>
            <tr>
              <th safe>{t('at')}</th>
              <th safe>{t('by')}</th>
              <th safe>{t('action')}</th>
              <th safe>{t('target')}</th>
              <th safe>{t('aud_detail')}</th>
              <th safe>{t('ip')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <td class="nowrap" safe>{row.at}</td>
                <td safe>{row.username}</td>
                <td title={row.action} safe>
                  {row.actionLabel}
                </td>
                <td>
                  {row.targetUrl ? (
                    <a href={row.targetUrl} safe>
                      {row.target}
                    </a>
                  ) : (
                    <span safe>{row.target}</span>
                  )}
                </td>
                <td class="detail" safe>
                  {row.detail}
                </td>
                <td safe>{row.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted" safe>{t('aud_none')}</p>
      )}
      <nav class="admin-pager" aria-label={status}>
        {props.page > 1 ? <a href={props.pageUrl(props.page - 1)} rel="prev" safe>{t('previousPage')}</a> : ''}
        <span safe>{status}</span>
        {props.page < props.pageCount ? <a href={props.pageUrl(props.page + 1)} rel="next" safe>{t('nextPage')}</a> : ''}
      </nav>
    </AdminLayout>
  );
}
