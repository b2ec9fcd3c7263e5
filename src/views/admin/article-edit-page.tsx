import type { Children } from '@kitajs/html';
import { AdminLayout } from './admin-layout.tsx';
import type { AdminChrome } from './admin-view-models.ts';

/** Form values as the inputs show them (lists joined with 、). */
export interface ArticleFormValues {
  channelId: string;
  title: string;
  subtitle: string;
  summary: string;
  bodyHtml: string;
  coverMediaId: string;
  sourceName: string;
  sourceUrl: string;
  isOriginal: boolean;
  originalTitle: string;
  originalAuthor: string;
  dateline: string;
  reporters: string;
  photographers: string;
  editorName: string;
  keywords: string;
  isHeadline: boolean;
  isFocus: boolean;
  isTop: boolean;
}

export interface ArticleEditProps {
  chrome: AdminChrome;
  id?: number;
  version: number;
  statusKey: string;
  statusLabel: string;
  values: ArticleFormValues;
  reviewComment: string;
  hasWorkingCopy: boolean;
  publicUrl?: string;
  channels: { id: number; label: string }[];
  /** Messages to show above the form (failed checks, conflicts), already translated. */
  errors: string[];
  conflict: boolean;
  /** `curate`: may set 头条, 焦点图 and 置顶 (curated blocks); others do not see the flags. */
  allowed: { save: boolean; submit: boolean; reject: boolean; publish: boolean; schedule: boolean; unpublish: boolean; curate: boolean };
  defaultPublishAt: string;
  /** The site's time zone: the schedule field is read in it, whatever the browser's zone. */
  timeZone: string;
  /** The wire embargo the story carries, already translated: still running (a warning) or lifted (a note). */
  embargo?: { text: string; active: boolean };
  /** Shown above the form, e.g. the original page next to an imported draft. */
  before?: Children;
  /** What the agency did to the wire story this article came from (a kill, a later version), already translated. */
  wireNotices?: WireNoticeView[];
}

export interface WireNoticeView {
  kind: 'withdrawn' | 'updated';
  text: string;
  /** For a kill of a published (or scheduled) article: it is still online (or will go online). */
  live?: string;
  itemUrl: string;
  itemLabel: string;
}

