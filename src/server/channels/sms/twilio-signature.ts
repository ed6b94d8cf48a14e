// X-Twilio-Signature, as Twilio documents it: base64(HMAC-SHA1(auth token, URL + every POST parameter sorted by
// name, each as name + value)). The URL must be the one Twilio called, byte for byte, so it is never normalized.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type FormParams = [name: string, value: string][];

/** application/x-www-form-urlencoded, keeping repeated names (they are all signed). */
export function parseForm(raw: string): FormParams {
  return [...new URLSearchParams(raw).entries()];
}

export function twilioSignature(authToken: string, url: string, params: FormParams): string {
  // Twilio's libraries sort by name, then the values of a repeated name.
  const sorted = [...params].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  let data = url;
  for (const [name, value] of sorted) data += name + value;
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * The URL as given, without its port and with the scheme's default port: Twilio's own validators accept all
 * three, because whether Twilio signed `:443` depends on how the webhook URL was entered. Credentials are dropped.
 */
export function urlVariants(url: string): string[] {
  const m = /^(https?:)\/\/(?:[^@/?#]*@)?([^/:?#]+)(?::(\d+))?(.*)$/i.exec(url);
  if (!m) return [url];
  const [, scheme, host, port, rest] = m as unknown as [string, string, string, string | undefined, string];
  const withoutPort = `${scheme}//${host}${rest}`;
  const withPort = `${scheme}//${host}:${port ?? DEFAULT_PORT[scheme.toLowerCase()] ?? ''}${rest}`;
  return [...new Set([port ? withPort : withoutPort, withoutPort, withPort])];
}

export function verifyTwilioSignature(authToken: string, header: string | undefined, url: string, params: FormParams): boolean {
  if (!header) return false;
  const given = Buffer.from(header);
  return urlVariants(url).some((candidate) => {
    const expected = Buffer.from(twilioSignature(authToken, candidate, params));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

/**
 * The URL Twilio signed: the configured public base (channel setting, else RELAIS_PUBLIC_URL) + the path and
 * query as received. Without either, the scheme and host the proxy forwarded (the app trusts X-Forwarded-*).
 */
export function signingUrl(request: { protocol: string; host: string; url: string }, ...bases: (string | undefined)[]): string {
  const base = bases.find((b) => b) ?? `${request.protocol}://${request.host}`;
  return base.replace(/\/+$/, '') + request.url;
}
