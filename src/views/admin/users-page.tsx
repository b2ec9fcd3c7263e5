import { AdminLayout } from './admin-layout.tsx';
import type { AdminChrome } from './admin-view-models.ts';

export interface UserRowView {
  id: number;
  username: string;
  realName: string;
  role: string;
  roleLabel: string;
  channelNames: string[];
  disabled: boolean;
  createdAt: string;
}

export interface UserFormValues {
  username: string;
  realName: string;
  role: string;
  channelIds: number[];
}

export interface UsersPageProps {
  chrome: AdminChrome;
  users: UserRowView[];
  roles: { key: string; label: string }[];
  channels: { id: number; label: string }[];
  create: UserFormValues;
  /** The account opened at /admin/users/:id. */
  edit?: { user: UserRowView; values: UserFormValues; isSelf: boolean };
  passwordMin: number;
  error?: string;
}

/** Accounts: who works here, in which role and channels; create, change, disable, reset password. */
export function UsersPage(props: UsersPageProps) {
  const t = props.chrome.t;
  const csrf = props.chrome.csrfToken;
  const edit = props.edit;
  return (
    <AdminLayout chrome={props.chrome} title={t('users')}>
      <h1 safe>{t('users')}</h1>
      {props.error ? (
        <p class="error" role="alert" safe>
          {`${t('nr_notSaved')} ${props.error}`}
        </p>
      ) : (
        ''
      )}
      {edit ? (
        <section class="card edit-card" aria-labelledby="edit-title">
          <h2 id="edit-title" safe>{`${t('usr_edit')}:${edit.user.username}(${edit.user.realName})`}</h2>
          <form method="post" action={`/admin/users/${edit.user.id}`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <AccessFields t={t} values={edit.values} roles={props.roles} channels={props.channels} prefix="e" roleLocked={edit.isSelf} />
            <div class="form-actions">
              <button type="submit" class="primary" safe>{t('usr_saveAccess')}</button> <a href="/admin/users" safe>{t('nr_cancel')}</a>
            </div>
          </form>
          <div class="account-actions">
            <form method="post" action={`/admin/users/${edit.user.id}/password`}>
              <input type="hidden" name="_csrf" value={csrf} />
              <label for="e-password" safe>{t('usr_newPassword')}</label>
              <input id="e-password" name="password" type="password" autocomplete="new-password" minlength={String(props.passwordMin)} required aria-describedby="e-password-hint" />
              <p id="e-password-hint" class="hint" safe>{t('usr_passwordHint', { n: props.passwordMin })}</p>
              <button type="submit" safe>{t('usr_resetPassword')}</button>
            </form>
            {edit.isSelf ? (
              ''
            ) : (
              <form method="post" action={`/admin/users/${edit.user.id}/${edit.user.disabled ? 'enable' : 'disable'}`}>
                <input type="hidden" name="_csrf" value={csrf} />
                <button type="submit" class={edit.user.disabled ? '' : 'danger'} safe>
                  {edit.user.disabled ? t('usr_enable') : t('usr_disable')}
                </button>
              </form>
            )}
          </div>
        </section>
      ) : (
        ''
      )}
      <table>
        <thead>
          <tr>
            <th safe>{t('username')}</th>
            <th safe>{t('usr_realName')}</th>
            <th safe>{t('usr_role')}</th>
            <th safe>{t('usr_channels')}</th>
            <th safe>{t('usr_state')}</th>
            <th safe>{t('usr_lastLogin')}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((user) => (
            <tr id={`user-${user.id}`} class={user.disabled ? 'muted' : ''}>
              <td>
                <a href={`/admin/users/${user.id}`} safe>
                  {user.username}
                </a>
              </td>
              <td safe>{user.realName}</td>
              <td safe>{user.roleLabel}</td>
              <td safe>{user.channelNames.join('、') || '—'}</td>
              <td>
                <span class={user.disabled ? 'status status-rejected' : 'status status-published'} safe>
                  {user.disabled ? t('usr_disabled') : t('usr_active')}
                </span>
              </td>
              <td safe>{user.createdAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section class="card" aria-labelledby="new-title">
        <h2 id="new-title" safe>{t('usr_new')}</h2>
        <form method="post" action="/admin/users">
          <input type="hidden" name="_csrf" value={csrf} />
          <label for="n-username" safe>{t('username')}</label>
          <input id="n-username" name="username" value={props.create.username} required autocomplete="off" />
          <label for="n-password" safe>{t('usr_initialPassword')}</label>
          <input id="n-password" name="password" type="password" autocomplete="new-password" minlength={String(props.passwordMin)} required aria-describedby="n-password-hint" />
          <p id="n-password-hint" class="hint" safe>{t('usr_passwordHint', { n: props.passwordMin })}</p>
          <AccessFields t={t} values={props.create} roles={props.roles} channels={props.channels} prefix="n" roleLocked={false} />
          <div class="form-actions">
            <button type="submit" class="primary" safe>{t('usr_create')}</button>
          </div>
        </form>
      </section>
    </AdminLayout>
  );
}

function AccessFields(props: {
  t: AdminChrome['t'];
  values: UserFormValues;
  roles: { key: string; label: string }[];
  channels: { id: number; label: string }[];
  prefix: string;
  roleLocked: boolean;
}) {
  const { t, values, prefix } = props;
  return (
    <>
      <label for={`${prefix}-name`} safe>{t('usr_realName')}</label>
      <input id={`${prefix}-name`} name="realName" value={values.realName} required />
      <label for={`${prefix}-role`} safe>{t('usr_role')}</label>
      <select id={`${prefix}-role`} name="role" disabled={props.roleLocked}>
        {props.roles.map((r) => (
          <option value={r.key} selected={values.role === r.key} safe>
            {r.label}
          </option>
        ))}
      </select>
      {props.roleLocked ? <input type="hidden" name="role" value={values.role} /> : ''}
      <fieldset class="channel-checks">
        <legend safe>{t('usr_channels')}</legend>
        <p class="hint" safe>{t('usr_channelsHint')}</p>
        {props.channels.map((c) => (
          <div class="check">
            <input type="checkbox" id={`${prefix}-ch-${c.id}`} name="channels" value={String(c.id)} checked={values.channelIds.includes(c.id)} />
            <label for={`${prefix}-ch-${c.id}`} safe>
              {c.label}
            </label>
          </div>
        ))}
      </fieldset>
    </>
  );
}