/** The article editor: a plain form that works without JavaScript; the TipTap island enhances the body. */
export function ArticleEditPage(props: ArticleEditProps) {
  const t = props.chrome.t;
  const v = props.values;
  const csrf = props.chrome.csrfToken;
  const base = props.id ? `/admin/articles/${props.id}` : '/admin/articles';
  const title = props.id ? v.title || t('newArticle') : t('newArticle');
  const readOnly = !props.allowed.save;
  return (
    <AdminLayout
      chrome={props.chrome}
      title={title}
      scripts={
        <>
          <link rel="stylesheet" href={props.chrome.assets.editorCss} />
          <script type="module" src={props.chrome.assets.editorJs}></script>
        </>
      }
    >
      <div class="edit-head">
        <h1 safe>{title}</h1>
        <span class={`status status-${props.statusKey}`} safe>
          {props.statusLabel}
        </span>
        {props.publicUrl ? (
          <a href={props.publicUrl} target="_blank" rel="noopener" safe>
            {t('viewSite')}
          </a>
        ) : (
          ''
        )}
        {props.id ? (
          <a href={`${base}/revisions`} safe>
            {t('revisions')}
          </a>
        ) : (
          ''
        )}
      </div>
      {props.conflict ? (
        <p class="error" role="alert" safe>
          {t('editConflict')}
        </p>
      ) : (
        ''
      )}
      {props.errors.length ? (
        <div class="error" role="alert">
          <ul>
            {props.errors.map((e) => (
              <li safe>{e}</li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      {(props.wireNotices ?? []).map((notice) => (
        <div class={`wire-notice ${notice.kind}`} role={notice.kind === 'withdrawn' ? 'alert' : 'note'}>
          <p safe>{notice.text}</p>
          {notice.live ? <p safe>{notice.live}</p> : ''}
          <p>
            <a href={notice.itemUrl} safe>
              {notice.itemLabel}
            </a>
          </p>
        </div>
      ))}
      {props.reviewComment ? (
        <p class="review-comment" role="note" safe>
          {`${t('reviewComment')}:${props.reviewComment}`}
        </p>
      ) : (
        ''
      )}
      {props.embargo ? (
        <p class={props.embargo.active ? 'embargo-notice' : 'muted'} role="note" safe>
          {props.embargo.text}
        </p>
      ) : (
        ''
      )}
      {props.hasWorkingCopy || props.statusKey === 'published' ? (
        <p class="muted" safe>
          {t('workingCopyNotice')}
        </p>
      ) : (
        ''
      )}
      {props.before ?? ''}
      {readOnly ? (
        <p class="read-only-notice" role="note" safe>
          {t(props.statusKey === 'submitted' ? 'readOnlySubmitted' : 'readOnlyNotice')}
        </p>
      ) : (
        ''
      )}
      <div class="edit-layout">
        <form id="article-form" method="post" action={base} class="article-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="version" value={String(props.version)} />
          {/* Someone who may not save sees the story but cannot type into it (nothing typed would be kept). */}
          <fieldset class="plain" disabled={readOnly}>
            <Field id="title" label={t('title')}>
              <input id="title" name="title" value={v.title} required maxlength="200" class="title-input" />
            </Field>
            <Field id="subtitle" label={t('subtitle')}>
              <input id="subtitle" name="subtitle" value={v.subtitle} maxlength="200" />
            </Field>
            <div
              class="editor-field"
              data-editor
              data-autosave-url={props.id && !readOnly ? `/admin/api/articles/${props.id}/autosave` : undefined}
              data-media-url="/admin/api/media?q="
              data-upload-url="/admin/api/media"
              data-csrf={csrf}
            >
              <label for="body-html" safe>
                {t('body')}
              </label>
              {/* Escaped: the browser decodes it once, so the textarea holds the exact stored HTML. */}
              <textarea id="body-html" name="bodyHtml" rows="20" safe>
                {v.bodyHtml}
              </textarea>
            </div>
            <Field id="summary" label={t('summary')}>
              <textarea id="summary" name="summary" rows="3" safe>
                {v.summary}
              </textarea>
            </Field>
          </fieldset>
          <div class="form-actions">
            {props.allowed.save ? (
              <button type="submit" class="primary" safe>
                {t('save')}
              </button>
            ) : (
              ''
            )}
          </div>
        </form>
        <aside class="edit-side">
          <fieldset form="article-form" class="meta" disabled={readOnly}>
            <Field id="channelId" label={t('channel')}>
              <select id="channelId" name="channelId" form="article-form" required>
                {props.channels.map((c) => (
                  <option value={String(c.id)} selected={v.channelId === String(c.id)} safe>
                    {c.label}
                  </option>
                ))}
              </select>
            </Field>
            <Check id="isOriginal" label={t('isOriginal')} checked={v.isOriginal} />
            <Field id="sourceName" label={t('sourceName')}>
              <input id="sourceName" name="sourceName" form="article-form" value={v.sourceName} />
            </Field>
            <Field id="sourceUrl" label={t('sourceUrl')}>
              <input id="sourceUrl" name="sourceUrl" form="article-form" value={v.sourceUrl} type="url" />
            </Field>
            <Field id="originalTitle" label={t('originalTitle')}>
              <input id="originalTitle" name="originalTitle" form="article-form" value={v.originalTitle} />
            </Field>
            <Field id="originalAuthor" label={t('originalAuthor')}>
              <input id="originalAuthor" name="originalAuthor" form="article-form" value={v.originalAuthor} />
            </Field>
            <Field id="dateline" label={t('dateline')}>
              <input id="dateline" name="dateline" form="article-form" value={v.dateline} />
            </Field>
            <Field id="reporters" label={t('reporters')} hint={t('listHint')}>
              <input id="reporters" name="reporters" form="article-form" value={v.reporters} />
            </Field>
            <Field id="photographers" label={t('photographers')} hint={t('listHint')}>
              <input id="photographers" name="photographers" form="article-form" value={v.photographers} />
            </Field>
            <Field id="editorName" label={t('editorName')}>
              <input id="editorName" name="editorName" form="article-form" value={v.editorName} />
            </Field>
            <Field id="keywords" label={t('keywords')} hint={t('listHint')}>
              <input id="keywords" name="keywords" form="article-form" value={v.keywords} />
            </Field>
            <Field id="coverMediaId" label={t('cover')}>
              <input id="coverMediaId" name="coverMediaId" form="article-form" value={v.coverMediaId} inputmode="numeric" />
            </Field>
            {props.allowed.curate ? (
              <fieldset class="flags">
                <legend safe>{t('flags')}</legend>
                <Check id="isHeadline" label={t('isHeadline')} checked={v.isHeadline} />
                <Check id="isFocus" label={t('isFocus')} checked={v.isFocus} />
                <Check id="isTop" label={t('isTop')} checked={v.isTop} />
              </fieldset>
            ) : (
              ''
            )}
          </fieldset>
          {props.id && hasWorkflowActions(props.allowed) ? <WorkflowActions {...props} base={base} /> : ''}
        </aside>
      </div>
    </AdminLayout>
  );
}

function hasWorkflowActions(allowed: ArticleEditProps['allowed']): boolean {
  return allowed.submit || allowed.publish || allowed.reject || allowed.unpublish;
}

function WorkflowActions(props: ArticleEditProps & { base: string }) {
  const t = props.chrome.t;
  const csrf = props.chrome.csrfToken;
  return (
    <section class="workflow" aria-label={t('status')}>
      {props.allowed.submit ? (
        <form method="post" action={`${props.base}/submit`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" safe>
            {t('submit')}
          </button>
        </form>
      ) : (
        ''
      )}
      {props.allowed.publish ? (
        <form method="post" action={`${props.base}/publish`} class="publish-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="primary" name="mode" value="now" safe>
            {t('publish')}
          </button>
          {props.allowed.schedule ? (
            <>
              <label for="publishAt" safe>
                {t('publishAt')}
              </label>
              <input id="publishAt" name="publishAt" type="datetime-local" step="1" value={props.defaultPublishAt} aria-describedby="publishAt-zone" />
              <small class="hint" id="publishAt-zone" safe>
                {t('publishAtZone', { zone: props.timeZone })}
              </small>
              <button type="submit" name="mode" value="schedule" safe>
                {t('schedule')}
              </button>
            </>
          ) : (
            ''
          )}
        </form>
      ) : (
        ''
      )}
      {props.allowed.reject ? (
        <form method="post" action={`${props.base}/reject`} class="reject-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <label for="comment" safe>
            {t('rejectComment')}
          </label>
          <textarea id="comment" name="comment" rows="3" required></textarea>
          <button type="submit" safe>
            {t('reject')}
          </button>
        </form>
      ) : (
        ''
      )}
      {props.allowed.unpublish ? (
        // Taking a story offline is one click too easy to make by mistake: the button first opens a
        // second one that says what will happen (no JavaScript needed).
        <details class="confirm">
          <summary class="button danger" safe>
            {t('unpublish')}
          </summary>
          <form method="post" action={`${props.base}/unpublish`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <p class="hint" safe>
              {t(props.statusKey === 'scheduled' ? 'unpublishScheduledWarning' : 'unpublishWarning')}
            </p>
            <button type="submit" class="danger" safe>
              {t('unpublishConfirm')}
            </button>
          </form>
        </details>
      ) : (
        ''
      )}
    </section>
  );
}

function Field(props: { id: string; label: string; hint?: string; children: Children }) {
  return (
    <div class="field">
      <label for={props.id} safe>
        {props.label}
      </label>
      {props.children}
      {props.hint ? (
        <small class="hint" safe>
          {props.hint}
        </small>
      ) : (
        ''
      )}
    </div>
  );
}

function Check(props: { id: string; label: string; checked: boolean }) {
  return (
    <div class="check">
      <input type="checkbox" id={props.id} name={props.id} value="on" form="article-form" checked={props.checked} />
      <label for={props.id} safe>
        {props.label}
      </label>
    </div>
  );
}
