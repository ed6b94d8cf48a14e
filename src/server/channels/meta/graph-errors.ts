// Graph API failures answer { error: { message, type, code, error_subcode, is_transient, fbtrace_id } }.
// Whether to retry follows Meta's error-handling guide: throttling and downtime pass, a bad token, a missing
// permission or a refused parameter do not (retrying would only fail the same way, later).
import type { SendResult } from '../channel-adapter.ts';

type GraphError = { message?: unknown; type?: unknown; code?: unknown; error_subcode?: unknown; is_transient?: unknown; fbtrace_id?: unknown };

/** 1, 2: temporary downtime; 4, 17, 32, 613: rate limits (app, user, Page, custom); 341: application limit. */
const RETRYABLE_CODES = new Set([1, 2, 4, 17, 32, 341, 613]);
/** 190: token expired or revoked; 102: session; 10 and 200–299: permission; 100: invalid parameter. */
const FINAL_CODES = new Set([10, 100, 102, 190]);

export function graphFailure(status: number, body: unknown): SendResult & { ok: false } {
  const error = (body && typeof body === 'object' ? (body as { error?: GraphError }).error : undefined) ?? undefined;
  const code = typeof error?.code === 'number' ? error.code : undefined;
  const subcode = typeof error?.error_subcode === 'number' ? `/${error.error_subcode}` : '';
  const message = typeof error?.message === 'string' ? error.message : 'no error details';
  const type = typeof error?.type === 'string' ? ` (${error.type})` : '';
  const trace = typeof error?.fbtrace_id === 'string' ? ` [fbtrace_id ${error.fbtrace_id}]` : '';
  const reason = `Graph API ${code !== undefined ? `error ${code}${subcode}` : `HTTP ${status}`}: ${message}${type}${trace}`.slice(0, 1000);
  return { ok: false, retryable: isRetryable(status, code, error?.is_transient === true), reason };
}

function isRetryable(status: number, code: number | undefined, transient: boolean): boolean {
  if (code !== undefined && RETRYABLE_CODES.has(code)) return true;
  if (code !== undefined && (FINAL_CODES.has(code) || (code >= 200 && code <= 299))) return false;
  if (transient) return true;
  return status >= 500 || status === 429;
}
