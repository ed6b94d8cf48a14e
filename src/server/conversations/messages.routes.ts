import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../http/authenticate.ts';
import { pageSchema, paginationQuery } from '../http/pagination.ts';
import { STAFF_ROLES } from '../accounts/roles.ts';
import {
  addNote, addStaffReply, listMessages, listNotes, messageSchema, noteSchema, presentMessage,
} from './messages.service.ts';
import { declaredActionsSchema, gateProviderReply } from '../delegation/gate-provider-reply.ts';
import { approvalSchema } from '../delegation/approvals.service.ts';

const params = z.object({ id: z.uuid() });

export async function messagesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['conversations'];
  const preHandler = requireRole(STAFF_ROLES);

  r.get('/conversations/:id/messages', {
    schema: { tags, summary: 'The thread, oldest first', params, querystring: z.object(paginationQuery), response: { 200: pageSchema(messageSchema) } },
    preHandler,
  }, async (request) => listMessages(db, authOf(request).orgId, request.params.id, request.query));

  r.post('/conversations/:id/messages', {
    schema: {
      tags, summary: 'Reply to the customer (a provider agent\'s reply may wait for the brand\'s approval: 202)', params,
      body: z.strictObject({
        body: z.string().trim().min(1).max(20_000), isPublic: z.boolean().default(false),
        /** What the reply commits the brand to, checked against the delegation of authority for provider agents. */
        actions: declaredActionsSchema.optional(),
      }),
      response: { 201: messageSchema, 202: approvalSchema },
    },
    preHandler,
  }, async (request, reply) => {
    const approval = await gateProviderReply(db, authOf(request), request.params.id, request.body);
    if (approval) return reply.code(202).send(approval);
    const { message, channelType } = await addStaffReply(db, authOf(request), request.params.id, request.body);
    app.ctx.metrics.messagesTotal.labels(channelType, 'outbound').inc();
    return reply.code(201).send(presentMessage(message));
  });

  r.get('/conversations/:id/notes', {
    schema: { tags, summary: 'Internal notes, never shown to the customer', params, response: { 200: z.object({ items: z.array(noteSchema) }) } },
    preHandler,
  }, async (request) => ({ items: await listNotes(db, authOf(request).orgId, request.params.id) }));

  r.post('/conversations/:id/notes', {
    schema: { tags, summary: 'Add an internal note', params, body: z.strictObject({ body: z.string().trim().min(1).max(20_000) }), response: { 201: noteSchema } },
    preHandler,
  }, async (request, reply) => {
    const auth = authOf(request);
    const note = await addNote(db, auth, request.params.id, request.body.body);
    return reply.code(201).send({
      id: note.id, conversationId: note.conversationId, authorUserId: note.authorUserId, authorName: null,
      body: note.body, createdAt: note.createdAt.toISOString(),
    });
  });
}
