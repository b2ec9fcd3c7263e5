import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorJson } from '../../errors.ts';

/** Everything under /api/ answers errors as JSON, never as the site's HTML error page. */
export function isApiUrl(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/**
 * Sends an error as the catalogue's JSON shape (`errorJson`). `known` is the error already mapped
 * by the application's `toAppError`; schema validation and body parsing failures become 400s
 * with the failing fields in `problems`.
 */
export function sendApiError(request: FastifyRequest, reply: FastifyReply, error: FastifyError | undefined, known: AppError | undefined) {
  let appError = known;
  let status: number | undefined;
  if (!appError && error?.validation) {
    const problems = error.validation.map((v) => `${v.instancePath || '/'} ${v.message ?? 'is invalid'}`.trim());
    appError = new AppError('VALIDATION', error.message, problems);
  } else if (!appError && error?.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    appError = new AppError('BAD_REQUEST', error.message);
    status = error.statusCode;
  } else if (!appError) {
    request.log.error(error);
    appError = new AppError('INTERNAL');
  }
  if (appError.code === 'UNAUTHENTICATED') reply.header('www-authenticate', 'Bearer realm="inkstone"');
  return reply
    .code(status ?? appError.status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(errorJson(appError));
}
