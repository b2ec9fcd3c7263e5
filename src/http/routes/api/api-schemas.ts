import { type Static, type TSchema, Type } from '@fastify/type-provider-typebox';

/**
 * The JSON API's schemas, in one place: they validate requests (TypeBox, no coercion of bodies),
 * and the same objects make the OpenAPI document, so the documentation cannot drift from the code.
 * Requests are strict (unknown fields are refused); responses may grow new fields.
 */

const Text = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });
const Names = (description: string) => Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50, description });
const Id = Type.Integer({ minimum: 1 });
const Time = Type.String({ format: 'date-time' });
const NullableTime = Type.Union([Time, Type.Null()]);

export const ROLE_NAMES = ['admin', 'chief', 'editor', 'reporter'] as const;
export const STATUS_NAMES = ['draft', 'submitted', 'rejected', 'scheduled', 'published', 'unpublished'] as const;
const Status = Type.Union(
  [Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('rejected'), Type.Literal('scheduled'), Type.Literal('published'), Type.Literal('unpublished')],
  { description: 'workflow state' },
);

// ---- requests -------------------------------------------------------------------------------

const articleFieldProps = {
  channelId: Type.Integer({ minimum: 1, description: 'the channel the story belongs to' }),
  title: Type.String({ minLength: 1, maxLength: 300 }),
  subtitle: Type.Optional(Text(300)),
  summary: Type.Optional(Text(2000)),
  bodyHtml: Type.String({ maxLength: 2_000_000, description: 'rich text; sanitised on the server to the editor\'s allowlist' }),
  coverMediaId: Type.Optional(Type.Union([Id, Type.Null()])),
  sourceName: Type.Optional(Text(200, '来源; required for reposts')),
  sourceUrl: Type.Optional(Text(2000)),
  isOriginal: Type.Optional(Type.Boolean({ description: 'false for a repost (转载)' })),
  originalTitle: Type.Optional(Text(300)),
  originalAuthor: Type.Optional(Text(200)),
  dateline: Type.Optional(Text(200)),
  reporters: Type.Optional(Names('记者')),
  photographers: Type.Optional(Names('摄影')),
  editorName: Type.Optional(Text(100, '责任编辑; required to publish')),
  keywords: Type.Optional(Names('keywords')),
  isHeadline: Type.Optional(Type.Boolean()),
  isFocus: Type.Optional(Type.Boolean()),
  isTop: Type.Optional(Type.Boolean()),
};

export const ArticleFieldsSchema = Type.Object(articleFieldProps, { additionalProperties: false, $id: 'ArticleFields' });
export const ArticleUpdateSchema = Type.Object(
  { ...articleFieldProps, version: Type.Integer({ minimum: 1, description: 'the version you read; a stale one gives 409 EDIT_CONFLICT' }) },
  { additionalProperties: false },
);
export const RejectSchema = Type.Object({ comment: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export const PublishSchema = Type.Object(
  { at: Type.Optional(Type.String({ format: 'date-time', description: 'a future time schedules instead of publishing now' })) },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,11}$' }) });
const PageParams = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};
export const ArticleListQuery = Type.Object(
  { ...PageParams, channel: Type.Optional(Type.Integer({ minimum: 1, description: 'a channel id; its sub-channels are included' })) },
  { additionalProperties: false },
);
export const DraftListQuery = Type.Object(
  { ...PageParams, channel: Type.Optional(Type.Integer({ minimum: 1 })), status: Type.Optional(Status) },
  { additionalProperties: false },
);
/**
 * Search parameters are read leniently, like the public search page: a reader's typo (page=abc,
 * sort=newest) falls back to the default instead of failing, so the schema only bounds lengths.
 */
export const SearchQuerySchema = Type.Object(
  {
    q: Type.Optional(Text(10_000, 'the words to find; quoted phrases match as phrases; only the first 100 characters count')),
    page: Type.Optional(Text(20, 'page number, from 1')),
    pageSize: Type.Optional(Text(20, '1–50, default 10')),
    sort: Type.Optional(Text(20, 'relevance (default) or time')),
    channel: Type.Optional(Text(20, 'a channel id; its sub-channels are included')),
    from: Type.Optional(Text(20, 'YYYY-MM-DD, a day in the site\'s time zone')),
    to: Type.Optional(Text(20, 'YYYY-MM-DD')),
    source: Type.Optional(Text(200, '来源, exact')),
  },
  { additionalProperties: true },
);
export const MediaListQuery = Type.Object({ ...PageParams, q: Type.Optional(Text(200, 'words in caption, credit or alt')) }, { additionalProperties: false });

/** Documentation only: multipart bodies are read as a stream, not validated by a schema. */
export const MediaUploadSchema = Type.Object({
  file: Type.String({ contentMediaType: 'application/octet-stream', description: 'JPEG, PNG, WebP or GIF, checked by content; at most 20 MB' }),
  caption: Type.Optional(Text(500)),
  credit: Type.Optional(Text(200)),
  alt: Type.Optional(Text(500)),
});

// ---- responses ------------------------------------------------------------------------------

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'stable code from the error catalogue, e.g. VALIDATION, EDIT_CONFLICT' }),
      message: Type.String({ description: 'Chinese message' }),
      messageEn: Type.String(),
      detail: Type.String(),
      problems: Type.Array(Type.String(), { description: 'failed fields or checks' }),
    }),
  },
  { $id: 'Error' },
);

