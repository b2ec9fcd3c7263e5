import fastifyMultipart from '@fastify/multipart';
import { type Static, type TSchema, TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app.tsx';
import type { ArticleRow } from '../../../db/schema.ts';
import {
  createDraft,
  findArticleRow,
  publishArticle,
  rejectArticle,
  saveArticle,
  submitArticle,
  unpublishArticle,
} from '../../../domain/articles/article-workflow.service.ts';
import { findPublishedArticle, listPublished } from '../../../domain/articles/article.queries.ts';
import { listNewsroomArticles } from '../../../domain/articles/newsroom.queries.ts';
import { listMedia } from '../../../domain/media/media.queries.ts';
import { MEDIA_LIMITS, findMedia, storeImageOnce } from '../../../domain/media/media.service.ts';
import { searchArticles } from '../../../domain/search/search.service.ts';
import type { Actor } from '../../../domain/users/actor.ts';
import { authenticateApiToken } from '../../../domain/users/api-token.service.ts';
import { assertCan, canView } from '../../../domain/users/policy.ts';
import { AppError, type ErrorCode } from '../../errors.ts';
import { requestOrigin } from '../../request-origin.ts';
import { parseSearchParams, toSearchQuery } from '../../search-params.ts';
import { loadSiteContext } from '../../site-context.ts';
import {
  type ApiView,
  articleSummaryJson,
  channelTreeJson,
  draftSummaryJson,
  mediaJson,
  newsroomArticleJson,
  publishedArticleJson,
  searchResultsJson,
} from './api-presenters.ts';
import {
  ArticleFieldsSchema,
  ArticleListQuery,
  ArticlePageSchema,
  ArticleUpdateSchema,
  ChannelListSchema,
  DraftListQuery,
  DraftPageSchema,
  IdParams,
  MediaListQuery,
  MediaPageSchema,
  MediaSchema,
  MediaUploadSchema,
  NewsroomArticleSchema,
  OpenApiSchema,
  PublishSchema,
  PublishedArticleSchema,
  RejectSchema,
  SearchPageSchema,
  SearchQuerySchema,
} from './api-schemas.ts';
import { type DocumentedRoute, buildOpenApi } from './openapi.ts';

export const API_PREFIX = '/api/v1';
const DEFAULT_PAGE_SIZE = 20;
const SEARCH_PAGE_SIZE = { default: 10, max: 50 };
/** Article bodies can be long (pasted features with many figures); JSON beyond this is refused. */
const JSON_BODY_LIMIT = 4 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    /** The actor of a valid bearer token on an /api/v1 request, else null. */
    apiActor: Actor | null;
  }
}

type Of<T> = T extends TSchema ? Static<T> : undefined;

interface RouteInput<P, Q, B> {
  params: Of<P>;
  query: Of<Q>;
  body: Of<B>;
  request: FastifyRequest;
  reply: FastifyReply;
}

interface ApiRoute<P = unknown, Q = unknown, B = unknown> extends Omit<DocumentedRoute, 'path' | 'params' | 'querystring' | 'body'> {
  /** Path below /api/v1. */
  url: string;
  params?: P;
  querystring?: Q;
  body?: B;
  /** Token routes get the caller's actor; public routes get the token's actor if one was sent. */
  handler: (input: RouteInput<P, Q, B>, actor: Actor) => Promise<unknown>;
}

function route<P extends TSchema | undefined = undefined, Q extends TSchema | undefined = undefined, B extends TSchema | undefined = undefined>(
  spec: ApiRoute<P, Q, B>,
): ApiRoute<TSchema | undefined, TSchema | undefined, TSchema | undefined> {
  return spec as unknown as ApiRoute<TSchema | undefined, TSchema | undefined, TSchema | undefined>;
}

