import { AdminLayout } from './admin-layout.tsx';
import type { AdminChrome } from './admin-view-models.ts';
import { MoveButtons } from './channels-page.tsx';

export interface BlockItemView {
  id: number;
  title: string;
  url: string;
  account: string;
  imageMediaId: string;
}

export interface StoryView {
  id: number;
  title: string;
  url: string;
  date: string;
  isHeadline: boolean;
  isFocus: boolean;
  isTop: boolean;
}

export interface BlocksPageProps {
  chrome: AdminChrome;
  headline?: StoryView;
  focus: StoryView[];
  important: StoryView[];
  recent: StoryView[];
  newMedia: BlockItemView[];
  /** The item being edited (/admin/blocks/items/:id), or the add form's values after a refusal. */
  editItem?: BlockItemView;
  addValues: BlockItemView;
  error?: string;
}

/**
 * The curated blocks: headline slot, focus carousel, 要闻 pins and the 新媒体 list. Every move is
 * a small form (keyboard and no JavaScript); blocks-order.js adds drag and drop on top.
 */
export function BlocksPage(props: BlocksPageProps) {
  const t = props.chrome.t;
  const csrf = props.chrome.csrfToken;
  return (
    <AdminLayout chrome={props.chrome} title={t('blocks')} scripts={<script src={props.chrome.assets.blocksJs} defer></script>}>
      <h1 safe>{t('blocks')}</h1>
      {props.error ? (
        <p class="error" role="alert" safe>
          {`${t('nr_notSaved')} ${props.error}`}
        </p>
      ) : (
        ''
      )}
      <div class="blocks-layout">
        <section class="card" aria-labelledby="headline-title">
          <h2 id="headline-title" safe>{t('blk_headline')}</h2>
          {props.headline ? (
            <p>
              <a href={props.headline.url} target="_blank" rel="noopener" safe>
                {props.headline.title}
              </a>{' '}
              <FlagForm csrf={csrf} id={props.headline.id} flag="headline" on={false} label={t('blk_clearHeadline')} />
            </p>
          ) : (
            <p class="muted" safe>{t('blk_noHeadline')}</p>
          )}
        </section>

        <section class="card" aria-labelledby="focus-title">
          <h2 id="focus-title" safe>{t('blk_focus')}</h2>
          <p class="hint" safe>{`${t('blk_focusHint')} ${t('blk_dragHint')}`}</p>
          {props.focus.length ? (
            <ol class="order-list" data-reorder="/admin/blocks/order" data-block="focus" data-csrf={csrf}>
              {props.focus.map((story, index) => (
                <li data-id={String(story.id)}>
                  <span class="drag-handle" aria-hidden="true">⋮⋮</span>
                  <a href={story.url} target="_blank" rel="noopener" class="grow" safe>
                    {story.title}
                  </a>
                  <MoveButtons action={`/admin/blocks/focus/${story.id}/move`} csrf={csrf} t={t} label={story.title} isFirst={index === 0} isLast={index === props.focus.length - 1} />
                  <FlagForm csrf={csrf} id={story.id} flag="focus" on={false} label={t('blk_removeFocus')} />
                </li>
              ))}
            </ol>
          ) : (
            <p class="muted" safe>{t('blk_noFocus')}</p>
          )}
        </section>

        <section class="card" aria-labelledby="important-title">
          <h2 id="important-title" safe>{t('blk_important')}</h2>
          <p class="hint" safe>{t('blk_importantHint')}</p>
          <ol class="plain-list">
            {props.important.map((story) => (
              <li>
                {story.isTop ? <span class="status status-published" safe>{t('blk_pinned')}</span> : ''}{' '}
                <a href={story.url} target="_blank" rel="noopener" safe>
                  {story.title}
                </a>{' '}
                <FlagForm csrf={csrf} id={story.id} flag="top" on={!story.isTop} label={story.isTop ? t('blk_unpin') : t('blk_pin')} />
              </li>
            ))}
          </ol>
        </section>

        <section class="card" aria-labelledby="recent-title">
          <h2 id="recent-title" safe>{t('blk_recent')}</h2>
          <table>
            <tbody>
              {props.recent.map((story) => (
                <tr>
                  <td class="muted" safe>{story.date}</td>
                  <td>
                    <a href={story.url} target="_blank" rel="noopener" safe>
                      {story.title}
                    </a>
                  </td>
                  <td>
                    <div class="row-actions">
                      {story.isHeadline ? '' : <FlagForm csrf={csrf} id={story.id} flag="headline" on label={t('blk_setHeadline')} />}
                      {story.isFocus ? '' : <FlagForm csrf={csrf} id={story.id} flag="focus" on label={t('blk_addFocus')} />}
                      {story.isTop ? '' : <FlagForm csrf={csrf} id={story.id} flag="top" on label={t('blk_pin')} />}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section class="card wide" aria-labelledby="newmedia-title">
          <h2 id="newmedia-title" safe>{t('blk_newMedia')}</h2>
          <p class="hint" safe>{`${t('blk_newMediaHint')} ${t('blk_dragHint')}`}</p>
          <ol class="order-list" data-reorder="/admin/blocks/order" data-block="newmedia" data-csrf={csrf}>
            {props.newMedia.map((item, index) => (
              <li data-id={String(item.id)} id={`item-${item.id}`}>
                <span class="drag-handle" aria-hidden="true">⋮⋮</span>
                <span class="grow">
                  <a href={item.url} target="_blank" rel="noopener" safe>
                    {item.title}
                  </a>{' '}
                  <span class="muted" safe>
                    {[item.account, item.imageMediaId ? `#${item.imageMediaId}` : ''].filter(Boolean).join(' · ')}
                  </span>
                </span>
                <MoveButtons action={`/admin/blocks/items/${item.id}/move`} csrf={csrf} t={t} label={item.title} isFirst={index === 0} isLast={index === props.newMedia.length - 1} />
                <a href={`/admin/blocks/items/${item.id}`} safe>
                  {t('nr_edit')}
                </a>
                <form method="post" action={`/admin/blocks/items/${item.id}/delete`} class="inline">
                  <input type="hidden" name="_csrf" value={csrf} />
                  <button type="submit" class="small danger" aria-label={`${t('nr_delete')}:${item.title}`} safe>
                    {t('nr_delete')}
                  </button>
                </form>
              </li>
            ))}
          </ol>
          {props.editItem ? (
            <ItemForm t={t} csrf={csrf} title={t('blk_editItem')} action={`/admin/blocks/items/${props.editItem.id}`} values={props.editItem} submit={t('save')} prefix="e" />
          ) : (
            ''
          )}
          <ItemForm t={t} csrf={csrf} title={t('blk_addItem')} action="/admin/blocks/items" values={props.addValues} submit={t('nr_add')} prefix="a" />
        </section>
      </div>
    </AdminLayout>
  );
}

function FlagForm(props: { csrf: string; id: number; flag: 'headline' | 'focus' | 'top'; on: boolean; label: string }) {
  return (
    <form method="post" action={`/admin/blocks/articles/${props.id}/flag`} class="inline">
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="flag" value={props.flag} />
      <input type="hidden" name="on" value={props.on ? '1' : '0'} />
      <button type="submit" class="small" safe>
        {props.label}
      </button>
    </form>
  );
}

function ItemForm(props: { t: AdminChrome['t']; csrf: string; title: string; action: string; values: BlockItemView; submit: string; prefix: string }) {
  const { t, values, prefix } = props;
  return (
    <form method="post" action={props.action} class="item-form" aria-label={props.title}>
      <h3 safe>{props.title}</h3>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <label for={`${prefix}-title`} safe>{t('title')}</label>
      <input id={`${prefix}-title`} name="title" value={values.title} required maxlength="200" />
      <label for={`${prefix}-url`} safe>{t('blk_link')}</label>
      <input id={`${prefix}-url`} name="url" value={values.url} required placeholder="https://" />
      <label for={`${prefix}-account`} safe>{t('blk_account')}</label>
      <input id={`${prefix}-account`} name="account" value={values.account} maxlength="100" />
      <label for={`${prefix}-image`} safe>{t('blk_image')}</label>
      <input id={`${prefix}-image`} name="imageMediaId" value={values.imageMediaId} inputmode="numeric" pattern="[0-9]*" />
      <div class="form-actions">
        <button type="submit" class="primary" safe>
          {props.submit}
        </button>
      </div>
    </form>
  );
}
