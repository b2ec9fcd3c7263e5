import type { DiffLine } from '../../domain/articles/revision.service.ts';
import { AdminLayout } from './admin-layout.tsx';
import type { AdminChrome } from './admin-view-models.ts';

export interface RevisionRowView {
  id: number;
  version: number;
  at: string;
  authorName: string;
  note: string;
  compareUrl: string;
  selected: boolean;
}

export interface RevisionsPageProps {
  chrome: AdminChrome;
  articleTitle: string;
  editUrl: string;
  restoreUrl: (revisionId: number) => string;
  currentVersion: number;
  revisions: RevisionRowView[];
  diff?: { fields: { name: string; before: string; after: string }[]; body: DiffLine[] };
}

export function RevisionsPage(props: RevisionsPageProps) {
  const t = props.chrome.t;
  return (
    <AdminLayout chrome={props.chrome} title={t('revisions')}>
      <h1 safe>{t('revisionsOf', { title: props.articleTitle })}</h1>
      <p>
        <a href={props.editUrl} safe>
          {props.articleTitle}
        </a>
      </p>
      <div class={props.diff ? 'revisions-layout has-diff' : 'revisions-layout'}>
        <table class="revisions">
          <thead>
            <tr>
              <th scope="col" safe>{t('version')}</th>
              <th scope="col" safe>{t('at')}</th>
              <th scope="col" safe>{t('by')}</th>
              <th scope="col" safe>{t('action')}</th>
              <th scope="col"></th>
            </tr>
          </thead>
          <tbody>
            {props.revisions.map((r) => (
              <tr class={r.selected ? 'selected' : undefined}>
                <td safe>{String(r.version)}</td>
                <td class="nowrap" safe>
                  {r.at}
                </td>
                <td class="nowrap" safe>
                  {r.authorName}
                </td>
                <td safe>{r.note}</td>
                <td class="row-actions">
                  <a href={r.compareUrl} safe>
                    {t('compareWithCurrent')}
                  </a>
                  <form method="post" action={props.restoreUrl(r.id)} class="inline">
                    <input type="hidden" name="_csrf" value={props.chrome.csrfToken} />
                    <input type="hidden" name="version" value={String(props.currentVersion)} />
                    <button type="submit" class="link-button" safe>
                      {t('restore')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {props.diff ? (
          <section class="diff" aria-label={t('diffBody')}>
            <h2 safe>{t('diffFields')}</h2>
            {props.diff.fields.length ? (
              <dl>
                {props.diff.fields.map((f) => (
                  <>
                    <dt safe>{f.name}</dt>
                    <dd>
                      <del safe>{f.before}</del> <ins safe>{f.after}</ins>
                    </dd>
                  </>
                ))}
              </dl>
            ) : (
              <p class="muted" safe>{t('nothingHere')}</p>
            )}
            <h2 safe>{t('diffBody')}</h2>
            <div class="diff-body">
              {props.diff.body.map((line) =>
                line.kind === 'added' ? <ins safe>{line.text}</ins> : line.kind === 'removed' ? <del safe>{line.text}</del> : <p safe>{line.text}</p>,
              )}
            </div>
          </section>
        ) : (
          ''
        )}
      </div>
    </AdminLayout>
  );
}
