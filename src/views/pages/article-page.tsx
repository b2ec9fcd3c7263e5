import { Breadcrumb } from '../components/breadcrumb.tsx';
import { LinkList } from '../components/link-list.tsx';
import { SiteLayout, WithSidebar } from '../layouts/site-layout.tsx';
import { joinNames } from '../../i18n/messages.ts';
import type { Crumb, LinkItem, PageHead, SiteChrome } from '../view-models.ts';

export interface ArticleView {
  title: string;
  subtitle: string;
  sourceLabel: string;
  sourceUrl: string;
  isOriginal: boolean;
  originalTitle: string;
  originalAuthor: string;
  /** "2025-05-19 10:28" in the site's zone. */
  time: string;
  /** ISO time for the <time> element. */
  isoTime: string;
  /** Sanitised on write; the dateline is already placed in front of the first paragraph. */
  safeBodyHtml: string;
  reporters: string[];
  photographers: string[];
  editorName: string;
}

export interface CopyrightView {
  title: string;
  own: string;
  repost: string;
  contact: string;
  /** Which of the first two paragraphs applies to this article. */
  applies: 'own' | 'repost';
}

/** What an article page adds to <head> for search engines and chat-app link previews. */
export interface StructuredData {
  /** JSON-LD, serialised so that it cannot close its <script> element. */
  safeJsonLd: string;
  /** Open Graph (`property`) and Twitter (`name`) tags. */
  meta: { attr: 'property' | 'name'; key: string; content: string }[];
}

export interface ArticlePageProps {
  chrome: SiteChrome;
  head: PageHead;
  crumbs: Crumb[];
  article: ArticleView;
  previous?: LinkItem;
  next?: LinkItem;
  related: LinkItem[];
  copyright: CopyrightView;
  /** JSON-LD and sharing tags for <head>. */
  structuredData?: StructuredData;
}

/** The article page: every element of the seed page, in its order. */
export function ArticlePage(props: ArticlePageProps) {
  const { chrome, article } = props;
  const t = chrome.t;
  const colon = chrome.locale === 'zh-CN' ? ':' : ': ';
  const safeBodyHtml = article.safeBodyHtml;
  return (
    <SiteLayout chrome={chrome} head={props.head} extraHead={props.structuredData && <StructuredHead data={props.structuredData} />}>
      <Breadcrumb crumbs={props.crumbs} t={t} />
      <WithSidebar chrome={chrome}>
        <article class="article">
          <header class="article-header">
            <h1 safe>{article.title}</h1>
            {article.subtitle ? (
              <p class="subtitle" safe>
                {article.subtitle}
              </p>
            ) : (
              ''
            )}
            <p class="article-meta">
              <span class="source">
                <span safe>{`${t('source')}${colon}`}</span>
                {article.sourceUrl ? (
                  <a href={article.sourceUrl} rel="nofollow noopener" safe>
                    {article.sourceLabel}
                  </a>
                ) : (
                  <span safe>{article.sourceLabel}</span>
                )}
              </span>{' '}
              <span class="time">
                <span safe>{`${t('time')}${colon}`}</span>
                <time datetime={article.isoTime} safe>
                  {article.time}
                </time>
              </span>
            </p>
            {!article.isOriginal && (article.originalTitle || article.originalAuthor) ? (
              <p class="original">
                {article.originalTitle ? <span safe>{`${t('originalTitle')}${colon}${article.originalTitle}`}</span> : ''}{' '}
                {article.originalAuthor ? <span safe>{`${t('originalAuthor')}${colon}${article.originalAuthor}`}</span> : ''}
              </p>
            ) : (
              ''
            )}
          </header>
          <div class="article-body">{safeBodyHtml}</div>
          {article.reporters.length || article.photographers.length ? (
            <p class="bylines">
              {article.reporters.length ? (
                <span class="reporters" safe>{`(${t('reporters')}${colon}${joinNames(chrome.locale, article.reporters)})`}</span>
              ) : (
                ''
              )}
              {article.photographers.length ? (
                <span class="photographers" safe>
                  {`(${t('photographers')}${colon}${joinNames(chrome.locale, article.photographers)})`}
                </span>
              ) : (
                ''
              )}
            </p>
          ) : (
            ''
          )}
          <p class="responsible-editor" safe>{`${t('editor')}${colon}${article.editorName}`}</p>
          <nav class="prev-next" aria-label={`${t('previous')} / ${t('next')}`}>
            <NeighbourLink label={`${t('previous')}${colon}`} item={props.previous} none={t('none')} rel="prev" />
            <NeighbourLink label={`${t('next')}${colon}`} item={props.next} none={t('none')} rel="next" />
          </nav>
          <section class="related panel">
            <h2 class="panel-title" safe>{t('related')}</h2>
            {props.related.length ? <LinkList items={props.related} withDates /> : <p class="empty" safe>{t('none')}</p>}
          </section>
          <CopyrightBlock copyright={props.copyright} />
        </article>
      </WithSidebar>
    </SiteLayout>
  );
}

function StructuredHead(props: { data: StructuredData }) {
  const safeJsonLd = props.data.safeJsonLd;
  return (
    <>
      {props.data.meta.map((m) => (m.attr === 'property' ? <meta property={m.key} content={m.content} /> : <meta name={m.key} content={m.content} />))}
      <script type="application/ld+json">{safeJsonLd}</script>
    </>
  );
}

function NeighbourLink(props: { label: string; item?: LinkItem; none: string; rel: string }) {
  return (
    <p class={`neighbour ${props.rel}`}>
      <span class="label" safe>
        {props.label}
      </span>
      {props.item ? (
        <a href={props.item.url} rel={props.rel} safe>
          {props.item.title}
        </a>
      ) : (
        <span class="none" safe>
          {props.none}
        </span>
      )}
    </p>
  );
}

/** 版权与免责声明: ① own content, ② reposted content, ③ contact window; the one that applies is marked. */
function CopyrightBlock(props: { copyright: CopyrightView }) {
  const c = props.copyright;
  return (
    <section class="copyright" aria-labelledby="copyright-title">
      <h2 id="copyright-title" safe>
        {c.title}
      </h2>
      <ol>
        <li class={c.applies === 'own' ? 'applies' : undefined} safe>
          {`① ${c.own}`}
        </li>
        <li class={c.applies === 'repost' ? 'applies' : undefined} safe>
          {`② ${c.repost}`}
        </li>
        <li safe>{`③ ${c.contact}`}</li>
      </ol>
    </section>
  );
}
