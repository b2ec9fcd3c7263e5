import type { Children } from '@kitajs/html';
import type { AdminChrome } from './admin-view-models.ts';

/** The newsroom frame: a top bar, the menu on the left, the work on the right. */
export function AdminLayout(props: { chrome: AdminChrome; title: string; children: Children; scripts?: Children }) {
  const { chrome } = props;
  const t = chrome.t;
  return (
    <>
      {'<!doctype html>'}
      <html lang={chrome.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title safe>{`${props.title} - ${t('newsroom')} - ${chrome.siteName}`}</title>
          <link rel="stylesheet" href={chrome.assets.adminCss} />
          <link rel="icon" type="image/svg+xml" href={chrome.assets.icon} />
          {props.scripts ?? ''}
        </head>
        <body class="admin">
          <a class="skip-link" href="#work" safe>
            {t('skipToContent')}
          </a>
          <header class="admin-bar">
            <a class="admin-brand" href="/admin" safe>
              {`${chrome.siteName} · ${t('newsroom')}`}
            </a>
            <span class="admin-user" safe>
              {t('signedInLine', { name: chrome.userName, role: chrome.roleLabel })}
            </span>
            <form method="post" action="/admin/language" class="inline">
              <input type="hidden" name="_csrf" value={chrome.csrfToken} />
              <input type="hidden" name="next" value={chrome.currentUrl} />
              <button type="submit" class="link-button" safe>
                {t('language')}
              </button>
            </form>
            <a href="/" target="_blank" rel="noopener" safe>
              {t('viewSite')}
            </a>
            <form method="post" action="/admin/logout" class="inline">
              <input type="hidden" name="_csrf" value={chrome.csrfToken} />
              <button type="submit" class="link-button" safe>
                {t('logout')}
              </button>
            </form>
          </header>
          <div class="admin-body">
            <nav class="admin-menu" aria-label={t('newsroom')}>
              <ul>
                {chrome.menu.map((item) => (
                  <li>
                    <a href={item.url} aria-current={item.current ? 'page' : undefined} safe>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <main id="work" class="admin-work">
              {chrome.notice ? (
                <p class="notice" role="status" safe>
                  {chrome.notice}
                </p>
              ) : (
                ''
              )}
              {props.children}
            </main>
          </div>
        </body>
      </html>
    </>
  );
}

/** A page for signed-out people (the login page) or errors before a session exists. */
export function BareAdminLayout(props: { locale: string; title: string; stylesheetUrl: string; children: Children }) {
  return (
    <>
      {'<!doctype html>'}
      <html lang={props.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title safe>{props.title}</title>
          <link rel="stylesheet" href={props.stylesheetUrl} />
        </head>
        <body class="admin bare">
          <main id="work">{props.children}</main>
        </body>
      </html>
    </>
  );
}
