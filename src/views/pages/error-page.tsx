import { SiteLayout } from '../layouts/site-layout.tsx';
import type { SiteChrome } from '../view-models.ts';

/** 404, 400 and 500 pages in the site's own frame, so a lost reader still has the nav bar. */
export function ErrorPage(props: { chrome: SiteChrome; status: number; title: string; text: string }) {
  const t = props.chrome.t;
  return (
    <SiteLayout chrome={props.chrome} head={{ title: props.title }}>
      <section class="error-page">
        <p class="error-status" safe>
          {String(props.status)}
        </p>
        <h1 safe>{props.title}</h1>
        <p safe>{props.text}</p>
        <p>
          <a href="/" safe>
            {t('goHome')}
          </a>
        </p>
      </section>
    </SiteLayout>
  );
}
