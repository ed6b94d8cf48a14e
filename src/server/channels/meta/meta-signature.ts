// Meta signs each webhook delivery with HMAC-SHA256 of the exact bytes it sent, keyed by the app secret, in
// `X-Hub-Signature-256: sha256=<hex>`. Meta escapes non-ASCII characters (\u00e9) before signing, so the check
// must run on the raw body as received: a re-serialized JSON would not match.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hub-signature-256';

export function signBody(appSecret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

export function hasValidSignature(appSecret: string, body: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return false;
  const expected = createHmac('sha256', appSecret).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(match[1]!, 'hex'));
}

/** Graph API `appsecret_proof`: proves the caller holds the app secret, required when the app enables it. */
export function appSecretProof(appSecret: string, accessToken: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}
