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
  users: UsersTable;
  user_channels: UserChannelsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  api_tokens: ApiTokensTable;
  wire_providers: WireProvidersTable;
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
  author_id: Generated<number | null>;
  /** JSON of the edited fields while a published story is being changed; the live fields stay online. */
  working_copy: Generated<string | null>;
  review_comment: Generated<string>;
  scheduled_at: Generated<string | null>;
  unpublish_at: Generated<string | null>;
  /** Migration 010: an agency's embargo carried from the wire item; publishing before it is refused. */
  embargo_until: Generated<string | null>;
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
  author_id: Generated<number | null>;
  note: Generated<string>;
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

export type Role = 'admin' | 'chief' | 'editor' | 'reporter';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  display_name: string;
  role: Role;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  password_changed_at: string;
}

export interface UserChannelsTable {
  user_id: number;
  channel_id: number;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  username: string;
  action: string;
  target_type: string;
  target_id: string;
  detail: string;
  ip: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  role: Role;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface WireProvidersTable {
  id: Generated<number>;
  name: string;
  url: string;
  interval_minutes: number;
  enabled: number;
  last_polled_at: string | null;
  last_error: string;
  created_at: string;
}

export type WireProviderRow = Selectable<WireProvidersTable>;
export type IngestItemRow = Selectable<IngestItemsTable>;
export type UserRow = Selectable<UsersTable>;
export type ChannelRow = Selectable<ChannelsTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type ArticleUpdate = Updateable<ArticlesTable>;
export type MediaRow = Selectable<MediaTable>;
export type BlockItemRow = Selectable<BlockItemsTable>;

// Search and related news (migration 003-search). Declaration merging keeps these lines apart.
export interface Database {
  search_docs: SearchDocsTable;
  related_articles: RelatedArticlesTable;
  search_bodies: SearchBodiesTable;
}

/** The plain-text body (summary and body) of an indexed article, for snippets and related news. */
export interface SearchBodiesTable {
  article_id: number;
  body: string;
}

/** One indexed article; on PostgreSQL also `words`/`grams` tsvector columns (written with raw SQL). */
export interface SearchDocsTable {
  article_id: number;
  channel_id: number;
  status: string;
  published_at: string | null;
  source_name: string;
  title: string;
  /** Subtitle and keywords: ranked like the title, not shown as the title. */
  extra: string;
  /** The first characters of `body`: what ranking and snippets read. */
  lead: string;
}

export interface RelatedArticlesTable {
  article_id: number;
  position: number;
  related_id: number;
  score: number;
}

// API token identities (migration 004-api-token-identity): the account a token acts as.
export interface ApiTokensTable {
  user_id: number | null;
}

// Import (migration 005-ingest): duplicate fingerprints, the wire-feed ingest queue, bulk-import progress.
export interface Database {
  ingest_fingerprints: IngestFingerprintsTable;
  ingest_items: IngestItemsTable;
  import_progress: ImportProgressTable;
}

export interface IngestFingerprintsTable {
  article_id: number;
  source_url: string;
  /** 64-bit SimHash of the text, 16 hex digits; band0..band3 are its four 16-bit quarters. */
  simhash: string;
  band0: string;
  band1: string;
  band2: string;
  band3: string;
  created_at: string;
}

/** `withdrawn`: the agency killed or withheld the story (migration 011); it can no longer be imported. */
export type IngestItemStatus = 'new' | 'imported' | 'skipped' | 'withdrawn';

export interface IngestItemsTable {
  id: Generated<number>;
  provider: string;
  guid: string;
  url: string;
  title: string;
  summary: string;
  body_html: string;
  authors: string;
  published_at: string | null;
  status: IngestItemStatus;
  article_id: number | null;
  created_at: string;
  /** Migration 010: BCP 47 tag the feed gave, null when it named none. */
  language: Generated<string | null>;
  /** Migration 010: UTC time before which the story must not be published, null when not embargoed. */
  embargo_until: Generated<string | null>;
  /** Migration 011: the agency's latest version number (of the stored text, or of its kill), null when the feed gives none (RSS, Atom). */
  version: Generated<number | null>;
  /** Migration 011: when the agency made the stored version (UTC), null when the feed does not say. */
  version_created: Generated<string | null>;
  /** Migration 011: when the newsroom learned of the agency's kill (UTC); the status is then `withdrawn`. */
  withdrawn_at: Generated<string | null>;
  /** Migration 011: when a later version from the agency arrived (UTC), null while the first version stands. */
  agency_updated_at: Generated<string | null>;
  /** Migration 012: the status a withdrawn item had before the kill, to return to if the agency releases the story. */
  withdrawn_from: Generated<IngestItemStatus | null>;
}

export interface ImportProgressTable {
  /** The absolute path of the imported folder or file. */
  source: string;
  /** JSON `{ position, lastKey }`: how many items (in their sorted order) are handled, and the last one's key. */
  done: string;
  imported: number;
  skipped: number;
  updated_at: string;
}
