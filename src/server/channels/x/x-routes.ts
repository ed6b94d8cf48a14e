// Account Activity webhooks: GET /hooks/x/:key answers X's CRC challenge; POST /hooks/x/:key receives events.
// Order of checks: unknown channel 404, bad signature 401 (nothing kept), unreadable 400 + dead letter.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { channelByWebhookKey, recordDeadLetter } from '../channels.service.ts';
import type { ChannelDeps } from '../channel-adapter.ts';
import type { XSettings } from './x-settings.ts';
import { crcResponse, verifyXSignature } from './x-signature.ts';
import { readAccountActivity } from './x-events.ts';
import { conversationForX } from './x-conversations.ts';
import { acceptInbound } from '../../intake/accept-inbound.ts';

type HookRequest = FastifyRequest<{ Params: { key: string }; Querystring: { crc_token?: unknown }; Body: string | undefined }>;

export async function registerXRoutes(app: FastifyInstance, deps: ChannelDeps): Promise<void> {
  // In this plugin's scope only: the body stays the raw string X signed (re-serialized JSON would not match).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.get('/hooks/x/:key', { schema: { hide: true } }, async (request: HookRequest, reply) => {
    const { settings } = await channelByWebhookKey<XSettings>(deps.db, 'x', request.params.key);
    const token = request.query.crc_token;
    if (typeof token !== 'string' || !token) throw new AppError('bad_request', 'crc_token is required');
    return reply.code(200).type('application/json').send(crcResponse(settings.consumerSecret, token));
  });

  app.post('/hooks/x/:key', { schema: { hide: true } }, async (request: HookRequest, reply) => {
    const { channel, settings } = await channelByWebhookKey<XSettings>(deps.db, 'x', request.params.key);
    const raw = request.body ?? '';
    const header = request.headers['x-twitter-webhooks-signature'];
    if (!verifyXSignature(settings.consumerSecret, typeof header === 'string' ? header : undefined, raw)) {
      throw new AppError('invalid_signature', 'missing or wrong x-twitter-webhooks-signature (check the consumer secret)');
    }
    const reject = async (reason: string): Promise<never> => {
      await recordDeadLetter(deps.db, {
        orgId: channel.orgId, channelId: channel.id, source: 'x', reason, payload: raw,
        headers: { 'content-type': request.headers['content-type'], 'user-agent': request.headers['user-agent'] },
      });
      throw new AppError('bad_request', reason);
    };
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch (err) {
      return reject(`malformed JSON: ${(err as Error).message}`);
    }
    const activity = readAccountActivity(body);
    if ('reason' in activity) return reject(activity.reason);
    // One app can serve several subscribed accounts: events for another account are not this channel's.
    if (settings.userId && activity.forUserId !== settings.userId) return reply.code(200).send();
    // In order, each after the previous commit: a reply in the same delivery finds the post it answers.
    for (const m of activity.messages) {
      await acceptInbound(deps, {
        orgId: channel.orgId, channelId: channel.id, externalId: m.externalId, text: m.text, at: m.at, attachments: m.attachments,
        sender: m.sender, visibility: m.visibility, metadata: m.metadata, conversationId: await conversationForX(deps.db, channel, m),
      });
    }
    return reply.code(200).send();
  });
}
