import { AdminLayout } from './admin-layout.tsx';
import type { AdminChrome } from './admin-view-models.ts';

export interface WireProviderView {
  id: number;
  name: string;
  url: string;
  intervalMinutes: number;
  lastPolled: string;
  lastError: string;
}

export interface WireItemView {
  id: number;
  title: string;
  provider: string;
  publishedAt: string;
  statusKey: string;
  statusLabel: string;
  importUrl?: string;
  articleUrl?: string;
  /** The item's language, named only when it is not the site's. */
  language?: string;
  /** "禁发至 2026-12-03 10:00" while the item is under embargo. */
  embargo?: string;
  /** "通讯社已撤稿(…)" when the agency killed the story. */
  withdrawn?: string;
  /** "已更新(…)" or, once imported, "通讯社有更新(…)" when a later version arrived. */
  updated?: string;
  /** The agency's new text (plain), shown for an imported item it updated: the article kept the old one. */
  latestText?: string;
}

/** 通稿: the providers the newsroom polls, and the queue editors work from. */
export function WiresPage(props: {
  chrome: AdminChrome;
  providers: WireProviderView[];
  items: WireItemView[];
  canManage: boolean;
  error?: string;
  /** Set when the page shows one item alone. */
  wholeQueueUrl?: string;
}) {
  const t = props.chrome.t;
  const csrf = props.chrome.csrfToken;
  return (
    <AdminLayout chrome={props.chrome} title={t('wires')}>
      <h1 safe>{t('wires')}</h1>
      {props.error ? (
        <p class="error" role="alert" safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
      <section class="card" aria-labelledby="wire-queue">
        <h2 id="wire-queue" safe>
          {t('wireQueue')}
        </h2>
        {props.wholeQueueUrl ? (
          <p>
            <a href={props.wholeQueueUrl} safe>
              {t('wireWholeQueue')}
            </a>
          </p>
        ) : (
          ''
        )}
        {props.items.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col" safe>{t('title')}</th>
                <th scope="col" safe>{t('sourceName')}</th>
                <th scope="col" safe>{t('publishedAt')}</th>
                <th scope="col" safe>{t('status')}</th>
                <th scope="col"></th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((item) => (
                <tr id={`wire-item-${item.id}`} class={item.withdrawn ? 'wire-withdrawn' : undefined}>
                  <td>
                    {item.withdrawn ? (
                      <>
                        <strong class="status withdrawn" safe>
                          {item.withdrawn}
                        </strong>{' '}
                        <s safe>{item.title}</s>
                      </>
                    ) : (
                      <span safe>{item.title}</span>
                    )}
                    {item.updated ? (
                      <>
                        {' '}
                        <strong class="status updated" safe>
                          {item.updated}
                        </strong>
                      </>
                    ) : (
                      ''
                    )}
                    {item.embargo ? (
                      <>
                        {' '}
                        <strong class="status embargo" safe>
                          {item.embargo}
                        </strong>
                      </>
                    ) : (
                      ''
                    )}
                    {item.language ? (
                      <span class="muted wire-language" safe>
                        {` ${t('wireLanguage')}:${item.language}`}
                      </span>
                    ) : (
                      ''
                    )}
                    {item.latestText ? (
                      <details class="wire-latest">
                        <summary safe>{t('wireLatestText')}</summary>
                        <p class="wire-latest-text" safe>
                          {item.latestText}
                        </p>
                      </details>
                    ) : (
                      ''
                    )}
                  </td>
                  <td safe>{item.provider}</td>
                  <td safe>{item.publishedAt}</td>
                  <td safe>{item.statusLabel}</td>
                  <td>
                    {item.importUrl ? (
                      <form method="post" action={item.importUrl} class="inline">
                        <input type="hidden" name="_csrf" value={csrf} />
                        <button type="submit" class="small" aria-label={`${t('wireImport')}:${item.title}`} safe>
                          {t('wireImport')}
                        </button>
                      </form>
                    ) : (
                      ''
                    )}{' '}
                    {item.articleUrl ? (
                      <a href={item.articleUrl} safe>
                        {t('wireOpenArticle')}
                      </a>
                    ) : (
                      ''
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
      </section>
      <section class="card" aria-labelledby="wire-providers">
        <h2 id="wire-providers" safe>
          {t('wireProviders')}
        </h2>
        <table>
          <tbody>
            {props.providers.map((p) => (
              <tr>
                <td safe>{p.name}</td>
                <td safe>{p.url}</td>
                <td safe>{`${t('wireLastPolled')}:${p.lastPolled}`}</td>
                <td class="error-text" safe>
                  {p.lastError}
                </td>
                <td>
                  <form method="post" action={`/admin/wires/providers/${p.id}/poll`} class="inline">
                    <input type="hidden" name="_csrf" value={csrf} />
                    <button type="submit" safe>
                      {t('wirePollNow')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {props.canManage ? (
          <form method="post" action="/admin/wires/providers" class="wire-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="wire-name" safe>
              {t('wireName')}
            </label>
            <input id="wire-name" name="name" required />
            <label for="wire-url" safe>
              {t('wireUrl')}
            </label>
            <input id="wire-url" name="url" type="url" required />
            <label for="wire-interval" safe>
              {t('wireInterval')}
            </label>
            <input id="wire-interval" name="intervalMinutes" type="number" min="1" max="1440" value="15" />
            <p>
              <button type="submit" safe>
                {t('wireAdd')}
              </button>
            </p>
          </form>
        ) : (
          ''
        )}
      </section>
    </AdminLayout>
  );
}
