/**
 * The one catalogue of error codes: each has an HTTP status and a message in Chinese and English.
 * Routes throw `AppError(code)`; the error handler renders it as a page or JSON.
 */
export const ERRORS = {
  NOT_FOUND: { status: 404, zh: '页面不存在', en: 'Not found' },
  BAD_PAGE_NUMBER: { status: 400, zh: '页码无效', en: 'Invalid page number' },
  BAD_REQUEST: { status: 400, zh: '请求无效', en: 'Bad request' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, detail?: string) {
    super(detail ?? ERRORS[code].en);
    this.status = ERRORS[code].status;
  }
}
