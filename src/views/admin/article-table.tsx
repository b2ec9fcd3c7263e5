import type { AdminTranslate } from '../../i18n/admin-messages.ts';
import type { ArticleRowView } from './admin-view-models.ts';

export function ArticleTable(props: { t: AdminTranslate; rows: ArticleRowView[]; compact?: boolean }) {
  const t = props.t;
  return (
    <table class="articles">
      <thead>
        <tr>
          <th scope="col" safe>{t('title')}</th>
          {props.compact ? '' : <th scope="col" safe>{t('channel')}</th>}
          <th scope="col" safe>{t('status')}</th>
          {props.compact ? '' : <th scope="col" safe>{t('author')}</th>}
          <th scope="col" safe>{t('updatedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <td>
              <a href={row.editUrl} safe>
                {row.title}
              </a>
              {row.reviewComment ? (
                <p class="row-comment" safe>
                  {props.t('reviewCommentLine', { comment: row.reviewComment })}
                </p>
              ) : (
                ''
              )}
            </td>
            {props.compact ? '' : <td safe>{row.channelName}</td>}
            <td>
              <span class={`status status-${row.statusKey}`} safe>
                {row.statusLabel}
              </span>
            </td>
            {props.compact ? '' : <td safe>{row.authorName}</td>}
            <td>
              <time safe>{row.updatedAt}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
