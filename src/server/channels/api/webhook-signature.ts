// Outgoing webhooks of the API channel are signed so the receiver can check they come from Relais and were
// not replayed. The scheme (documented for integrators):
//
//   X-Relais-Timestamp: <unix seconds when the request was signed>
//   X-Relais-Signature: sha256=<hex HMAC-SHA256(webhookSecret, "<timestamp>.<raw body>")>
//
// The receiver recomputes the HMAC over the exact bytes received, compares in constant time, and refuses a
// timestamp older than a few minutes. Signing the timestamp with the body means a captured request cannot
// be replayed later with a fresh timestamp. Same `sha256=<hex>` form as alert webhooks (signAlertBody),
// which sign the body alone. Each retry is signed again with a new timestamp; `message.id` stays the same,
// so receivers deduplicate on it.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-relais-signature';
export const TIMESTAMP_HEADER = 'x-relais-timestamp';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does; used by the tests and offered to integrators written in TypeScript. */
export function verifyWebhookSignature(input: {
  secret: string; body: string; timestamp: string | undefined; signature: string | undefined;
  now?: number; toleranceSeconds?: number;
}): boolean {
  if (!input.timestamp || !input.signature || !/^\d+$/.test(input.timestamp)) return false;
  const timestamp = Number(input.timestamp);
  const nowSeconds = Math.floor((input.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - timestamp) > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.body));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
