import { AdminLayout } from './admin-layout.tsx';
import type { AdminChrome } from './admin-view-models.ts';

export interface ChannelRowView {
  id: number;
  depth: number;
  name: string;
  path: string;
  publicUrl: string;
  kind: string;
  kindLabel: string;
  inNav: boolean;
  /** 1-based place among its siblings. */
  place: number;
  isFirst: boolean;
  isLast: boolean;
}

export interface ChannelFormValues {
  name: string;
  slug: string;
  kind: string;
  inNav: boolean;
  parentId: string;
}

export interface ChannelsPageProps {
  chrome: AdminChrome;
  rows: ChannelRowView[];
  kinds: { key: string; label: string }[];
  /** The channel being edited, when the page is /admin/channels/:id. */
  edit?: { id: number; values: ChannelFormValues; path: string };
  create: ChannelFormValues;
  parents: { id: number; label: string }[];
  /** Where the edited channel may move: every channel outside its own subtree. */
  editParents: { id: number; label: string }[];
  error?: string;
}

/** The channel tree: order, nav visibility, kind, name, slug; move buttons work without JavaScript. */
export function ChannelsPage(props: ChannelsPageProps) {
  const t = props.chrome.t;
  const csrf = props.chrome.csrfToken;
  return (
    <AdminLayout chrome={props.chrome} title={t('channels')}>
      <h1 safe>{t('channels')}</h1>
      {props.error ? (
        <p class="error" role="alert" safe>
          {`${t('nr_notSaved')} ${props.error}`}
        </p>
      ) : (
        ''
      )}
      {props.edit ? (
        <section class="card edit-card" aria-labelledby="edit-title">
          <h2 id="edit-title" safe>{`${t('nr_edit')}:${props.edit.values.name}(/${props.edit.path}/)`}</h2>
          <form method="post" action={`/admin/channels/${props.edit.id}`} class="grid-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <ParentSelect t={t} id="e-parent" options={props.editParents} value={props.edit.values.parentId} hintKey="ch_parentHint" />
            <ChannelFields t={t} values={props.edit.values} kinds={props.kinds} prefix="e" />
            <div class="form-actions">
              <button type="submit" class="primary" safe>{t('save')}</button> <a href="/admin/channels" safe>{t('nr_cancel')}</a>
            </div>
          </form>
          <form method="post" action={`/admin/channels/${props.edit.id}/delete`} class="inline danger-zone">
            <input type="hidden" name="_csrf" value={csrf} />
            <p class="hint" id="delete-hint" safe>
              {t('ch_deleteHint')}
            </p>
            <button type="submit" class="danger" aria-describedby="delete-hint" safe>
              {`${t('ch_delete')}:${props.edit.values.name}`}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
      <table class="tree-table">
        <caption class="visually-hidden" safe>{t('ch_tree')}</caption>
        <thead>
          <tr>
            <th safe>{t('ch_order')}</th>
            <th safe>{t('ch_name')}</th>
            <th safe>{t('ch_path')}</th>
            <th safe>{t('ch_kind')}</th>
            <th safe>{t('ch_inNav')}</th>
            <th safe>{t('nr_actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr id={`channel-${row.id}`}>
              <td>{row.place}</td>
              <td style={`padding-left:${8 + row.depth * 20}px`}>
                <a href={`/admin/channels/${row.id}`} safe>
                  {row.name}
                </a>
              </td>
              <td>
                <a href={row.publicUrl} target="_blank" rel="noopener" safe>
                  {`/${row.path}/`}
                </a>
              </td>
              <td safe>{row.kindLabel}</td>
              <td safe>{row.inNav ? t('nr_yes') : t('nr_no')}</td>
              <td>
                <div class="row-actions">
                  <MoveButtons action={`/admin/channels/${row.id}/move`} csrf={csrf} t={t} label={row.name} isFirst={row.isFirst} isLast={row.isLast} />
                  <a href={`/admin/channels/${row.id}`} safe>
                    {t('nr_edit')}
                  </a>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section class="card" aria-labelledby="new-title">
        <h2 id="new-title" safe>{t('ch_new')}</h2>
        <form method="post" action="/admin/channels" class="grid-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <ParentSelect t={t} id="n-parent" options={props.parents} value={props.create.parentId} />
          <ChannelFields t={t} values={props.create} kinds={props.kinds} prefix="n" />
          <div class="form-actions">
            <button type="submit" class="primary" safe>{t('ch_create')}</button>
          </div>
        </form>
      </section>
    </AdminLayout>
  );
}

function ParentSelect(props: { t: AdminChrome['t']; id: string; options: { id: number; label: string }[]; value: string; hintKey?: 'ch_parentHint' }) {
  const { t } = props;
  return (
    <>
      <label for={props.id} safe>{t('ch_parent')}</label>
      <select id={props.id} name="parentId" aria-describedby={props.hintKey ? `${props.id}-hint` : undefined}>
        <option value="" safe>{t('ch_topLevel')}</option>
        {props.options.map((p) => (
          <option value={String(p.id)} selected={props.value === String(p.id)} safe>
            {p.label}
          </option>
        ))}
      </select>
      {props.hintKey ? (
        <p id={`${props.id}-hint`} class="hint" safe>
          {t(props.hintKey)}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

function ChannelFields(props: { t: AdminChrome['t']; values: ChannelFormValues; kinds: { key: string; label: string }[]; prefix: string }) {
  const { t, values, prefix } = props;
  return (
    <>
      <label for={`${prefix}-name`} safe>{t('ch_name')}</label>
      <input id={`${prefix}-name`} name="name" value={values.name} required />
      <label for={`${prefix}-slug`} safe>{t('ch_slug')}</label>
      <input id={`${prefix}-slug`} name="slug" value={values.slug} required pattern="[a-z0-9][a-z0-9\-]{0,63}" aria-describedby={`${prefix}-slug-hint`} />
      <p id={`${prefix}-slug-hint`} class="hint" safe>
        {t('ch_slugHint')}
      </p>
      <label for={`${prefix}-kind`} safe>{t('ch_kind')}</label>
      <select id={`${prefix}-kind`} name="kind">
        {props.kinds.map((k) => (
          <option value={k.key} selected={values.kind === k.key} safe>
            {k.label}
          </option>
        ))}
      </select>
      <div class="check">
        <input type="checkbox" id={`${prefix}-nav`} name="inNav" value="1" checked={values.inNav} />
        <label for={`${prefix}-nav`} safe>{t('ch_inNav')}</label>
      </div>
    </>
  );
}

/** Up and down as two small forms: they work by keyboard and without JavaScript. */
export function MoveButtons(props: { action: string; csrf: string; t: AdminChrome['t']; label: string; isFirst: boolean; isLast: boolean; extra?: Record<string, string> }) {
  const { t } = props;
  const hidden = Object.entries(props.extra ?? {});
  return (
    <span class="move-buttons">
      {(['up', 'down'] as const).map((direction) => (
        <form method="post" action={props.action} class="inline">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="direction" value={direction} />
          {hidden.map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <button
            type="submit"
            class="small"
            disabled={direction === 'up' ? props.isFirst : props.isLast}
            aria-label={`${direction === 'up' ? t('nr_moveUp') : t('nr_moveDown')}:${props.label}`}
            title={direction === 'up' ? t('nr_moveUp') : t('nr_moveDown')}
          >
            {direction === 'up' ? '↑' : '↓'}
          </button>
        </form>
      ))}
    </span>
  );
}
