import type { Db } from '../db/create-db.ts';
import { type ArticleSummary, listPublished } from '../domain/articles/article.queries.ts';
import { listBlockItems } from '../domain/blocks/block.service.ts';
import type { ChannelTree } from '../domain/channels/channel-tree.ts';
import { loadChannelTree } from '../domain/channels/channel.service.ts';
import { findMedia } from '../domain/media/media.service.ts';
import { type SiteSettings, getSiteSettings } from '../domain/settings/site-settings.ts';
import { formatDate } from '../domain/shared/time.ts';
import { type Translate, translator } from '../i18n/messages.ts';
import type { LinkItem, SiteChrome } from '../views/view-models.ts';
import { toImageView } from './presenters/image-view.ts';
import { SiteUrls } from './site-urls.ts';

/** What every public page needs, loaded once per request. */
export interface SiteContext {
  db: Db;
  settings: SiteSettings;
  tree: ChannelTree;
  urls: SiteUrls;
  t: Translate;
  chromeParts: Omit<SiteChrome, 'nav' | 'backUrl'>;
}

const SIDEBAR_LATEST = 8;
const NEW_MEDIA_ITEMS = 6;

export async function loadSiteContext(db: Db): Promise<SiteContext> {
  const [settings, tree, blockItems] = await Promise.all([
    getSiteSettings(db),
    loadChannelTree(db),
    listBlockItems(db, 'newmedia', NEW_MEDIA_ITEMS),
  ]);
  const urls = new SiteUrls(tree, settings.timeZone);
  const t = translator(settings.locale);
  const latest = await listPublished(db, { pageSize: SIDEBAR_LATEST, withTotal: false });
  const media = await findMedia(db, blockItems.flatMap((item) => (item.image_media_id ? [item.image_media_id] : [])));
  const context: SiteContext = {
    db,
    settings,
    tree,
    urls,
    t,
    chromeParts: {
      siteName: settings.name,
      logoUrl: settings.logoUrl,
      tagline: settings.tagline,
      locale: settings.locale,
      t,
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

/** The page frame for a page inside `channelId` (or the home page when undefined). */
export function chromeFor(context: SiteContext, channelId: number | undefined, backUrl: string): SiteChrome {
  const topId = channelId === undefined ? undefined : context.tree.ancestry(channelId)[0]?.id;
  return {
    ...context.chromeParts,
    nav: context.tree.nav().map((channel) => ({
      name: channel.name,
      url: context.urls.channel(channel.id),
      current: channel.id === topId,
    })),
    backUrl,
  };
}

export function toLinkItem(context: SiteContext, article: ArticleSummary): LinkItem {
  return {
    title: article.title,
    url: context.urls.article(article),
    date: formatDate(article.publishedAt, context.settings.timeZone),
    summary: article.summary,
  };
}
