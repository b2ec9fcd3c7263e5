import type { Db } from '../../db/create-db.ts';
import type { ChannelKind, MediaRow } from '../../db/schema.ts';
import { createArticle } from '../articles/article.service.ts';
import { appendBlockItem } from '../blocks/block.service.ts';
import { createChannel } from '../channels/channel.service.ts';
import { mediaUrls, storeImage } from '../media/media.service.ts';
import { updateSiteSettings } from '../settings/site-settings.ts';
import type { DemoArticle, DemoBlock } from './demo-article-types.ts';
import { reindexSearch } from '../search/reindex.service.ts';
import { systemActor } from '../users/actor.ts';
import { createUser } from '../users/user.service.ts';
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts.ts';
import { DEMO_ARTICLES } from './demo-articles.ts';
import { DEMO_IMAGES, renderDemoImage } from './demo-images.ts';

/**
 * The demo portal: 临湖新闻网 of the fictional prefecture-level city 临湖市. It fills an empty,
 * migrated database with settings, the channel tree, photos, articles and the 新媒体 block, so
 * that every element of the model article page has something to show.
 */

export interface DemoSummary {
  channels: number;
  articles: number;
  media: number;
  accounts: readonly DemoAccount[];
}

export class DemoError extends Error {}

interface DemoChannel {
  slug: string;
  name: string;
  kind: ChannelKind;
  children?: { slug: string; name: string }[];
}

/** Top-level channels in navigation order; tests rely on these slugs, names and the order. */
export const DEMO_CHANNELS: readonly DemoChannel[] = [
  {
    slug: 'news',
    name: '新闻',
    kind: 'list',
    children: [
      { slug: 'world', name: '国际新闻' },
      { slug: 'china', name: '国内新闻' },
      { slug: 'local', name: '本地新闻' },
    ],
  },
  { slug: 'gov', name: '政务', kind: 'list' },
  { slug: 'photo', name: '图片', kind: 'photo' },
  { slug: 'yaowen', name: '要闻', kind: 'list' },
  { slug: 'focus', name: '聚焦', kind: 'list' },
  {
    slug: 'county',
    name: '县域',
    kind: 'list',
    children: [
      { slug: 'qingxi', name: '青溪县' },
      { slug: 'baisha', name: '白沙县' },
      { slug: 'yunyang', name: '云阳市' },
    ],
  },
  { slug: 'topics', name: '专题', kind: 'topics' },
  { slug: 'culture', name: '文娱', kind: 'list' },
  { slug: 'edu', name: '科教', kind: 'list' },
  { slug: 'travel', name: '旅游', kind: 'list' },
  { slug: 'finance', name: '财经', kind: 'list' },
  { slug: 'bbs', name: '论坛', kind: 'section' },
  { slug: 'jobs', name: '招聘', kind: 'section' },
  { slug: 'epaper', name: '数字报', kind: 'section' },
  { slug: 'newmedia', name: '新媒体', kind: 'section' },
];

const SITE = {
  name: '临湖新闻网',
  shortName: '临湖网',
  tagline: '临湖市综合新闻门户',
  ownSourceLabel: '临湖网',
  copyrightOwn:
    '凡本网注明"来源:临湖网"的文字、图片和音视频作品,版权均属临湖网所有,未经本网书面授权,任何单位和个人不得转载、摘编或以其它方式使用。经本网授权使用的,应在授权范围内使用,并注明"来源:临湖网"。违反上述声明的,本网将依法追究其法律责任。',
  disclaimerRepost:
    '凡本网注明"来源:xxx(非临湖网)"的作品,均转载自其它媒体或网站,转载目的在于传递更多信息,并不代表本网赞同其观点,也不代表本网对其真实性负责。',
  contactNotice: '如因作品内容、版权或其它问题需要与临湖网联系的,请在作品发布之日起30日内进行。',
  icpNumber: '鄂ICP备00000000号-1',
  newsLicence: '00000000000000(演示)',
} as const;

