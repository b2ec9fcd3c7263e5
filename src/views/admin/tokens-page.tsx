import { AdminLayout } from './admin-layout.tsx';
import type { AdminChrome } from './admin-view-models.ts';

export interface TokenRowView {
  id: number;
  name: string;
  roleLabel: string;
  channelNames: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string;
  revoked: boolean;
  revokeUrl: string;
}

export interface TokensPageProps {
  chrome: AdminChrome;
  rows: TokenRowView[];
  roles: { key: string; label: string }[];
  channels: { id: number; label: string }[];
  /** The plain token, shown once right after it was created. */
  newToken?: string;
  errors: string[];
  values: { name: string; role: string };
}

/** API tokens: create (the plain token is shown once), list, revoke. */
export function TokensPage(props: TokensPageProps) {
  const t = props.chrome.t;
  const csrf = props.chrome.csrfToken;
  return (
    <AdminLayout chrome={props.chrome} title={t('tok_title')}>
      <h1 safe>{t('tok_title')}</h1>
      <p class="hint">
        <span safe>{t('tok_intro')}</span> <a href="/api/v1/openapi.json" safe>{t('tok_docs')}</a>
      </p>
      {props.newToken ? (
        <section class="card notice" aria-live="polite">
          <p safe>{t('tok_created')}</p>
          <p>
            <code id="new-token" safe>
              {props.newToken}
            </code>
          </p>
        </section>
      ) : (
        ''
      )}
      {props.errors.length ? (
        <div class="error" role="alert">
          {props.errors.map((e) => (
            <p safe>{e}</p>
          ))}
        </div>
      ) : (
        ''
      )}
      <section class="card">
        <h2 safe>{t('tok_create')}</h2>
        <form method="post" action="/admin/tokens" class="article-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <p>
            <label for="token-name" safe>
              {t('tok_name')}
            </label>
            <input id="token-name" name="name" required maxlength="80" value={props.values.name} />
          </p>
          <p>
            <label for="token-role" safe>
              {t('tok_role')}
            </label>
            <select id="token-role" name="role">
              {props.roles.map((r) => (
                <option value={r.key} selected={r.key === props.values.role} safe>
                  {r.label}
                </option>
              ))}
            </select>
          </p>
          <fieldset>
            <legend safe>{t('tok_channels')}</legend>
            {props.channels.map((c) => (
              <label class="check">
                <input type="checkbox" name="channel" value={String(c.id)} /> <span safe>{c.label}</span>
              </label>
            ))}
          </fieldset>
          <div class="form-actions">
            <button type="submit" safe>
              {t('tok_create')}
            </button>
          </div>
        </form>
      </section>
      {props.rows.length ? (
        <table class="articles">
          <thead>
            <tr>
              <th scope="col" safe>{t('tok_name')}</th>
              <th scope="col" safe>{t('tok_role')}</th>
              <th scope="col" safe>{t('tok_channels')}</th>
              <th scope="col" safe>{t('tok_createdBy')}</th>
              <th scope="col" safe>{t('tok_createdAt')}</th>
              <th scope="col" safe>{t('tok_lastUsed')}</th>
              <th scope="col" safe>{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <td safe>{row.name}</td>
                <td safe>{row.roleLabel}</td>
                <td safe>{row.channelNames}</td>
                <td safe>{row.createdBy}</td>
                <td safe>{row.createdAt}</td>
                <td safe>{row.lastUsedAt}</td>
                <td>
                  {row.revoked ? (
                    <span class="status" safe>
                      {t('tok_revoked')}
                    </span>
                  ) : (
                    <form method="post" action={row.revokeUrl} class="inline">
                      <input type="hidden" name="_csrf" value={csrf} />
                      <button type="submit" class="link-button" safe>
                        {t('tok_revoke')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted" safe>
          {t('nothingHere')}
        </p>
      )}
    </AdminLayout>
  );
}
