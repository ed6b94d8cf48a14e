// Spam protection for the public forms (web form, community) that needs no third party and no cookie:
//  - a honeypot field people never see (hidden from screen readers too) that naive bots fill in;
//  - a form token, an HMAC-signed timestamp handed out with the form: a submission must come at least
//    `minSubmitSeconds` after the form was rendered (bots post at once) and within TOKEN_MAX_AGE_MS;
//  - per-IP rate limits on the routes (channel-payload.ts).
// The token's hash is also the message's external id: one token stores at most one message, so a double
// click, a browser resubmission or a bot replaying a token all land on the same message.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../errors.ts';

export const HONEYPOT_FIELD = 'website';
export const FORM_TOKEN_FIELD = 'formToken';
/** Long enough for someone who writes slowly, or leaves the tab open over lunch. */
export const TOKEN_MAX_AGE_MS = 12 * 3600_000;
const CLOCK_SKEW_MS = 60_000;

/** Settings shared by the form channels. The secret is generated when the channel is created (and sealed). */
export const formGuardSettings = {
  formSecret: z.string().min(32).default(() => randomBytes(32).toString('hex')),
  minSubmitSeconds: z.number().int().min(0).max(600).default(3),
};

export type GuardSettings = { formSecret: string; minSubmitSeconds: number };
export type SpamReason = 'honeypot' | 'missing_token' | 'invalid_token' | 'expired_token' | 'too_fast';

const mac = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('base64url');

/** `v1.<issued at, ms base 36>.<nonce>.<HMAC(channel id, issued at, nonce)>`; bound to one channel. */
export function issueFormToken(secret: string, channelId: string, now = Date.now()): string {
  const issued = now.toString(36);
  const nonce = randomBytes(12).toString('base64url');
  return `v1.${issued}.${nonce}.${mac(secret, `${channelId}.${issued}.${nonce}`)}`;
}

function refuse(reason: SpamReason, message: string): AppError {
  return new AppError('bad_request', message, { reason });
}

/**
 * Throws a 400 naming the reason when the submission looks automated; returns the message's external id.
 * Runs before the payload's schema is checked, so spam never reaches the dead letters.
 */
export function checkSubmission(body: Record<string, unknown>, channelId: string, settings: GuardSettings, now = Date.now()): { externalId: string } {
  const trap = body[HONEYPOT_FIELD];
  if (typeof trap === 'string' ? trap.trim() !== '' : trap !== undefined && trap !== null) {
    throw refuse('honeypot', 'submission refused');
  }
  const token = body[FORM_TOKEN_FIELD];
  if (typeof token !== 'string' || token === '') throw refuse('missing_token', `${FORM_TOKEN_FIELD} is missing: reload the form`);
  const [version, issued, nonce, signature, extra] = token.split('.');
  if (version !== 'v1' || !issued || !nonce || !signature || extra !== undefined) throw refuse('invalid_token', 'the form token is not valid: reload the form');
  const expected = Buffer.from(mac(settings.formSecret, `${channelId}.${issued}.${nonce}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw refuse('invalid_token', 'the form token is not valid: reload the form');
  const issuedAt = parseInt(issued, 36);
  if (!Number.isFinite(issuedAt) || issuedAt > now + CLOCK_SKEW_MS) throw refuse('invalid_token', 'the form token is not valid: reload the form');
  if (now - issuedAt > TOKEN_MAX_AGE_MS) throw refuse('expired_token', 'the form has expired: reload it and send again');
  if (now - issuedAt < settings.minSubmitSeconds * 1000) {
    throw refuse('too_fast', 'the form was sent too quickly: wait a few seconds and send it again');
  }
  return { externalId: `form:${createHash('sha256').update(token).digest('hex')}` };
}
