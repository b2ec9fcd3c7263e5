import type { Db } from '../db/create-db.ts';
import { type ArticleSummary, listPublished } from '../domain/articles/article.queries.ts';
import { listBlockItems } from '../domain/blocks/block.service.ts';
import type { ChannelTree } from '../domain/channels/channel-tree.ts';
import { loadChannelTree } from '../domain/channels/channel.service.ts';
import { type DeliverySettings, getDeliverySettings } from '../domain/feeds/delivery-settings.ts';
import { findMedia } from '../domain/media/media.service.ts';
import { type SiteSettings, getSiteSettings } from '../domain/settings/site-settings.ts';
import { formatDate } from '../domain/shared/time.ts';
import { type Translate, translator } from '../i18n/messages.ts';
import type { LinkItem, SiteChrome } from '../views/view-models.ts';
import { toImageView } from './presenters/image-view.ts';
import { SiteUrls } from './site-urls.ts';
import { assetUrl } from './asset-urls.ts';

/** What every public page needs, loaded once per request. */
export interface SiteContext {
  db: Db;
  settings: SiteSettings;
  /** Public address, feed and purge-hook settings. */
  delivery: DeliverySettings;
  tree: ChannelTree;
  urls: SiteUrls;
  t: Translate;
  chromeParts: Omit<SiteChrome, 'nav' | 'backUrl'>;
}

export const SIDEBAR_LATEST = 8;
const NEW_MEDIA_ITEMS = 6;

/**
 * The context is the same for every request until content changes, so it is kept per database
 * handle and dropped on every committed change (`db.changes`; every content write publishes
 * there). A handle without the memo (scripts) loads it per request.
 */
interface Memo {
  context?: Promise<SiteContext>;
  tree?: ChannelTree;
}
const memos = new WeakMap<Db, Memo>();

/** Keep the site context in memory for this database until the next content change. */
export function enableSiteContextMemo(db: Db): void {
  if (memos.has(db)) return;
  const memo: Memo = {};
  memos.set(db, memo);
  db.changes.subscribe(() => {
    memo.context = undefined;
  });
}

/** The channel tree of the last loaded context, for synchronous questions (cache invalidation). */
export function peekChannelTree(db: Db): ChannelTree | undefined {
  return memos.get(db)?.tree;
}

export function loadSiteContext(db: Db): Promise<SiteContext> {
  const memo = memos.get(db);
  if (!memo) return readSiteContext(db);
  if (memo.context) return memo.context;
  const loading = readSiteContext(db).then((context) => {
    memo.tree = context.tree;
    return context;
  });
  memo.context = loading;
  // A failed load must not stick: the next request tries again.
  loading.catch(() => {
    if (memo.context === loading) memo.context = undefined;
  });
  return loading;
}

async function readSiteContext(db: Db): Promise<SiteContext> {
  const [settings, delivery, tree, blockItems] = await Promise.all([
    getSiteSettings(db),
    getDeliverySettings(db),
    loadChannelTree(db),
    listBlockItems(db, 'newmedia', NEW_MEDIA_ITEMS),
  ]);
  const urls = new SiteUrls(tree, settings.timeZone);
  const t = translator(settings.locale);
  const latest = await listPublished(db, { pageSize: SIDEBAR_LATEST, withTotal: false, pinnedFirst: false });
  const media = await findMedia(db, blockItems.flatMap((item) => (item.image_media_id ? [item.image_media_id] : [])));
  const context: SiteContext = {
    db,
    settings,
    delivery,
    tree,
    urls,
    t,
    chromeParts: {
      siteName: settings.name,
      logoUrl: settings.logoUrl,
      tagline: settings.tagline,
      locale: settings.locale,
      t,
      stylesheetUrl: assetUrl('/assets/', 'site.css'),
      iconUrl: assetUrl('/assets/', 'favicon.svg'),
      icpNumber: settings.icpNumber,
      newsLicence: settings.newsLicence,
      newMedia: blockItems.map((item) => {
        const image = item.image_media_id ? media.get(item.image_media_id) : undefined;
        return { title: item.title, url: item.url, account: item.account, image: image && toImageView(image, item.title) };
      }),
      latest: [],
    },
  };
  context.chromeParts.latest = latest.items.map((item) => toLinkItem(context, item));
  return context;
}

/** Answers kept with a context (so until the next content change), by key. */
const contextMemos = new WeakMap<SiteContext, Map<string, Promise<unknown>>>();

/**
 * A site-wide answer that only a content change can alter, such as how many stories a channel
 * holds (its pager's page count), computed once per context: every change makes a new context.
 */
export function memoInContext<T>(context: SiteContext, key: string, load: () => Promise<T>): Promise<T> {
  let memo = contextMemos.get(context);
  if (!memo) contextMemos.set(context, (memo = new Map()));
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const loading = load();
  memo.set(key, loading);
  // A failed read must not stick.
  loading.catch(() => memo.delete(key));
  return loading;
}

/** Frames already built for this context, by current top channel and 返回 target. */
const chromes = new WeakMap<SiteContext, Map<string, SiteChrome>>();

/**
 * The page frame for a page inside `channelId` (or the home page when undefined). The same
 * object is returned for the same context, section and 返回 target, so the layout can reuse the
 * HTML it rendered for it (see site-layout.tsx); a content change makes a new context.
 */
export function chromeFor(context: SiteContext, channelId: number | undefined, backUrl: string): SiteChrome {
  const topId = channelId === undefined ? undefined : context.tree.ancestry(channelId)[0]?.id;
  let built = chromes.get(context);
  if (!built) chromes.set(context, (built = new Map()));
  const key = `${topId ?? ''} ${backUrl}`;
  const known = built.get(key);
  if (known) return known;
  const chrome: SiteChrome = {
    ...context.chromeParts,
    nav: context.tree.nav().map((channel) => ({
      name: channel.name,
      url: context.urls.channel(channel.id),
      current: channel.id === topId,
    })),
    backUrl,
  };
  // 返回 targets come from the channel tree, so the map stays as small as the tree.
  built.set(key, chrome);
  return chrome;
}

export function toLinkItem(context: SiteContext, article: ArticleSummary): LinkItem {
  return {
    title: article.title,
    url: context.urls.article(article),
    date: formatDate(article.publishedAt, context.settings.timeZone),
    summary: article.summary,
  };
}
