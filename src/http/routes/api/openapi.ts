import type { TSchema } from '@fastify/type-provider-typebox';
import { ERRORS, type ErrorCode } from '../../errors.ts';
import { ErrorSchema } from './api-schemas.ts';

/** What the OpenAPI builder reads from each route of the route table. */
export interface DocumentedRoute {
  method: 'GET' | 'POST' | 'PUT';
  /** Full Fastify path, e.g. "/api/v1/articles/:id". */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  auth: 'public' | 'token';
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  /** The JSON body may be left out (it then counts as `{}`). */
  optionalBody?: boolean;
  /** A multipart/form-data body (documentation only). */
  multipart?: TSchema;
  response: { status: number; description: string; schema: TSchema };
  errors: readonly ErrorCode[];
}

type Json = Record<string, unknown>;

/**
 * Builds an OpenAPI 3.1 document from the route table. OpenAPI 3.1 schemas are JSON Schema
 * 2020-12, which TypeBox emits; named schemas (`$id`, and the `$defs` of cyclic ones) move to
 * `components.schemas` and are referenced from there.
 */
export function buildOpenApi(routes: readonly DocumentedRoute[], info: { title: string; version: string; description: string }) {
  const components: Record<string, unknown> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  const schema = (s: TSchema) => hoist(s, components);

  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [...parametersOf(route.params, 'path', schema), ...parametersOf(route.querystring, 'query', schema)];
    const operation: Json = {
      operationId: operationId(route),
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      security: route.auth === 'token' ? [{ bearerToken: [] }] : [{}, { bearerToken: [] }],
      ...(parameters.length ? { parameters } : {}),
      responses: responsesOf(route, schema),
    };
    if (route.body) operation.requestBody = { required: !route.optionalBody, content: { 'application/json': { schema: schema(route.body) } } };
    if (route.multipart) operation.requestBody = { required: true, content: { 'multipart/form-data': { schema: schema(route.multipart) } } };
    (paths[path] ??= {})[route.method.toLowerCase()] = operation;
  }

  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token created by an administrator at /admin/tokens: `Authorization: Bearer ink_…`. Session cookies are not accepted.',
        },
      },
    },
  };
}

function operationId(route: DocumentedRoute): string {
  const words = route.path
    .replace(/^\/api\/v1\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((w) => (w.startsWith(':') ? `by-${w.slice(1)}` : w));
  return [route.method.toLowerCase(), ...words].join('-').replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()).replace(/\.(\w)/g, (_m, c: string) => c.toUpperCase());
}

function parametersOf(object: TSchema | undefined, where: 'path' | 'query', schema: (s: TSchema) => unknown) {
  if (!object) return [];
  const properties = (object as Json).properties as Record<string, TSchema> | undefined;
  const required = new Set(((object as Json).required as string[] | undefined) ?? []);
  return Object.entries(properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof (s as Json).description === 'string' ? { description: (s as Json).description } : {}),
    schema: schema(s),
  }));
}

function responsesOf(route: DocumentedRoute, schema: (s: TSchema) => unknown) {
  const responses: Record<string, unknown> = {
    [String(route.response.status)]: { description: route.response.description, content: { 'application/json': { schema: schema(route.response.schema) } } },
  };
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of route.errors) byStatus.set(ERRORS[code].status, [...(byStatus.get(ERRORS[code].status) ?? []), code]);
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    responses[String(status)] = {
      description: codes.map((c) => `${c}: ${ERRORS[c].en}`).join('; '),
      content: { 'application/json': { schema: schema(ErrorSchema) } },
    };
  }
  return responses;
}

/** Deep-copies a schema, moving named schemas into `components` and pointing `$ref`s there. */
function hoist(input: unknown, components: Record<string, unknown>): unknown {
  if (Array.isArray(input)) return input.map((item) => hoist(item, components));
  if (!input || typeof input !== 'object') return input;
  const source = input as Json;
  const defs = source.$defs as Record<string, unknown> | undefined;
  if (defs) {
    for (const [name, def] of Object.entries(defs)) {
      if (!(name in components)) {
        components[name] = {}; // reserve the name first: cyclic schemas refer to themselves
        const { $id: _id, ...rest } = def as Json;
        components[name] = hoist(rest, components);
      }
    }
  }
  if (typeof source.$id === 'string' && !defs) {
    const name = source.$id;
    if (!(name in components)) {
      components[name] = {};
      const { $id: _id, ...rest } = source;
      components[name] = hoist(rest, components);
    }
    return { $ref: `#/components/schemas/${name}` };
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === '$defs' || key === '$id') continue;
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) out.$ref = `#/components/schemas/${value}`;
    else out[key] = hoist(value, components);
  }
  return out;
}
