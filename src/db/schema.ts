import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types for Kysely. Both dialects store the same shapes:
 * timestamps are ISO-8601 UTC text (sortable, identical on SQLite and PostgreSQL),
 * booleans are 0/1 integers, lists are JSON text.
 */
export interface Database {
  settings: SettingsTable;
  channels: ChannelsTable;
  channel_redirects: ChannelRedirectsTable;
  articles: ArticlesTable;
  media: MediaTable;
  revisions: RevisionsTable;
  block_items: BlockItemsTable;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export type ChannelKind = 'list' | 'photo' | 'topics' | 'section';

export interface ChannelsTable {
  id: Generated<number>;
  parent_id: number | null;
  slug: string;
  name: string;
  kind: ChannelKind;
  position: number;
  in_nav: number;
  description: string;
  created_at: string;
}

/** An old channel path (e.g. "news/world") that now answers 301 to the channel's current path. */
export interface ChannelRedirectsTable {
  old_path: string;
  channel_id: number;
}

export type ArticleStatus = 'draft' | 'submitted' | 'rejected' | 'scheduled' | 'published' | 'unpublished';

export interface ArticlesTable {
  id: Generated<number>;
  channel_id: number;
  title: string;
  subtitle: string;
  summary: string;
  body_html: string;
  cover_media_id: number | null;
  source_name: string;
  source_url: string;
  is_original: number;
  original_title: string;
  original_author: string;
  dateline: string;
  reporters: string;
  photographers: string;
  editor_name: string;
  keywords: string;
  is_headline: number;
  is_focus: number;
  is_top: number;
  status: ArticleStatus;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface MediaTable {
  id: Generated<number>;
  path: string;
  mime: string;
  size: number;
  width: number;
  height: number;
  caption: string;
  credit: string;
  alt: string;
  sha256: string;
  created_at: string;
}

export interface RevisionsTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  snapshot: string;
  author_name: string;
  created_at: string;
}

export interface BlockItemsTable {
  id: Generated<number>;
  block: string;
  title: string;
  url: string;
  image_media_id: number | null;
  account: string;
  position: number;
}

export type ChannelRow = Selectable<ChannelsTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type ArticleUpdate = Updateable<ArticlesTable>;
export type MediaRow = Selectable<MediaTable>;
export type BlockItemRow = Selectable<BlockItemsTable>;
