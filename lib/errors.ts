// Expected failures carry a code and a Japanese message meant for the user; anything else is a
// bug, is logged, and reaches the user only as a generic message.
export const APP_ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  STALE_REVISION: 409,
  CYCLE_CLOSED: 409,
  /** A cycle still in 準備中: it exists and takes imports, but has nothing to summarise yet. */
  CYCLE_PREPARING: 409,
  VERSION_PUBLISHED: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  /** The database had no connection free in time: nothing was written (lib/http/api.ts). */
  BUSY: 503,
} as const;

export type TAppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: TAppErrorCode,
    message: string,
    /** Field-level messages keyed by item key or form field. */
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** Not found and not allowed look the same from outside, so existence is never revealed. */
export const notFoundError = (what = "対象") => new AppError("NOT_FOUND", `${what}が見つかりません。`);

export const forbiddenError = () => new AppError("FORBIDDEN", "この操作を行う権限がありません。");

export const GENERIC_ERROR_MESSAGE =
  "システムエラーが発生しました。時間をおいて再度お試しください。解決しない場合は管理者にお問い合わせください。";
