import { AdminLayout } from './admin-layout.tsx';
import type { AdminChrome, ArticleRowView } from './admin-view-models.ts';
import { ArticleTable } from './article-table.tsx';

export interface DashboardSection {
  key: string;
  title: string;
  rows: ArticleRowView[];
  moreUrl: string;
  /** Needs action now (stories the agency has withdrawn that are still out): shown first, marked as an alert. */
  alert?: boolean;
}

export function DashboardPage(props: { chrome: AdminChrome; sections: DashboardSection[] }) {
  const t = props.chrome.t;
  return (
    <AdminLayout chrome={props.chrome} title={t('dashboard')}>
      <h1 safe>{t('dashboard')}</h1>
      <div class="dashboard">
        {props.sections.map((section) => (
          <section class={section.alert ? 'card alert' : 'card'} role={section.alert ? 'alert' : undefined} aria-labelledby={`dash-${section.key}`}>
            <h2 id={`dash-${section.key}`}>
              <a href={section.moreUrl} safe>
                {section.title}
              </a>
            </h2>
            {section.rows.length ? <ArticleTable t={t} rows={section.rows} compact /> : <p class="muted" safe>{t('nothingHere')}</p>}
          </section>
        ))}
      </div>
    </AdminLayout>
  );
}
