import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../http/authenticate.ts';
import { pageSchema, paginationQuery } from '../http/pagination.ts';
import { STAFF_ROLES } from '../accounts/roles.ts';
import { mergeContacts, undoMerge } from './merge-contacts.ts';
import {
  contactDetailSchema, contactSchema, createContact, getContact, listContacts, updateContact,
} from './contacts.service.ts';

const contactBody = z.strictObject({
  name: z.string().trim().min(1).max(200).nullable().optional(),
  email: z.email().max(320).nullable().optional(),
  phone: z.string().regex(/^\+?[0-9 ().-]{4,32}$/, 'must be a phone number').nullable().optional(),
  segment: z.string().trim().min(1).max(50).nullable().optional(),
  locale: z.enum(['fr', 'en']).nullable().optional(),
});

export async function contactsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['contacts'];
  // Contacts carry personal data: experts (level 2) never list them; they see what a conversation lets them.
  const preHandler = requireRole(STAFF_ROLES);
  const params = z.object({ id: z.uuid() });

  r.get('/contacts', {
    schema: {
      tags, summary: 'List contacts', response: { 200: pageSchema(contactSchema) },
      querystring: z.object({ q: z.string().trim().min(1).max(200).optional(), segment: z.string().max(50).optional(), ...paginationQuery }),
    },
    preHandler,
  }, async (request) => listContacts(db, authOf(request).orgId, request.query));

  r.get('/contacts/:id', { schema: { tags, summary: 'A contact with its channel identities', params, response: { 200: contactDetailSchema } }, preHandler },
    async (request) => getContact(db, authOf(request).orgId, request.params.id));

  r.post('/contacts', { schema: { tags, summary: 'Create a contact', body: contactBody, response: { 201: contactDetailSchema } }, preHandler },
    async (request, reply) => {
      const auth = authOf(request);
      return reply.code(201).send(await createContact(db, auth.orgId, request.body, { kind: 'user', id: auth.userId }));
    });

  r.patch('/contacts/:id', { schema: { tags, summary: 'Change a contact', params, body: contactBody, response: { 200: contactDetailSchema } }, preHandler },
    async (request) => {
      const auth = authOf(request);
      return updateContact(db, auth.orgId, request.params.id, request.body, { kind: 'user', id: auth.userId });
    });

  const mergeSchema = z.object({ id: z.uuid(), sourceContactId: z.uuid(), targetContactId: z.uuid(), identityIds: z.array(z.uuid()), conversationIds: z.array(z.uuid()), reason: z.string(), createdAt: z.string() });

  r.post('/contacts/:id/merge', {
    schema: {
      tags, summary: 'Merge this contact into another (identities and conversations move; undoable)', params,
      body: z.strictObject({ intoContactId: z.uuid(), reason: z.string().trim().min(1).max(500).default('same person') }),
      response: { 201: mergeSchema },
    },
    preHandler,
  }, async (request, reply) => {
    const auth = authOf(request);
    const merge = await mergeContacts(db, auth.orgId, request.params.id, request.body.intoContactId, request.body.reason, { kind: 'user', id: auth.userId });
    return reply.code(201).send({ ...merge, createdAt: merge.createdAt.toISOString() });
  });

  r.post('/contacts/merges/:id/undo', {
    schema: { tags, summary: 'Undo a merge: the identities and conversations go back', params, response: { 200: z.object({ sourceId: z.uuid(), targetId: z.uuid() }) } },
    preHandler,
  }, async (request) => {
    const auth = authOf(request);
    return undoMerge(db, auth.orgId, request.params.id, { kind: 'user', id: auth.userId });
  });
}
