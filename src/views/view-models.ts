import type { Locale, Translate } from '../i18n/messages.ts';

/**
 * The shapes views receive. Routes build them from domain objects; views never query.
 * All strings are plain text and are escaped by the views, except fields named `safe…`,
 * which hold HTML that was sanitised on write.
 */

export interface ImageView {
  src: string;
  srcsetWebp: string;
  srcsetJpeg: string;
  width: number;
  height: number;
  alt: string;
}

export interface LinkItem {
  title: string;
  url: string;
  /** Already formatted in the site's time zone. */
  date?: string;
  summary?: string;
  image?: ImageView;
}

export interface NavItem {
  name: string;
  url: string;
  current: boolean;
}

export interface NewMediaItem {
  title: string;
  url: string;
  account: string;
  image?: ImageView;
}

/** What every public page shares: identity, navigation, footer, language. */
export interface SiteChrome {
  siteName: string;
  logoUrl: string;
  tagline: string;
  locale: Locale;
  t: Translate;
  /** site.css with its content hash, so an upgrade is never drawn with yesterday's cached CSS. */
  stylesheetUrl: string;
  /** The browser tab's icon (the brand mark), hashed like the stylesheet. */
  iconUrl: string;
  nav: NavItem[];
  /** Where 返回 leads: the parent of the current page, without JavaScript. */
  backUrl: string;
  icpNumber: string;
  newsLicence: string;
  newMedia: NewMediaItem[];
  latest: LinkItem[];
}

export interface PageHead {
  title: string;
  description?: string;
  canonicalUrl?: string;
  /** A channel page's own RSS feed, advertised beside the site's feeds. */
  channelFeedUrl?: string;
}

export interface Crumb {
  name: string;
  url?: string;
}

export interface Pagination {
  page: number;
  pageCount: number;
  /** URL of page n. */
  urlFor: (page: number) => string;
  /**
   * Where 下一页 leads when not to page + 1: an older-stories link that starts after this page's
   * last item, which costs the same to serve at any depth. Undefined with nextUrl set: no more.
   */
  nextUrl?: string;
  /** A page reached by such a link: its number is not counted, so only 首页, 下一页 and 尾页 show. */
  unnumbered?: boolean;
}
