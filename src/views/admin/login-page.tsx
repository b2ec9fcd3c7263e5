import type { AdminTranslate } from '../../i18n/admin-messages.ts';
import { BareAdminLayout } from './admin-layout.tsx';

export function LoginPage(props: { t: AdminTranslate; locale: string; siteName: string; stylesheetUrl: string; csrfToken: string; next: string; error?: string; notice?: string; username?: string }) {
  const t = props.t;
  return (
    <BareAdminLayout locale={props.locale} title={`${t('login')} - ${props.siteName}`} stylesheetUrl={props.stylesheetUrl}>
      <form class="login-card" method="post" action="/admin/login">
        <h1 safe>{`${props.siteName} · ${t('newsroom')}`}</h1>
        {props.error ? (
          <p class="error" role="alert" safe>
            {props.error}
          </p>
        ) : (
          ''
        )}
        {props.notice ? (
          <p class="notice" role="status" safe>
            {props.notice}
          </p>
        ) : (
          ''
        )}
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <label for="username" safe>
          {t('username')}
        </label>
        <input id="username" name="username" autocomplete="username" required value={props.username ?? ''} autofocus={!props.username} />
        <label for="password" safe>
          {t('password')}
        </label>
        <input id="password" name="password" type="password" autocomplete="current-password" required autofocus={Boolean(props.username)} />
        <button type="submit" class="primary" safe>
          {t('login')}
        </button>
      </form>
    </BareAdminLayout>
  );
}
