import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHANNEL_TYPES, CONVERSATION_STATUSES, SEVERITIES } from '../db/schema/index.ts';
import { authOf, requireRole } from '../http/authenticate.ts';
import { pageSchema, paginationQuery } from '../http/pagination.ts';
import { ANY_ROLE } from '../accounts/roles.ts';
import { redactionFor } from '../access/redaction.ts';
import { getConversation, listConversations, updateConversation } from './conversations.service.ts';
import { conversationSchema, presentConversation } from './conversations.presenter.ts';

const listQuery = z.object({
  status: z.enum(CONVERSATION_STATUSES).optional(),
  level: z.coerce.number().int().min(1).max(3).optional(),
  severity: z.enum(SEVERITIES).optional(),
  channelId: z.uuid().optional(),
  channelType: z.enum(CHANNEL_TYPES).optional(),
  assigneeId: z.union([z.uuid(), z.literal('none')]).optional(),
  teamId: z.uuid().optional(),
  language: z.string().min(2).max(8).optional(),
  intent: z.string().min(1).max(100).optional(),
  contactId: z.uuid().optional(),
  slaState: z.enum(['ok', 'warning', 'breached']).optional(),
  ...paginationQuery,
});

const patchBody = z.strictObject({
  status: z.enum(CONVERSATION_STATUSES).optional(),
  level: z.number().int().min(1).max(3).optional(),
  severity: z.enum(SEVERITIES).optional(),
  priority: z.number().int().min(0).max(4).optional(),
  intent: z.string().min(1).max(100).nullable().optional(),
  /** A correction of triage's language reading (kept for the next training, like intent and severity). */
  language: z.enum(['fr', 'en']).optional(),
  assigneeId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  tags: z.array(z.string().min(1).max(50)).max(50).optional(),
  confidential: z.boolean().optional(),
});

export async function conversationsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['conversations'];
  // Every role reaches these routes; what each one sees is access/conversation-scope.ts, masked by access/redaction.ts.
  const preHandler = requireRole(ANY_ROLE);

  r.get('/conversations', {
    schema: { tags, summary: 'List conversations, most recent activity first', querystring: listQuery, response: { 200: pageSchema(conversationSchema) } },
    preHandler,
  }, async (request) => listConversations(db, authOf(request), request.query));

  r.get('/conversations/:id', {
    schema: { tags, summary: 'Get a conversation', params: z.object({ id: z.uuid() }), response: { 200: conversationSchema } },
    preHandler,
  }, async (request) => {
    const auth = authOf(request);
    return presentConversation(await getConversation(db, auth, request.params.id), await redactionFor(db, auth));
  });

  r.patch('/conversations/:id', {
    schema: { tags, summary: 'Change status, level, severity, intent, priority, assignee, team, tags or confidentiality (experts and provider agents: status, tags, and picking it for themselves)', params: z.object({ id: z.uuid() }), body: patchBody, response: { 200: conversationSchema } },
    preHandler,
  }, async (request) => {
    const auth = authOf(request);
    const row = await updateConversation(db, auth, request.params.id, request.body, { kind: 'user', id: auth.userId });
    return presentConversation(row, await redactionFor(db, auth));
  });
}
