import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../http/authenticate.ts';
import { pageSchema, paginationQuery } from '../http/pagination.ts';
import { ANY_ROLE } from '../accounts/roles.ts';
import { redactionFor } from '../access/redaction.ts';
import {
  addNote, addStaffReply, listMessages, listNotes, messageSchema, noteSchema, presentMessage, presentNote,
} from './messages.service.ts';
import { declaredActionsSchema, gateProviderReply } from '../delegation/gate-provider-reply.ts';
import { approvalSchema } from '../delegation/approvals.service.ts';

const params = z.object({ id: z.uuid() });

export async function messagesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['conversations'];
  // Experts and provider agents too: getConversation keeps each to its scope (access/conversation-scope.ts).
  const preHandler = requireRole(ANY_ROLE);

  r.get('/conversations/:id/messages', {
    schema: { tags, summary: 'The thread, oldest first', params, querystring: z.object(paginationQuery), response: { 200: pageSchema(messageSchema) } },
    preHandler,
  }, async (request) => listMessages(db, authOf(request), request.params.id, request.query));

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
    const auth = authOf(request);
    const approval = await gateProviderReply(db, auth, request.params.id, request.body);
    if (approval) return reply.code(202).send(approval);
    const { message, channelType } = await addStaffReply(db, auth, request.params.id, request.body);
    app.ctx.metrics.messagesTotal.labels(channelType, 'outbound').inc();
    return reply.code(201).send(presentMessage(message, await redactionFor(db, auth)));
  });

  r.get('/conversations/:id/notes', {
    schema: { tags, summary: 'Internal notes, never shown to the customer (experts and provider agents: instructions, escalations and their own notes)', params, response: { 200: z.object({ items: z.array(noteSchema) }) } },
    preHandler,
  }, async (request) => ({ items: await listNotes(db, authOf(request), request.params.id) }));

  r.post('/conversations/:id/notes', {
    schema: { tags, summary: 'Add an internal note', params, body: z.strictObject({ body: z.string().trim().min(1).max(20_000) }), response: { 201: noteSchema } },
    preHandler,
  }, async (request, reply) => {
    const auth = authOf(request);
    const note = await addNote(db, auth, request.params.id, request.body.body);
    return reply.code(201).send(presentNote(note, null, await redactionFor(db, auth)));
  });
}
