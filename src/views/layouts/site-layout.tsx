import type { Children } from '@kitajs/html';
import { NewMediaList } from '../components/new-media-list.tsx';
import type { PageHead, SiteChrome } from '../view-models.ts';

/**
 * The parts of the frame that depend on the chrome alone, rendered once per chrome object. Routes
 * get the same chrome object for the same site context, section and 返回 target (`chromeFor`),
 * and a content change makes a new one, so reusing the HTML cannot show stale navigation.
 */
interface RenderedChrome {
  top?: string;
  footer?: string;
  sidebar?: string;
}
const renderedChromes = new WeakMap<SiteChrome, RenderedChrome>();

function renderedFor(chrome: SiteChrome): RenderedChrome {
  let rendered = renderedChromes.get(chrome);
  if (!rendered) renderedChromes.set(chrome, (rendered = {}));
  return rendered;
}

/** The public page frame: masthead, channel bar, content, footer. No script is needed to read. */
export function SiteLayout(props: { chrome: SiteChrome; head: PageHead; children: Children; extraHead?: Children }) {
  const { chrome, head } = props;
  const rendered = renderedFor(chrome);
  const title = head.title === chrome.siteName ? chrome.siteName : `${head.title} - ${chrome.siteName}`;
  const safeTop = (rendered.top ??= PageTop({ chrome }) as string);
  const safeFooter = (rendered.footer ??= PageFooter({ chrome }) as string);
  return (
    <>
      {'<!doctype html>'}
      <html lang={chrome.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{title}</title>
          {head.description ? <meta name="description" content={head.description} /> : ''}
          {head.canonicalUrl ? <link rel="canonical" href={head.canonicalUrl} /> : ''}
          <link rel="stylesheet" href={chrome.stylesheetUrl} />
          <link rel="icon" type="image/svg+xml" href={chrome.iconUrl} />
          <link rel="alternate" type="application/rss+xml" title={chrome.siteName} href="/rss.xml" />
          <link rel="alternate" type="application/atom+xml" title={chrome.siteName} href="/atom.xml" />
          {head.channelFeedUrl ? <link rel="alternate" type="application/rss+xml" title={title} href={head.channelFeedUrl} /> : ''}
          {props.extraHead ?? ''}
        </head>
        <body>
          {safeTop}
          <main id="main" class="wrap">
            {props.children}
          </main>
          {safeFooter}
        </body>
      </html>
    </>
  );
}

/** Skip link, masthead and channel bar. */
function PageTop(props: { chrome: SiteChrome }) {
  const { chrome } = props;
  const t = chrome.t;
  return (
    <>
      <a class="skip-link" href="#main" safe>
        {t('skipToContent')}
      </a>
      <header class="masthead">
        <div class="wrap masthead-inner">
          <a class="brand" href="/">
            {chrome.logoUrl ? <img src={chrome.logoUrl} alt="" width="48" height="48" /> : <BrandMark />}
            <span class="brand-name" safe>
              {chrome.siteName}
            </span>
          </a>
          {chrome.tagline ? (
            <span class="tagline" safe>
              {chrome.tagline}
            </span>
          ) : (
            ''
          )}
          <form class="site-search" action="/search" method="get" role="search">
            <label for="site-search-q" class="visually-hidden" safe>
              {t('searchLabel')}
            </label>
            <input id="site-search-q" type="search" name="q" maxlength="100" placeholder={t('searchLabel')} />
            <button type="submit" safe>
              {t('searchButton')}
            </button>
          </form>
        </div>
      </header>
      <nav class="channel-bar" aria-label={t('mainNav')}>
        <ul class="wrap">
          <li>
            <a href="/" safe>{t('home')}</a>
          </li>
          {chrome.nav.map((item) => (
            <li>
              <a href={item.url} aria-current={item.current ? 'page' : undefined} safe>
                {item.name}
              </a>
            </li>
          ))}
          <li>
            <a href={chrome.backUrl} class="back" safe>
              {t('back')}
            </a>
          </li>
        </ul>
      </nav>
    </>
  );
}

function PageFooter(props: { chrome: SiteChrome }) {
  const { chrome } = props;
  const t = chrome.t;
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p safe>{`© ${chrome.siteName}`}</p>
        <p class="feeds">
          <span safe>{t('subscribe')}</span> <a href="/rss.xml">RSS</a> · <a href="/atom.xml">Atom</a> · <a href="/feed.json">JSON Feed</a>
        </p>
        {chrome.icpNumber ? <p safe>{t('icp', { number: chrome.icpNumber })}</p> : ''}
        {chrome.newsLicence ? <p safe>{t('licence', { number: chrome.newsLicence })}</p> : ''}
      </div>
    </footer>
  );
}

/** Two columns on desktop: the work on the left, 新媒体 and the latest list on the right. */
export function WithSidebar(props: { chrome: SiteChrome; children: Children }) {
  const rendered = renderedFor(props.chrome);
  const safeSidebar = (rendered.sidebar ??= Sidebar({ chrome: props.chrome }) as string);
  return (
    <div class="two-col">
      <div class="primary">{props.children}</div>
      {safeSidebar}
    </div>
  );
}

function Sidebar(props: { chrome: SiteChrome }) {
  const t = props.chrome.t;
  return (
    <aside class="sidebar">
      <NewMediaList items={props.chrome.newMedia} t={t} />
      {props.chrome.latest.length ? (
        <section class="panel">
          <h2 class="panel-title" safe>{t('latest')}</h2>
          <ul class="link-list compact">
            {props.chrome.latest.map((item) => (
              <li>
                <a href={item.url} safe>
                  {item.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </aside>
  );
}

function BrandMark() {
  return (
    <svg class="brand-mark" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true">
      <rect x="4" y="8" width="40" height="32" rx="8" fill="#b3261e" />
      <ellipse cx="24" cy="24" rx="12" ry="8" fill="#fff" opacity="0.9" />
      <ellipse cx="24" cy="24" rx="7" ry="4" fill="#1f1f1f" />
    </svg>
  );
}
