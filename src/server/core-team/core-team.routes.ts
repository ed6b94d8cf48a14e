// The moves between level 2 and level 3: an expert's (or provider agent's) escalation to the core team, and
// the core team's instructions to whoever handles a conversation and its takeover of it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../http/authenticate.ts';
import { CORE_ROLES } from '../accounts/roles.ts';
import { conversationSchema, presentConversation } from '../conversations/conversations.presenter.ts';
import { noteSchema, presentNote } from '../conversations/messages.service.ts';
import { escalateConversation } from './escalate-conversation.ts';
import { addInstruction } from './add-instruction.ts';
import { takeOverConversation } from './take-over-conversation.ts';

const params = z.object({ id: z.uuid() });

export async function coreTeamRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['conversations'];

  r.post('/conversations/:id/escalate', {
    schema: {
      tags, params, body: z.strictObject({ note: z.string().trim().min(1).max(2000) }),
      summary: "Beyond my competence: hand the conversation to the core team (level 3) with a note; it leaves the caller's queue (experts, provider agents)",
      response: { 200: z.object({ conversationId: z.uuid(), level: z.number().int(), teamId: z.uuid().nullable(), unrouted: z.boolean(), noteId: z.uuid(), decisionId: z.uuid() }) },
    },
    preHandler: requireRole(['expert', 'provider_agent']),
  }, async (request) => escalateConversation(db, authOf(request), request.params.id, request.body.note));

  r.post('/conversations/:id/instructions', {
    schema: {
      tags, params, body: z.strictObject({ body: z.string().trim().min(1).max(20_000) }), response: { 201: noteSchema },
      summary: 'Tell the expert or provider agent handling the conversation what to do: a note they see, never the customer (core team)',
    },
    preHandler: requireRole(CORE_ROLES),
  }, async (request, reply) => {
    const note = await addInstruction(db, authOf(request), request.params.id, request.body.body);
    return reply.code(201).send(presentNote(note, null));
  });

  r.post('/conversations/:id/takeover', {
    schema: {
      tags, params, response: { 200: conversationSchema },
      summary: 'Take the conversation over: assigned to the caller at level 3; the customer keeps the same conversation and thread (core team)',
    },
    preHandler: requireRole(CORE_ROLES),
  }, async (request) => presentConversation(await takeOverConversation(db, authOf(request), request.params.id)));
}