interface NewMediaItem {
  title: string;
  url: string;
  image: string;
  account: string;
}

const NEW_MEDIA: readonly NewMediaItem[] = [
  {
    title: '项目建设跑出加速度!临湖第二批重大项目集中开工',
    url: 'https://weixin.example/linhu-fabu/s/20001',
    image: 'city-skyline',
    account: '微信公众号 临湖发布',
  },
  {
    title: '58公里全线贯通!临青快速路让山里的茶香更快进城',
    url: 'https://weibo.example/linhunews/30002',
    image: 'highway',
    account: '微博 @临湖新闻网',
  },
  {
    title: '一湖清水映蓝天,临湖国家湿地公园观鸟季开启啦',
    url: 'https://douyin.example/linhu-news/40003',
    image: 'wetland-sunset',
    account: '抖音 临湖新闻',
  },
  {
    title: '好消息!临湖一中新校区投入使用,可容纳学生3600人',
    url: 'https://app.linhu-news.example/article/50004',
    image: 'campus',
    account: '临湖新闻客户端',
  },
  {
    title: '春来花开满白沙,这片万亩油菜花田等你来打卡',
    url: 'https://weixin.example/linhu-fabu/s/20005',
    image: 'rapeseed',
    account: '微信公众号 临湖发布',
  },
  {
    title: '青瓦白墙老码头,云阳古城文化街区正式开街迎客',
    url: 'https://weibo.example/linhunews/30006',
    image: 'old-town',
    account: '微博 @临湖新闻网',
  },
];

/** Fills an empty, migrated database with the 临湖新闻网 demo portal. */
export async function createDemo(db: Db, dataDir: string, now = new Date()): Promise<DemoSummary> {
  const existing = await db.kysely.selectFrom('channels').select('id').limit(1).executeTakeFirst();
  if (existing) throw new DemoError('the demo can only be created in an empty database');

  await updateSiteSettings(db, { ...SITE });

  const channelIds = new Map<string, number>();
  let channels = 0;
  for (const [index, top] of DEMO_CHANNELS.entries()) {
    const row = await createChannel(db, { slug: top.slug, name: top.name, kind: top.kind, position: index + 1 });
    channelIds.set(top.slug, row.id);
    channels++;
    for (const [childIndex, child] of (top.children ?? []).entries()) {
      const sub = await createChannel(db, { slug: child.slug, name: child.name, parentId: row.id, kind: 'list', position: childIndex + 1 });
      channelIds.set(child.slug, sub.id);
      channels++;
    }
  }

  // Rendering and the renditions storeImage makes are CPU work in sharp's thread pool, so the
  // images are drawn and stored in parallel (this halves the demo's start-up time). Media ids
  // therefore follow completion order; articles refer to images by key, never by id.
  const stored = await Promise.all(
    DEMO_IMAGES.map(async (spec) => {
      const bytes = await renderDemoImage(spec);
      const row = await storeImage(db, dataDir, bytes, { caption: spec.caption, credit: spec.credit, alt: spec.alt });
      return [spec.key, row] as const;
    }),
  );
  const media = new Map<string, MediaRow>(stored);

  let articles = 0;
  for (const demo of DEMO_ARTICLES) {
    const channelId = channelIds.get(demo.channel);
    if (channelId === undefined) throw new DemoError(`demo article "${demo.title}" names unknown channel "${demo.channel}"`);
    const publishedAt = new Date(Math.floor((now.getTime() - demo.hoursAgo * 3_600_000) / 60_000) * 60_000);
    const body = renderBody(demo.body, media);
    await createArticle(
      db,
      {
        channelId,
        title: demo.title,
        subtitle: demo.subtitle,
        summary: demo.summary,
        bodyHtml: body.html,
        coverMediaId: body.firstMediaId,
        sourceName: demo.repost?.source ?? SITE.ownSourceLabel,
        sourceUrl: demo.repost?.url ?? '',
        isOriginal: !demo.repost,
        originalTitle: demo.repost?.originalTitle ?? '',
        originalAuthor: demo.repost?.originalAuthor ?? '',
        dateline: demo.dateline.replace('{date}', monthDay(publishedAt)),
        reporters: demo.reporters,
        photographers: demo.photographers ?? body.photographers,
        editorName: demo.editor,
        keywords: demo.keywords,
        isHeadline: demo.headline ?? false,
        isFocus: demo.focus ?? false,
        isTop: demo.top ?? false,
        status: 'published',
        publishedAt: publishedAt.toISOString(),
      },
      demo.reporters[0] ?? demo.editor,
    );
    articles++;
  }

  for (const account of DEMO_ACCOUNTS) {
    const { channels: slugs, ...user } = account;
    await createUser(db, systemActor('demo'), { ...user, channelIds: slugs.flatMap((slug) => channelIds.get(slug) ?? []) });
  }

  for (const item of NEW_MEDIA) {
    await appendBlockItem(db, 'newmedia', {
      title: item.title,
      url: item.url,
      imageMediaId: media.get(item.image)?.id ?? null,
      account: item.account,
    });
  }

  // 相关新闻 needs every article in place first; the index itself was kept in step on each write.
  await reindexSearch(db, { related: true });

  return { channels, articles, media: media.size, accounts: DEMO_ACCOUNTS };
}

