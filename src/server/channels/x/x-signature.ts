// X's Account Activity webhook security: both the CRC answer and the request signature are
// "sha256=" + base64(HMAC-SHA256(consumer secret, message)), the message being the crc_token or the raw body.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function xHmac(consumerSecret: string, message: string): string {
  return `sha256=${createHmac('sha256', consumerSecret).update(message, 'utf8').digest('base64')}`;
}

/** The body of the answer to GET ?crc_token=…, which X sends on registration and then about hourly. */
export function crcResponse(consumerSecret: string, crcToken: string) {
  return { response_token: xHmac(consumerSecret, crcToken) };
}

/** Checks x-twitter-webhooks-signature against the raw body exactly as received. */
export function verifyXSignature(consumerSecret: string, header: string | undefined, rawBody: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(xHmac(consumerSecret, rawBody));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