const READ_ERRORS: ErrorCode[] = ['VALIDATION', 'UNAUTHENTICATED'];
const WRITE_ERRORS: ErrorCode[] = ['VALIDATION', 'BAD_REQUEST', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'];

/**
 * The route table of the JSON API. Each entry registers a Fastify route and documents itself in
 * /api/v1/openapi.json, so the two cannot disagree.
 */
function apiRoutes(deps: AppDeps): ApiRoute<TSchema | undefined, TSchema | undefined, TSchema | undefined>[] {
  const { db } = deps;

  async function viewFor(request: FastifyRequest, mediaIds: (number | null)[] = []): Promise<ApiView> {
    const context = await loadSiteContext(db);
    const ids = mediaIds.filter((id): id is number => id !== null);
    return { tree: context.tree, urls: context.urls, origin: context.delivery.siteUrl || requestOrigin(request), media: await findMedia(db, ids) };
  }

  async function newsroomJson(request: FastifyRequest, id: number) {
    const row = await findArticleRow(db, id);
    if (!row) throw new AppError('NOT_FOUND');
    return newsroomArticleJson(await viewFor(request, [row.cover_media_id]), row);
  }

  /** The story a token asks about: 404 when missing, 403 when the token may not see it. */
  async function visibleRow(actor: Actor, rawId: string): Promise<ArticleRow> {
    const row = await findArticleRow(db, Number(rawId));
    if (!row) throw new AppError('NOT_FOUND', `article ${rawId} does not exist`);
    if (!canView(actor, { channelId: row.channel_id, authorId: row.author_id, status: row.status })) throw new AppError('FORBIDDEN');
    return row;
  }

  const paging = (query: { page?: number; pageSize?: number }) => ({ page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE });

  const action = (name: 'submit' | 'unpublish') =>
    route({
      method: 'POST',
      url: `/articles/:id/${name}`,
      tag: 'workflow',
      summary: name === 'submit' ? 'Submit a draft for review' : 'Take a published or scheduled story offline',
      auth: 'token',
      params: IdParams,
      response: { status: 200, description: 'the story after the change', schema: NewsroomArticleSchema },
      errors: [...WRITE_ERRORS, 'WORKFLOW'],
      handler: async ({ params, request }, actor) => {
        const row = await visibleRow(actor, params.id);
        await (name === 'submit' ? submitArticle(db, actor, row.id) : unpublishArticle(db, actor, row.id));
        return newsroomJson(request, row.id);
      },
    });

  return [
    route({
      method: 'GET',
      url: '/articles',
      tag: 'public',
      summary: 'Published articles, newest first (pinned first), optionally in one channel and its sub-channels',
      auth: 'public',
      querystring: ArticleListQuery,
      response: { status: 200, description: 'a page of published articles', schema: ArticlePageSchema },
      errors: [...READ_ERRORS, 'NOT_FOUND'],
      handler: async ({ query, request }) => {
        const { page, pageSize } = paging(query);
        const context = await loadSiteContext(db);
        if (query.channel !== undefined && !context.tree.byId.has(query.channel)) throw new AppError('NOT_FOUND', `channel ${query.channel} does not exist`);
        const result = await listPublished(db, { channelIds: query.channel ? context.tree.subtreeIds(query.channel) : undefined, page, pageSize });
        const view = await viewFor(request, result.items.map((a) => a.coverMediaId));
        return { items: result.items.map((a) => articleSummaryJson(view, a)), total: result.total, page, pageSize, pageCount: result.pageCount };
      },
    }),
    route({
      method: 'GET',
      url: '/articles/:id',
      tag: 'public',
      summary: 'One published article with its canonical URL',
      auth: 'public',
      params: IdParams,
      response: { status: 200, description: 'the published article', schema: PublishedArticleSchema },
      errors: [...READ_ERRORS, 'NOT_FOUND'],
      handler: async ({ params, request }) => {
        const article = await findPublishedArticle(db, Number(params.id));
        if (!article) throw new AppError('NOT_FOUND', `no published article ${params.id}`);
        return publishedArticleJson(await viewFor(request, [article.coverMediaId]), article);
      },
    }),
    route({
      method: 'GET',
      url: '/channels',
      tag: 'public',
      summary: 'The channel tree',
      auth: 'public',
      response: { status: 200, description: 'top-level channels with their children', schema: ChannelListSchema },
      errors: ['UNAUTHENTICATED'],
      handler: async ({ request }) => ({ items: channelTreeJson(await viewFor(request)) }),
    }),
    route({
      method: 'GET',
      url: '/search',
      tag: 'public',
      summary: 'Full-text search of published articles (jieba words and character bigrams, BM25-style ranking)',
      description:
        'Lenient like the public search page: an unreadable page, size, sort or date falls back to its default, and full-text syntax in `q` is searched as text. `titleHtml` and `snippetHtml` are escaped text with <mark> around matches.',
      auth: 'public',
      querystring: SearchQuerySchema,
      response: { status: 200, description: 'a page of hits, best first (or newest first with sort=time)', schema: SearchPageSchema },
      errors: READ_ERRORS,
      handler: async ({ query, request }) => {
        const params = parseSearchParams(query);
        const context = await loadSiteContext(db);
        const results = await searchArticles(db, toSearchQuery(params, context.tree, searchPageSize(query.pageSize)));
        return searchResultsJson(await viewFor(request), results);
      },
    }),
    route({
      method: 'POST',
      url: '/articles',
      tag: 'newsroom',
      summary: 'Create a draft',
      description: 'The token must be allowed to write in the channel (chief and admin tokens everywhere, editor and reporter tokens in their channel scope).',
      auth: 'token',
      body: ArticleFieldsSchema,
      response: { status: 201, description: 'the new draft (version 1)', schema: NewsroomArticleSchema },
      errors: [...WRITE_ERRORS, 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA'],
      handler: async ({ body, request, reply }, actor) => {
        const article = await createDraft(db, actor, body);
        reply.code(201).header('location', `${API_PREFIX}/drafts/${article.id}`);
        return newsroomJson(request, article.id);
      },
    }),
    route({
      method: 'PUT',
      url: '/articles/:id',
      tag: 'newsroom',
      summary: 'Replace a story\'s fields',
      description:
        'Send every field (omitted optional fields become empty) and the `version` you read. If someone saved in between, the answer is 409 EDIT_CONFLICT and nothing changes. A published story keeps its live version until it is published again.',
      auth: 'token',
      params: IdParams,
      body: ArticleUpdateSchema,
      response: { status: 200, description: 'the saved story with its new version', schema: NewsroomArticleSchema },
      errors: [...WRITE_ERRORS, 'EDIT_CONFLICT', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA'],
      handler: async ({ params, body, request }, actor) => {
        const row = await visibleRow(actor, params.id);
        const { version, ...fields } = body;
        await saveArticle(db, actor, row.id, version, fields);
        return newsroomJson(request, row.id);
      },
    }),
    action('submit'),
    route({
      method: 'POST',
      url: '/articles/:id/reject',
      tag: 'workflow',
      summary: 'Send a submitted story back to its author with a comment',
      auth: 'token',
      params: IdParams,
      body: RejectSchema,
      response: { status: 200, description: 'the story, now rejected', schema: NewsroomArticleSchema },
      errors: [...WRITE_ERRORS, 'WORKFLOW'],
      handler: async ({ params, body, request }, actor) => {
        const row = await visibleRow(actor, params.id);
        await rejectArticle(db, actor, row.id, body.comment);
        return newsroomJson(request, row.id);
      },
    }),
    route({
      method: 'POST',
      url: '/articles/:id/publish',
      tag: 'workflow',
      summary: 'Publish now, or schedule with a future `at`',
      description:
        'The publish checks run on the server (title, body, source for reposts, responsible editor); failures are 409 WORKFLOW with the failed checks in `problems`. A story under a wire embargo is refused with 409 EMBARGOED until its embargo time; an `at` at or after that time schedules it.',
      auth: 'token',
      params: IdParams,
      body: PublishSchema,
      optionalBody: true,
      response: { status: 200, description: 'the story, published or scheduled', schema: NewsroomArticleSchema },
      errors: [...WRITE_ERRORS, 'WORKFLOW', 'EMBARGOED'],
      handler: async ({ params, body, request }, actor) => {
        const row = await visibleRow(actor, params.id);
        await publishArticle(db, actor, row.id, body.at ? { at: body.at } : {});
        return newsroomJson(request, row.id);
      },
    }),
    action('unpublish'),
    route({
      method: 'GET',
      url: '/drafts',
      tag: 'newsroom',
      summary: 'Newsroom stories the token may see, any status, newest change first',
      description: 'Chief and admin tokens see every story; editor tokens their channels and their own; reporter tokens their own.',
      auth: 'token',
      querystring: DraftListQuery,
      response: { status: 200, description: 'a page of stories', schema: DraftPageSchema },
      errors: READ_ERRORS,
      handler: async ({ query }, actor) => {
        const { page, pageSize } = paging(query);
        const result = await listNewsroomArticles(db, actor, { channelId: query.channel, status: query.status }, page, pageSize);
        return { items: result.rows.map(draftSummaryJson), total: result.total, page, pageSize, pageCount: result.pageCount };
      },
    }),
    route({
      method: 'GET',
      url: '/drafts/:id',
      tag: 'newsroom',
      summary: 'One story as its editors see it (with `version`, for PUT)',
      auth: 'token',
      params: IdParams,
      response: { status: 200, description: 'the story', schema: NewsroomArticleSchema },
      errors: [...READ_ERRORS, 'FORBIDDEN', 'NOT_FOUND'],
      handler: async ({ params, request }, actor) => newsroomJson(request, (await visibleRow(actor, params.id)).id),
    }),
    route({
      method: 'GET',
      url: '/media',
      tag: 'media',
      summary: 'The media library, newest first',
      auth: 'token',
      querystring: MediaListQuery,
      response: { status: 200, description: 'a page of images', schema: MediaPageSchema },
      errors: READ_ERRORS,
      handler: async ({ query, request }) => {
        const { page, pageSize } = paging(query);
        const result = await listMedia(db, { page, pageSize, q: query.q });
        const view = await viewFor(request);
        return { items: result.rows.map((m) => mediaJson(view, m)), total: result.total, page, pageSize, pageCount: result.pageCount };
      },
    }),
    route({
      method: 'POST',
      url: '/media',
      tag: 'media',
      summary: 'Upload an image (multipart/form-data)',
      description: 'The type is read from the bytes, not the name. The same bytes uploaded twice give the same image (200 instead of 201).',
      auth: 'token',
      multipart: MediaUploadSchema,
      response: { status: 201, description: 'the stored image', schema: MediaSchema },
      errors: [...WRITE_ERRORS, 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA'],
      handler: async ({ request, reply }, actor) => {
        assertCan(actor, 'media.upload');
        if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA', 'send the image as multipart/form-data');
        const fields: Record<string, string> = {};
        let bytes: Buffer | undefined;
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (bytes) throw new AppError('VALIDATION', 'send one file per request');
            bytes = await part.toBuffer();
          } else if (typeof part.value === 'string') fields[part.fieldname] = part.value.slice(0, 500);
        }
        if (!bytes) throw new AppError('VALIDATION', 'the form has no file', ['file']);
        // With the actor, the upload is checked against the policy and recorded in the audit log.
        const { media, created } = await storeImageOnce(db, deps.config.dataDir, bytes, { caption: fields.caption, credit: fields.credit, alt: fields.alt }, actor);
        reply.code(created ? 201 : 200);
        return mediaJson(await viewFor(request), media);
      },
    }),
    route({
      method: 'GET',
      url: '/openapi.json',
      tag: 'meta',
      summary: 'This API described in OpenAPI 3.1',
      auth: 'public',
      response: { status: 200, description: 'the OpenAPI document', schema: OpenApiSchema },
      errors: [],
      handler: async () => openApiDocument(deps),
    }),
  ];
}

let cachedRoutes: DocumentedRoute[] | undefined;

/** Every documented route of this app: the route table without its handlers. */
export function documentedRoutes(deps: AppDeps): DocumentedRoute[] {
  cachedRoutes ??= apiRoutes(deps).map(({ handler: _handler, url, params, querystring, body, ...rest }) => ({
    ...rest,
    path: API_PREFIX + url,
    ...(params ? { params } : {}),
    ...(querystring ? { querystring } : {}),
    ...(body ? { body } : {}),
  }));
  return cachedRoutes;
}

function openApiDocument(deps: AppDeps) {
  return buildOpenApi(documentedRoutes(deps), {
    title: 'Inkstone API',
    version: '1.0.0',
    description:
      'Published articles and channels are public. Newsroom writes and reads need an API token (`Authorization: Bearer …`) created by an administrator; a token acts with its role\'s rights. Errors are JSON: `{ error: { code, message, messageEn, detail, problems } }`.',
  });
}

/** pageSize as a client typed it: 1–50, anything unreadable is the default. */
function searchPageSize(raw: string | undefined): number {
  if (raw === undefined || !/^\d{1,3}$/.test(raw)) return SEARCH_PAGE_SIZE.default;
  return Math.min(SEARCH_PAGE_SIZE.max, Math.max(1, Number(raw)));
}

/**
 * One budget per client and minute: a valid token is one client wherever it calls from, anyone
 * else is counted by address. Runs after authentication, so a bad token is refused (401) first.
 */
function apiRateLimit(perMinute: number) {
  if (perMinute <= 0) return undefined;
  return {
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => (request.apiActor ? `api-token:${request.apiActor.userId}` : `api-ip:${request.ip}`),
  };
}

function bearerOf(request: FastifyRequest): string | undefined | null {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * /api/v1 as an encapsulated plugin: its own validator (TypeBox, bodies not coerced), multipart
 * for media uploads, bearer-token authentication. Writes need a token: a session cookie alone is
 * refused (401), so a page on another site cannot use a signed-in editor's cookie against the API;
 * that is also why bearer requests need no CSRF token.
 */
export function apiV1Plugin(deps: AppDeps) {
  return async function apiV1(app: FastifyInstance): Promise<void> {
    app.setValidatorCompiler(TypeBoxValidatorCompiler);
    await app.register(fastifyMultipart, { limits: { fileSize: MEDIA_LIMITS.maxBytes, files: 1, fields: 10, fieldSize: 4096, parts: 12 } });
    app.decorateRequest('apiActor', null);
    app.addHook('onRequest', async (request) => {
      const token = bearerOf(request);
      if (token === undefined) return;
      const actor = token ? await authenticateApiToken(deps.db, token, request.ip) : undefined;
      if (!actor) throw new AppError('UNAUTHENTICATED', 'the API token is invalid or revoked');
      request.apiActor = actor;
    });

    const rateLimit = apiRateLimit(deps.config.apiRateLimit);
    for (const spec of apiRoutes(deps)) {
      app.route({
        method: spec.method,
        url: spec.url,
        bodyLimit: JSON_BODY_LIMIT,
        ...(rateLimit ? { config: { rateLimit } } : {}),
        schema: {
          ...(spec.params ? { params: spec.params } : {}),
          ...(spec.querystring ? { querystring: spec.querystring } : {}),
          ...(spec.body ? { body: spec.body } : {}),
        },
        preValidation: async (request) => {
          if (spec.optionalBody && request.body === undefined) request.body = {};
        },
        onRequest: async (request) => {
          if (spec.auth === 'token' && !request.apiActor) throw new AppError('UNAUTHENTICATED', 'this endpoint needs an API token: Authorization: Bearer <token>');
        },
        handler: async (request, reply) => {
          reply.header('cache-control', spec.auth === 'token' || request.apiActor ? 'no-store' : 'public, max-age=60');
          const input = { params: request.params, query: request.query, body: request.body, request, reply } as RouteInput<TSchema | undefined, TSchema | undefined, TSchema | undefined>;
          return spec.handler(input, request.apiActor as Actor);
        },
      });
    }
  };
}