interface RenderedBody {
  html: string;
  firstMediaId: number | null;
  photographers: string[];
}

function renderBody(blocks: readonly DemoBlock[], media: ReadonlyMap<string, MediaRow>): RenderedBody {
  const html: string[] = [];
  const photographers: string[] = [];
  let firstMediaId: number | null = null;
  for (const block of blocks) {
    if (typeof block === 'string') {
      html.push(`<p>${escapeHtml(block)}</p>`);
    } else if ('h' in block) {
      html.push(`<h2>${escapeHtml(block.h)}</h2>`);
    } else {
      const row = media.get(block.img);
      const spec = DEMO_IMAGES.find((s) => s.key === block.img);
      if (!row || !spec) throw new DemoError(`demo figure names unknown image "${block.img}"`);
      firstMediaId ??= row.id;
      const credit = block.credit ?? spec.credit;
      const name = photographerOf(credit);
      if (name && !photographers.includes(name)) photographers.push(name);
      html.push(figureHtml(row, block.caption, credit, block.alt ?? spec.alt));
    }
  }
  return { html: html.join('\n'), firstMediaId, photographers };
}

function figureHtml(row: MediaRow, caption: string, credit: string, alt: string): string {
  const urls = mediaUrls(row);
  const width = urls.widths.filter((w) => w <= 960).reduce((a, b) => Math.max(a, b), 0) || (urls.widths[0] ?? row.width);
  const height = Math.round((row.height * width) / row.width);
  return (
    `<figure><img src="${escapeHtml(urls.jpeg(width))}" alt="${escapeHtml(alt)}" width="${width}" height="${height}" data-media-id="${row.id}">` +
    `<figcaption>${escapeHtml(caption)} <span class="credit">${escapeHtml(credit)}</span></figcaption></figure>`
  );
}

/** "临湖网记者 张文博 摄" → 张文博; agency credits such as "华中社发(资料图片)" name no one. */
function photographerOf(credit: string): string | undefined {
  return /(?:记者|通讯员)\s*(\S+?)\s*摄/.exec(credit)?.[1];
}

const MONTH_DAY = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' });

/** 5月18日, in Beijing time, for datelines such as 华中社北京5月18日电. */
function monthDay(date: Date): string {
  const parts = MONTH_DAY.formatToParts(date);
  const month = parts.find((p) => p.type === 'month')?.value ?? '';
  const day = parts.find((p) => p.type === 'day')?.value ?? '';
  return `${month}月${day}日`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
