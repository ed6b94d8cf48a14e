// Inbound side of the API channel: any system (a shop back office, a chatbot, a CRM) posts its customers'
// messages with an API token of the channel's organization. The caller's message id makes retries safe.
import { acceptInbound } from '../../intake/accept-inbound.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../../http/authenticate.ts';
import { STAFF_ROLES } from '../../accounts/roles.ts';
import { notFound } from '../../errors.ts';
import type { ChannelDeps } from '../channel-adapter.ts';
import { bodyObject, isUuid, keepRawPayloads, limitPerSource, parsePayload } from '../web-form/channel-payload.ts';
import { assertConversationOnChannel, findApiChannel } from './api-channel.service.ts';

/** Requests per minute for one token on one channel. */
const MAX_METADATA_BYTES = 16_384;

export const inboundApiMessage = z.strictObject({
  externalId: z.string().trim().min(1).max(200).describe('Your id for this message: sending it again is a no-op'),
  sender: z.strictObject({
    id: z.string().trim().min(1).max(200).describe('Your id for the customer'),
    name: z.string().trim().min(1).max(200).optional(),
    email: z.email().max(320).optional(),
    phone: z.string().trim().min(3).max(40).optional(),
  }),
  text: z.string().trim().min(1).max(20_000),
  subject: z.string().trim().min(1).max(500).optional(),
  conversationId: z.uuid().optional().describe('Continue this conversation of the channel instead of the customer\'s open one'),
  metadata: z.record(z.string(), z.unknown())
    .refine((m) => JSON.stringify(m).length <= MAX_METADATA_BYTES, `must be at most ${MAX_METADATA_BYTES} bytes of JSON`)
    .optional(),
});

const accepted = z.object({ messageId: z.uuid(), conversationId: z.uuid(), duplicate: z.boolean() });

export async function apiChannelRoutes(app: FastifyInstance, deps: ChannelDeps) {
  keepRawPayloads(app, { urlencoded: false });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/channels/:channelId/messages', {
    schema: {
      tags: ['channels'],
      summary: 'Post a customer message on an API channel',
      description: 'Answers 201 once stored, 200 with duplicate: true when this externalId was already received. ' +
        'Replies reach your system as signed webhooks (X-Relais-Signature, X-Relais-Timestamp).',
      params: z.object({ channelId: z.string() }),
      body: inboundApiMessage,
      response: { 200: accepted, 201: accepted },
    },
    // The handler checks the body itself, so that a bad payload is kept as a dead letter.
    attachValidation: true,
    preHandler: requireRole(STAFF_ROLES),
    config: limitPerSource(deps.config.apiChannelRateLimitPerMinute, 'token'),
  }, async (request, reply) => {
    const { orgId } = authOf(request);
    if (!isUuid(request.params.channelId)) throw notFound('channel');
    const channel = await findApiChannel(deps.db, orgId, request.params.channelId);
    const body = await parsePayload(deps, request, channel, await bodyObject(deps, request, channel), inboundApiMessage);
    if (body.conversationId) await assertConversationOnChannel(deps.db, channel, body.conversationId);
    const result = await acceptInbound(deps, {
      orgId, channelId: channel.id, externalId: body.externalId,
      // The caller authenticated with a token of this organization: it vouches for its customer's identity.
      sender: { externalId: body.sender.id, displayName: body.sender.name ?? null, email: body.sender.email ?? null, phone: body.sender.phone ?? null, verified: true },
      text: body.text, subject: body.subject ?? null, conversationId: body.conversationId ?? null,
      metadata: body.metadata ? { api: body.metadata } : {},
    });
    return reply.code(result.duplicate ? 200 : 201)
      .send({ messageId: result.messageId, conversationId: result.conversationId, duplicate: result.duplicate });
  });
}
