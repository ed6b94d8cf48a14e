// The community space's public API (no sign-in): anyone reads public questions and their public replies;
// customers post questions and follow-ups, protected from spam by a honeypot, a signed time token and
// per-address rate limits. Brand replies are written in the desk (experts, level 2) and are public posts.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.ts';
import { paginationQuery, pageSchema } from '../../http/pagination.ts';
import { channelByWebhookKey } from '../channels.service.ts';
import type { ChannelDeps } from '../channel-adapter.ts';
import { bodyObject, isUuid, keepRawPayloads, limitPerSource, parsePayload } from '../web-form/channel-payload.ts';
import { HONEYPOT_FIELD, TOKEN_MAX_AGE_MS, checkSubmission, issueFormToken } from '../web-form/form-guard.ts';
import type { CommunitySettings } from './adapter.ts';
import { postFollowUp, postQuestion } from './post-question.ts';
import { getThread, listQuestions, questionSummarySchema, threadSchema } from './questions.service.ts';

/** Per address and community, per minute. */
export const COMMUNITY_LIMITS = { read: 120, token: 30, question: 10, reply: 20 } as const;

const author = z.object({
  name: z.string().trim().min(2).max(80).describe('Shown publicly'),
  email: z.string().trim().toLowerCase().pipe(z.email().max(320)).describe('Never shown'),
});
export const questionPayload = z.object({ title: z.string().trim().min(5).max(200), text: z.string().trim().min(1).max(10_000), author });
export const replyPayload = z.object({ text: z.string().trim().min(1).max(10_000), author });

const keyParams = z.object({ key: z.string().max(200) });
const questionParams = z.object({ key: z.string().max(200), conversationId: z.string().max(100) });
const posted = z.object({ questionId: z.uuid(), messageId: z.uuid(), duplicate: z.boolean() });
const tags = ['community'];
const submitNote = 'Send formToken (from form-token, no sooner than minSubmitSeconds later) and an empty honeypot field. ' +
  '201 once stored; 200 with duplicate: true when this form token was already used.';

/** Public content: any site may show it (no credentials are involved). */
const publicRead = (reply: FastifyReply) => reply.header('access-control-allow-origin', '*');

export async function communityRoutes(app: FastifyInstance, deps: ChannelDeps) {
  keepRawPayloads(app, { urlencoded: false });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const community = (key: string) => channelByWebhookKey<CommunitySettings>(deps.db, 'community', key);

  r.get('/hooks/community/:key/questions', {
    schema: {
      tags, security: [], summary: 'Public questions, newest first', params: keyParams,
      querystring: z.object(paginationQuery), response: { 200: pageSchema(questionSummarySchema) },
    },
    config: limitPerSource(COMMUNITY_LIMITS.read),
  }, async (request, reply) => {
    const { channel } = await community(request.params.key);
    publicRead(reply);
    return listQuestions(deps.db, channel, request.query);
  });

  r.get('/hooks/community/:key/questions/:conversationId', {
    schema: { tags, security: [], summary: 'A question and its public replies, oldest first', params: questionParams, response: { 200: threadSchema } },
    config: limitPerSource(COMMUNITY_LIMITS.read),
  }, async (request, reply) => {
    const { channel } = await community(request.params.key);
    if (!isUuid(request.params.conversationId)) throw notFound('question');
    publicRead(reply);
    return getThread(deps.db, channel, request.params.conversationId);
  });

  r.get('/hooks/community/:key/form-token', {
    schema: { tags, security: [], summary: 'A form token for posting a question or a reply', params: keyParams },
    config: limitPerSource(COMMUNITY_LIMITS.token),
  }, async (request, reply) => {
    const { channel, settings } = await community(request.params.key);
    reply.header('cache-control', 'no-store');
    return {
      formToken: issueFormToken(settings.formSecret, channel.id), minSubmitSeconds: settings.minSubmitSeconds,
      expiresInSeconds: TOKEN_MAX_AGE_MS / 1000, honeypotField: HONEYPOT_FIELD,
    };
  });

  r.post('/hooks/community/:key/questions', {
    schema: { tags, security: [], summary: 'Ask a question in public', description: submitNote, params: keyParams, response: { 200: posted, 201: posted } },
    config: limitPerSource(COMMUNITY_LIMITS.question),
  }, async (request, reply) => {
    const { channel, settings } = await community(request.params.key);
    const body = await bodyObject(deps, request, channel);
    const { externalId } = checkSubmission(body, channel.id, settings);
    const input = await parsePayload(deps, request, channel, body, questionPayload);
    const result = await postQuestion(deps, channel, { ...input, externalId });
    return reply.code(result.duplicate ? 200 : 201)
      .send({ questionId: result.conversationId, messageId: result.messageId, duplicate: result.duplicate });
  });

  r.post('/hooks/community/:key/questions/:conversationId/replies', {
    schema: { tags, security: [], summary: 'Add a customer post under a question', description: submitNote, params: questionParams, response: { 200: posted, 201: posted } },
    config: limitPerSource(COMMUNITY_LIMITS.reply),
  }, async (request, reply) => {
    const { channel, settings } = await community(request.params.key);
    if (!isUuid(request.params.conversationId)) throw notFound('question');
    const body = await bodyObject(deps, request, channel);
    const { externalId } = checkSubmission(body, channel.id, settings);
    const input = await parsePayload(deps, request, channel, body, replyPayload);
    const result = await postFollowUp(deps, channel, request.params.conversationId, { ...input, externalId });
    return reply.code(result.duplicate ? 200 : 201)
      .send({ questionId: result.conversationId, messageId: result.messageId, duplicate: result.duplicate });
  });
}
