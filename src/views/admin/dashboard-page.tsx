import { AdminLayout } from './admin-layout.tsx';
import type { AdminChrome, ArticleRowView } from './admin-view-models.ts';
import { ArticleTable } from './article-table.tsx';

export interface DashboardSection {
  key: string;
  title: string;
  rows: ArticleRowView[];
  moreUrl: string;
}

export function DashboardPage(props: { chrome: AdminChrome; sections: DashboardSection[] }) {
  const t = props.chrome.t;
  return (
    <AdminLayout chrome={props.chrome} title={t('dashboard')}>
      <h1 safe>{t('dashboard')}</h1>
      <div class="dashboard">
        {props.sections.map((section) => (
          <section class="card" aria-labelledby={`dash-${section.key}`}>
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
