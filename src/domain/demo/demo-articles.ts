import type { DemoArticle } from './demo-article-types.ts';
import { CITY_ARTICLES } from './demo-articles-city.ts';
import { FEATURE_ARTICLES } from './demo-articles-features.ts';
import { NEWS_ARTICLES } from './demo-articles-news.ts';

export type { DemoArticle, DemoBlock, DemoRepost } from './demo-article-types.ts';

/** Every demo article, written for the fictional 临湖市 and its portal 临湖新闻网. */
export const DEMO_ARTICLES: readonly DemoArticle[] = [...NEWS_ARTICLES, ...CITY_ARTICLES, ...FEATURE_ARTICLES];
