import type { AdminKey } from '../../i18n/admin-messages.ts';
import { AdminLayout } from './admin-layout.tsx';
import type { AdminChrome } from './admin-view-models.ts';

export type SettingsField =
  | 'name'
  | 'shortName'
  | 'tagline'
  | 'logoUrl'
  | 'ownSourceLabel'
  | 'copyrightOwn'
  | 'disclaimerRepost'
  | 'contactNotice'
  | 'icpNumber'
  | 'newsLicence'
  | 'timeZone'
  | 'locale';

export interface SettingsPageProps {
  chrome: AdminChrome;
  values: Record<SettingsField, string>;
  /** Message per field that failed its check (already translated). */
  errors: Partial<Record<SettingsField, string>>;
  timeZones: string[];
}

const GROUPS: { key: AdminKey; fields: { name: SettingsField; long?: boolean; hint?: AdminKey }[] }[] = [
  { key: 'set_identity', fields: [{ name: 'name' }, { name: 'shortName' }, { name: 'tagline' }, { name: 'logoUrl' }, { name: 'ownSourceLabel' }] },
  {
    key: 'set_legal',
    fields: [{ name: 'copyrightOwn', long: true }, { name: 'disclaimerRepost', long: true }, { name: 'contactNotice', long: true }, { name: 'icpNumber' }, { name: 'newsLicence' }],
  },
  { key: 'set_display', fields: [{ name: 'timeZone', hint: 'set_timeZoneHint' }, { name: 'locale' }] },
];

/** Site settings: one form, grouped; a refused save shows each problem beside its field. */
export function SettingsPage(props: SettingsPageProps) {
  const t = props.chrome.t;
  const problems = Object.entries(props.errors) as [SettingsField, string][];
  return (
    <AdminLayout chrome={props.chrome} title={t('settings')}>
      <h1 safe>{t('settings')}</h1>
      {problems.length ? (
        <div class="error" role="alert">
          <p safe>{t('nr_notSaved')}</p>
          <ul>
            {problems.map(([field, message]) => (
              <li>
                <a href={`#s-${field}`} safe>{`${t(`set_${field}`)}:${message}`}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      <form method="post" action="/admin/settings" class="settings-form" novalidate>
        <input type="hidden" name="_csrf" value={props.chrome.csrfToken} />
        {GROUPS.map((group) => (
          <fieldset class="card">
            <legend safe>{t(group.key)}</legend>
            {group.fields.map((field) => {
              const id = `s-${field.name}`;
              const error = props.errors[field.name];
              const describedBy = [error ? `${id}-error` : '', field.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
              const value = props.values[field.name];
              return (
                <div class={error ? 'field invalid' : 'field'}>
                  <label for={id} safe>{t(`set_${field.name}`)}</label>
                  {field.name === 'locale' ? (
                    <select id={id} name="locale">
                      <option value="zh-CN" selected={value === 'zh-CN'}>简体中文</option>
                      <option value="en" selected={value === 'en'}>English</option>
                    </select>
                  ) : field.long ? (
                    <textarea id={id} name={field.name} rows="3" aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy} safe>
                      {value}
                    </textarea>
                  ) : (
                    <input
                      id={id}
                      name={field.name}
                      value={value}
                      list={field.name === 'timeZone' ? 'time-zones' : undefined}
                      aria-invalid={error ? 'true' : undefined}
                      aria-describedby={describedBy}
                    />
                  )}
                  {field.hint ? (
                    <p id={`${id}-hint`} class="hint" safe>
                      {t(field.hint)}
                    </p>
                  ) : (
                    ''
                  )}
                  {error ? (
                    <p id={`${id}-error`} class="field-error" safe>
                      {error}
                    </p>
                  ) : (
                    ''
                  )}
                </div>
              );
            })}
          </fieldset>
        ))}
        <datalist id="time-zones">
          {props.timeZones.map((zone) => (
            <option value={zone} />
          ))}
        </datalist>
        <div class="form-actions">
          <button type="submit" class="primary" safe>{t('save')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}
