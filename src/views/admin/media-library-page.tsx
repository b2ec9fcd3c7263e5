import { AdminLayout } from './admin-layout.tsx';
import type { AdminChrome } from './admin-view-models.ts';

export interface MediaTileView {
  id: number;
  thumbUrl: string;
  thumbWidth: number;
  thumbHeight: number;
  editUrl: string;
  caption: string;
  credit: string;
  alt: string;
  /** "1600×1067 · 245 KB" */
  facts: string;
}

export interface MediaLibraryProps {
  chrome: AdminChrome;
  q: string;
  items: MediaTileView[];
  page: number;
  pageCount: number;
  total: number;
  pageUrl: (page: number) => string;
  canUpload: boolean;
  /** What the upload form says about accepted files and limits, already translated. */
  uploadHint: string;
  /** Why an upload was refused (one line per file), already translated. */
  errors: string[];
  /** What an upload did ("已上传 2 张图片。"), already translated. */
  messages: string[];
  /** Images that were already in the library, so nothing new was stored for them. */
  duplicates: { id: number; text: string; editUrl: string }[];
}

/** The media library: upload form, search box, a grid of thumbnails, pages. Works without JavaScript. */
export function MediaLibraryPage(props: MediaLibraryProps) {
  const t = props.chrome.t;
  const status = t('pageOf', { page: props.page, pages: props.pageCount, total: props.total });
  return (
    <AdminLayout chrome={props.chrome} title={t('media')}>
      <div class="list-head">
        <h1 safe>{t('media')}</h1>
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
      {props.messages.length || props.duplicates.length ? (
        <div class="notice" role="status">
          {props.messages.map((m) => (
            <p safe>{m}</p>
          ))}
          {props.duplicates.map((d) => (
            <p>
              <a href={d.editUrl} safe>
                {d.text}
              </a>
            </p>
          ))}
        </div>
      ) : (
        ''
      )}
      <div class="media-tools">
        {props.canUpload ? (
          <form class="media-upload card" method="post" action="/admin/media" enctype="multipart/form-data" aria-label={t('mediaUpload')}>
            {/* First in the form, so the token arrives before any file and is checked before storing. */}
            <input type="hidden" name="_csrf" value={props.chrome.csrfToken} />
            <h2 safe>{t('mediaUpload')}</h2>
            <label for="m-files" safe>
              {t('mediaFiles')}
            </label>
            <input id="m-files" name="files" type="file" accept="image/jpeg,image/png,image/webp,image/gif" multiple required aria-describedby="m-files-hint" />
            <p id="m-files-hint" class="hint" safe>
              {props.uploadHint}
            </p>
            <label for="m-caption" safe>
              {t('mediaCaption')}
            </label>
            <input id="m-caption" name="caption" maxlength="500" />
            <label for="m-credit" safe>
              {t('mediaCredit')}
            </label>
            <input id="m-credit" name="credit" maxlength="500" />
            <label for="m-alt" safe>
              {t('mediaAlt')}
            </label>
            <input id="m-alt" name="alt" maxlength="500" />
            <p>
              <button type="submit" class="primary" safe>
                {t('mediaUploadButton')}
              </button>
            </p>
          </form>
        ) : (
          ''
        )}
        <form class="media-search" method="get" action="/admin/media" role="search">
          <label for="m-q" safe>
            {t('mediaSearch')}
          </label>
          <input id="m-q" name="q" type="search" value={props.q} maxlength="200" />
          <button type="submit" safe>
            {t('filter')}
          </button>
        </form>
      </div>
      {props.items.length ? (
        <ul class="media-grid">
          {props.items.map((item) => (
            <li class="media-tile">
              <a href={item.editUrl}>
                <img src={item.thumbUrl} width={item.thumbWidth} height={item.thumbHeight} alt={item.alt} loading="lazy" decoding="async" />
              </a>
              <p class="media-caption">
                <a href={item.editUrl} safe>
                  {item.caption || item.alt || `#${item.id}`}
                </a>
              </p>
              {item.credit ? (
                <p class="muted" safe>
                  {item.credit}
                </p>
              ) : (
                ''
              )}
              <p class="muted" safe>
                {`#${item.id} · ${item.facts}`}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted" safe>
          {props.q ? t('mediaNoneFound') : t('mediaNone')}
        </p>
      )}
      <nav class="admin-pager" aria-label={status}>
        {props.page > 1 ? (
          <a href={props.pageUrl(props.page - 1)} rel="prev" safe>
            {t('previousPage')}
          </a>
        ) : (
          ''
        )}
        <span safe>{status}</span>
        {props.page < props.pageCount ? (
          <a href={props.pageUrl(props.page + 1)} rel="next" safe>
            {t('nextPage')}
          </a>
        ) : (
          ''
        )}
      </nav>
    </AdminLayout>
  );
}
