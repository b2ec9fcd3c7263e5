import { AdminLayout } from './admin-layout.tsx';
import type { AdminChrome } from './admin-view-models.ts';

export interface MediaEditProps {
  chrome: AdminChrome;
  id: number;
  values: { caption: string; credit: string; alt: string };
  canEdit: boolean;
  errors: string[];
  preview: { src: string; srcsetWebp: string; srcsetJpeg: string; width: number; height: number; alt: string };
  /** "1600×1067 · image/jpeg · 245 KB · 2025-05-19 10:28" */
  facts: string;
  originalUrl: string;
  renditions: { label: string; url: string }[];
  usage: { title: string; url: string; status: string }[];
}

/** One image: a preview, its renditions, where it is used, and the caption/credit/alt form. */
export function MediaEditPage(props: MediaEditProps) {
  const t = props.chrome.t;
  const v = props.values;
  const p = props.preview;
  const title = `${t('mediaEdit')} #${props.id}`;
  return (
    <AdminLayout chrome={props.chrome} title={title}>
      <div class="edit-head">
        <h1 safe>{title}</h1>
        <a href="/admin/media" safe>
          {t('mediaBack')}
        </a>
      </div>
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
      <div class="edit-layout media-edit">
        <section>
          <picture class="media-preview">
            <source type="image/webp" srcset={p.srcsetWebp} sizes="(max-width: 800px) 100vw, 60vw" />
            <img src={p.src} srcset={p.srcsetJpeg} sizes="(max-width: 800px) 100vw, 60vw" width={p.width} height={p.height} alt={p.alt} />
          </picture>
          <p class="muted" safe>
            {props.facts}
          </p>
          <h2 safe>{t('mediaRenditions')}</h2>
          <ul class="media-renditions">
            <li>
              <a href={props.originalUrl} safe>
                {t('mediaOriginal')}
              </a>
            </li>
            {props.renditions.map((r) => (
              <li>
                <a href={r.url} safe>
                  {r.label}
                </a>
              </li>
            ))}
          </ul>
          <h2 safe>{t('mediaUsedIn')}</h2>
          {props.usage.length ? (
            <ul>
              {props.usage.map((u) => (
                <li>
                  <a href={u.url} safe>
                    {u.title}
                  </a>{' '}
                  <span class="status" safe>
                    {u.status}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted" safe>
              {t('mediaNotUsed')}
            </p>
          )}
        </section>
        <aside class="edit-side">
          <form method="post" action={`/admin/media/${props.id}`} class="card">
            <input type="hidden" name="_csrf" value={props.chrome.csrfToken} />
            {props.canEdit ? (
              ''
            ) : (
              <p class="muted" safe>
                {t('mediaReadOnly')}
              </p>
            )}
            <label for="caption" safe>
              {t('mediaCaption')}
            </label>
            <textarea id="caption" name="caption" rows="3" maxlength="500" disabled={!props.canEdit} safe>
              {v.caption}
            </textarea>
            <label for="credit" safe>
              {t('mediaCredit')}
            </label>
            <input id="credit" name="credit" value={v.credit} maxlength="500" disabled={!props.canEdit} />
            <label for="alt" safe>
              {t('mediaAlt')}
            </label>
            <input id="alt" name="alt" value={v.alt} maxlength="500" disabled={!props.canEdit} aria-describedby="alt-hint" />
            <p id="alt-hint" class="hint" safe>
              {t('mediaAltHint')}
            </p>
            {props.canEdit ? (
              <p>
                <button type="submit" class="primary" safe>
                  {t('save')}
                </button>
              </p>
            ) : (
              ''
            )}
          </form>
        </aside>
      </div>
    </AdminLayout>
  );
}
