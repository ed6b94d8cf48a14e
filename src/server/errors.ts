// One error type for the whole server, and one table from its code to an HTTP status,
// so every error answer has the same shape: {"error":{"code","message","details"}}.

export const errorStatus = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 422,
  unauthenticated: 401,
  invalid_signature: 401,
  forbidden: 403,
  csrf_failed: 403,
  /** An action beyond the authority the brand delegated (details name the rule). */
  forbidden_action: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (why: string) => new AppError('forbidden', why);