const ChannelRef = Type.Object({ id: Type.Integer(), name: Type.String(), path: Type.String() });

export const ArticleSummarySchema = Type.Object({
  id: Type.Integer(),
  channel: ChannelRef,
  title: Type.String(),
  summary: Type.String(),
  coverUrl: Type.Union([Type.String(), Type.Null()]),
  publishedAt: Time,
  url: Type.String({ description: 'canonical public URL' }),
});

const articleContentProps = {
  id: Type.Integer(),
  channel: ChannelRef,
  title: Type.String(),
  subtitle: Type.String(),
  summary: Type.String(),
  bodyHtml: Type.String({ description: 'sanitised HTML' }),
  cover: Type.Union([Type.Object({ id: Type.Integer(), url: Type.String(), width: Type.Integer(), height: Type.Integer(), caption: Type.String(), credit: Type.String(), alt: Type.String() }), Type.Null()]),
  sourceName: Type.String(),
  sourceUrl: Type.String(),
  isOriginal: Type.Boolean(),
  originalTitle: Type.String(),
  originalAuthor: Type.String(),
  dateline: Type.String(),
  reporters: Type.Array(Type.String()),
  photographers: Type.Array(Type.String()),
  editorName: Type.String(),
  keywords: Type.Array(Type.String()),
};

export const PublishedArticleSchema = Type.Object({ ...articleContentProps, publishedAt: Time, url: Type.String({ description: 'canonical public URL' }) });

export const NewsroomArticleSchema = Type.Object({
  ...articleContentProps,
  status: Status,
  version: Type.Integer({ description: 'send it back with PUT' }),
  hasWorkingCopy: Type.Boolean({ description: 'a published story being edited: the fields shown are the unpublished changes' }),
  reviewComment: Type.String(),
  isHeadline: Type.Boolean(),
  isFocus: Type.Boolean(),
  isTop: Type.Boolean(),
  coverMediaId: Type.Union([Type.Integer(), Type.Null()]),
  publishedAt: NullableTime,
  scheduledAt: NullableTime,
  embargoUntil: Type.Union([Time, Type.Null()], {
    description: "a wire agency's embargo carried from the queue item: publishing before it is refused (409 EMBARGOED); scheduling at or after it is allowed",
  }),
  createdAt: Time,
  updatedAt: Time,
  url: Type.Union([Type.String(), Type.Null()], { description: 'public URL while published' }),
});

export const DraftSummarySchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  channelId: Type.Integer(),
  status: Status,
  authorName: Type.String(),
  updatedAt: Time,
  publishedAt: NullableTime,
  scheduledAt: NullableTime,
});

export const ChannelSchema = Type.Cyclic(
  {
    Channel: Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      slug: Type.String(),
      path: Type.String({ description: '"news/world"' }),
      kind: Type.String(),
      inNav: Type.Boolean(),
      url: Type.String(),
      children: Type.Array(Type.Ref('Channel')),
    }),
  },
  'Channel',
);

export const MediaSchema = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  width: Type.Integer(),
  height: Type.Integer(),
  caption: Type.String(),
  credit: Type.String(),
  alt: Type.String(),
  srcsetWebp: Type.String(),
  srcsetJpeg: Type.String(),
  createdAt: Time,
});

export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), pageCount: Type.Integer() });
}

export const SearchHitSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  titleHtml: Type.String({ description: 'escaped title with <mark> around matches, safe to insert as HTML' }),
  snippetHtml: Type.String({ description: 'escaped passage with <mark> around matches' }),
  url: Type.String({ description: 'canonical public URL' }),
  channelId: Type.Integer(),
  source: Type.String(),
  publishedAt: NullableTime,
  score: Type.Number(),
});

export const SearchPageSchema = Type.Object({
  query: Type.String({ description: 'the query as understood (empty when nothing searchable was given)' }),
  sort: Type.Union([Type.Literal('relevance'), Type.Literal('time')]),
  total: Type.Integer(),
  totalIsLowerBound: Type.Boolean({ description: 'true when there are at least `total` matches' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  pageCount: Type.Integer(),
  items: Type.Array(SearchHitSchema),
});

export const ArticlePageSchema = pageOf(ArticleSummarySchema);
export const DraftPageSchema = pageOf(DraftSummarySchema);
export const MediaPageSchema = pageOf(MediaSchema);
export const ChannelListSchema = Type.Object({ items: Type.Array(ChannelSchema) });
export const OpenApiSchema = Type.Object({ openapi: Type.String() }, { description: 'this document' });

export type ArticleFieldsBody = Static<typeof ArticleFieldsSchema>;
export type ArticleUpdateBody = Static<typeof ArticleUpdateSchema>;
export type PublishedArticleJson = Static<typeof PublishedArticleSchema>;
export type NewsroomArticleJson = Static<typeof NewsroomArticleSchema>;
export type ChannelJson = { id: number; name: string; slug: string; path: string; kind: string; inNav: boolean; url: string; children: ChannelJson[] };
export type MediaJson = Static<typeof MediaSchema>;
