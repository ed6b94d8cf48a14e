// Twilio's webhooks: incoming messages (POST /hooks/sms/:key) and delivery statuses (POST /hooks/sms/:key/status).
// Order of checks: unknown channel 404, not a form 415, bad signature 401 (nothing kept), unreadable 400 + dead letter.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { channelByWebhookKey, recordDeadLetter } from '../channels.service.ts';
import type { ChannelDeps } from '../channel-adapter.ts';
import type { SmsSettings } from './sms-settings.ts';
import { parseForm, signingUrl, verifyTwilioSignature } from './twilio-signature.ts';
import { readDeliveryStatus, readIncomingSms } from './sms-payload.ts';
import { recordDeliveryStatus } from './sms-delivery-status.ts';
import { acceptInbound } from '../../intake/accept-inbound.ts';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
type HookRequest = FastifyRequest<{ Params: { key: string }; Body: string | undefined }>;

export async function registerSmsRoutes(app: FastifyInstance, deps: ChannelDeps): Promise<void> {
  // In this plugin's scope only: every body stays the raw string, which the signature needs.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  /** The channel, and the form fields once Twilio's signature over them is proven. */
  async function authenticated(request: HookRequest) {
    const { channel, settings } = await channelByWebhookKey<SmsSettings>(deps.db, 'sms', request.params.key);
    if (!String(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      throw new AppError('unsupported_media_type', 'Twilio webhooks are application/x-www-form-urlencoded');
    }
    const raw = request.body ?? '';
    const params = parseForm(raw);
    const url = signingUrl(request, settings.publicUrl, deps.config.publicUrl);
    const header = request.headers['x-twilio-signature'];
    if (!verifyTwilioSignature(settings.authToken, typeof header === 'string' ? header : undefined, url, params)) {
      throw new AppError('invalid_signature', 'missing or wrong X-Twilio-Signature (check the public URL and the auth token)');
    }
    return { channel, params, raw };
  }

  async function reject(request: HookRequest, channel: { id: string; orgId: string }, source: string, raw: string, reason: string): Promise<never> {
    await recordDeadLetter(deps.db, {
      orgId: channel.orgId, channelId: channel.id, source, reason, payload: raw,
      headers: { 'content-type': request.headers['content-type'], 'user-agent': request.headers['user-agent'], 'x-twilio-signature': request.headers['x-twilio-signature'] },
    });
    throw new AppError('bad_request', reason);
  }

  app.post('/hooks/sms/:key', { schema: { hide: true } }, async (request: HookRequest, reply) => {
    const { channel, params, raw } = await authenticated(request);
    const sms = readIncomingSms(params);
    if ('reason' in sms) return reject(request, channel, 'sms', raw, sms.reason);
    await acceptInbound(deps, {
      orgId: channel.orgId, channelId: channel.id, externalId: sms.messageSid, text: sms.body, attachments: sms.attachments,
      sender: { externalId: sms.from, phone: sms.from }, visibility: 'private', metadata: sms.metadata,
    });
    // Answered only now that the message is committed; an empty TwiML response sends nothing back by itself.
    return reply.code(200).type('text/xml').send(EMPTY_TWIML);
  });

  app.post('/hooks/sms/:key/status', { schema: { hide: true } }, async (request: HookRequest, reply) => {
    const { channel, params, raw } = await authenticated(request);
    const status = readDeliveryStatus(params);
    if ('reason' in status) return reject(request, channel, 'sms.status', raw, status.reason);
    const outcome = await recordDeliveryStatus(deps.db, channel.id, status);
    // An unknown SID is acknowledged: Twilio cannot do better, and a retry would not find it either.
    if (outcome === 'unknown_message') request.log.warn({ messageSid: status.messageSid }, 'SMS status for an unknown message');
    return reply.code(200).type('text/xml').send(EMPTY_TWIML);
  });
}
