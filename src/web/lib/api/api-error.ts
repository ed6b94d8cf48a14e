// The server's one error shape, {"error":{"code","message","details"}}, as an Error the screens can read:
// which field it concerns (from the validation issues or the "field: message" convention) and what to say.

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

type Issue = { in?: string; path?: string; message?: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Errors by field path ("email", "alerts.webhookUrl"); what names no field is under `_form`. */
  fieldErrors(): Record<string, string> {
    const issues = (this.details as { issues?: Issue[] } | undefined)?.issues;
    const errors: Record<string, string> = {};
    if (Array.isArray(issues) && issues.length > 0) {
      for (const issue of issues) {
        const field = issue.path || '_form';
        errors[field] ??= issue.message ?? this.message;
      }
      return errors;
    }
    // "body.name: Too small" or "password: at least 10 characters"
    const named = /^(?:(?:body|query|params)\.)?([A-Za-z][\w.]*): (.+)$/s.exec(this.message);
    if (named) return { [named[1]!]: named[2]! };
    return { _form: this.message };
  }
}

export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network unreachable', { cause });
    this.name = 'NetworkError';
  }
}

export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as Partial<ErrorBody> | null)?.error;
  if (error && typeof error.code === 'string') return new ApiError(status, error.code, error.message ?? error.code, error.details);
  return new ApiError(status, status >= 500 ? 'internal' : 'bad_request', `HTTP ${status}`);
}
