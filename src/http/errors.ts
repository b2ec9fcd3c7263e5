/**
 * The one catalogue of error codes: each has an HTTP status and a message in Chinese and English.
 * Routes throw `AppError(code)`; the error handler renders it as a page or JSON.
 */
export const ERRORS = {
  NOT_FOUND: { status: 404, zh: '页面不存在', en: 'Not found' },
  BAD_PAGE_NUMBER: { status: 400, zh: '页码无效', en: 'Invalid page number' },
  BAD_REQUEST: { status: 400, zh: '请求无效', en: 'Bad request' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: { status: 429, zh: '登录失败次数过多,账号已临时锁定', en: 'Too many failed sign-ins; account locked for a while' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁,请稍后再试', en: 'Too many requests; try again later' },
  CSRF_INVALID: { status: 403, zh: '页面已过期或来源不明,请刷新后重试', en: 'Missing or invalid CSRF token' },
  FORBIDDEN: { status: 403, zh: '没有权限', en: 'Forbidden' },
  VALIDATION: { status: 400, zh: '提交的内容有误', en: 'Invalid input' },
  EDIT_CONFLICT: { status: 409, zh: '在您编辑期间,其他人已修改此稿件', en: 'Someone else changed this article since you opened it' },
  WORKFLOW: { status: 409, zh: '稿件当前状态不允许此操作', en: 'Not possible in the current state' },
  EMBARGOED: { status: 409, zh: '稿件处于禁发期,禁发时间前不能发布;可定时在禁发时间或之后发布', en: 'The story is under embargo: it cannot be published before the embargo time, but may be scheduled for then or later' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '文件太大', en: 'Payload too large' },
  UNSUPPORTED_MEDIA: { status: 415, zh: '不支持的文件类型', en: 'Unsupported media type' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    /** Field-level problems, e.g. the publish checks that failed. */
    readonly problems: string[] = [],
  ) {
    super(detail ?? ERRORS[code].en);
    this.status = ERRORS[code].status;
  }
}

/** The JSON body of an API error: a stable code, the human message in both languages, details. */
export function errorJson(error: AppError) {
  const entry = ERRORS[error.code];
  return { error: { code: error.code, message: entry.zh, messageEn: entry.en, detail: error.message, problems: error.problems } };
}
