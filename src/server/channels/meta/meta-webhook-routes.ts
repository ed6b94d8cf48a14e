// GET  /hooks/<type>/:key  Meta's subscription handshake: echo hub.challenge when hub.verify_token matches.
// POST /hooks/<type>/:key  signed deliveries. The answer comes only after every readable item is committed:
// 200 tells Meta to forget the delivery, anything else makes it retry (intake is idempotent, so retries are
// safe). Unreadable items are dead-lettered, never retried forever: 400 only when nothing at all was readable.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ChannelDeps } from '../channel-adapter.ts';
import { channelByWebhookKey } from '../channels.service.ts';
import type { MetaNetwork } from './meta-event.ts';
import { deadLetterOnce, storeMetaEvent } from './meta-intake.ts';
import type { MetaAccess } from './meta-settings.ts';
import { hasValidSignature, SIGNATURE_HEADER } from './meta-signature.ts';
import { readWebhook, type WebhookReading } from './read-webhook.ts';

export type MetaHookSpec<S> = { network: MetaNetwork; access: (settings: S) => MetaAccess };

const params = z.object({ key: z.string().min(1).max(200) });
const handshake = z.object({
  'hub.mode': z.string().optional(), 'hub.verify_token': z.string().optional(), 'hub.challenge': z.string().optional(),
});

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Headers worth keeping beside a dead letter (never the signature: it signs the whole delivery, not the item). */
const keptHeaders = (request: FastifyRequest) => ({ 'content-type': request.headers['content-type'], 'user-agent': request.headers['user-agent'] });

export function metaWebhookRoutes<S>(spec: MetaHookSpec<S>) {
  const path = `/hooks/${spec.network}/:key`;
  const source = `${spec.network}-webhook`;

  return async function registerRoutes(app: FastifyInstance, deps: ChannelDeps): Promise<void> {
    // The signature covers the exact bytes Meta sent: keep them, parse after the check (this plugin scope only).
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    app.get(path, { schema: { params, querystring: handshake, tags: ['webhooks'], summary: `Meta webhook verification (${spec.network})` } }, async (request, reply) => {
      const { key } = request.params as z.infer<typeof params>;
      const query = request.query as z.infer<typeof handshake>;
      const { settings } = await channelByWebhookKey<S>(deps.db, spec.network, key);
      const token = query['hub.verify_token'];
      if (query['hub.mode'] !== 'subscribe' || token === undefined || !sameText(token, spec.access(settings).verifyToken)) {
        throw new AppError('forbidden', 'hub.mode must be "subscribe" and hub.verify_token must match the channel setting');
      }
      if (!query['hub.challenge']) throw new AppError('bad_request', 'hub.challenge is missing');
      return reply.code(200).type('text/plain; charset=utf-8').send(query['hub.challenge']);
    });

    app.post(path, { schema: { params, tags: ['webhooks'], summary: `Meta webhook deliveries (${spec.network})` } }, async (request, reply) => {
      const { key } = request.params as z.infer<typeof params>;
      const { channel, settings } = await channelByWebhookKey<S>(deps.db, spec.network, key);
      const access = spec.access(settings);
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      // Unsigned or forged: refuse before reading, and store nothing (not even a dead letter).
      if (!hasValidSignature(access.appSecret, raw, request.headers[SIGNATURE_HEADER])) {
        throw new AppError('invalid_signature', 'X-Hub-Signature-256 is missing or does not match the body and the app secret');
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch (err) {
        const reason = `malformed JSON: ${(err as Error).message}`;
        await deadLetterOnce(deps.db, channel, { source, reason, payload: raw.toString('utf8'), headers: keptHeaders(request) });
        throw new AppError('invalid_json', reason);
      }
      const reading: WebhookReading = readWebhook(body, spec.network, access.accountId);
      let duplicates = 0;
      // One at a time, in Meta's order: two comments on a new post must land in the same conversation.
      for (const event of reading.events) {
        if ((await storeMetaEvent(deps, channel, event)).duplicate) duplicates++;
      }
      for (const problem of reading.problems) {
        await deadLetterOnce(deps.db, channel, { source, reason: problem.reason, payload: JSON.stringify(problem.payload), headers: keptHeaders(request) });
      }
      if (reading.problems.length > 0) request.log.warn({ channelId: channel.id, problems: reading.problems.map((p) => p.reason) }, 'meta webhook items dead-lettered');
      if (reading.events.length === 0 && reading.ignored.length === 0 && reading.problems.length > 0) {
        throw new AppError('bad_request', `nothing readable in this delivery: ${reading.problems.map((p) => p.reason).join('; ').slice(0, 500)}`,
          { problems: reading.problems.map((p) => p.reason) });
      }
      return reply.code(200).send({
        received: reading.events.length - duplicates, duplicates, ignored: reading.ignored.length, deadLettered: reading.problems.length,
      });
    });
  };
}
