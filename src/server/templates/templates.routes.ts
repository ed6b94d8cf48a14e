import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../http/authenticate.ts';
import { pageSchema, paginationQuery } from '../http/pagination.ts';
import { STAFF_ROLES } from '../accounts/roles.ts';
import { createTemplate, deleteTemplate, getTemplate, listTemplates, presentTemplate, templateSchema, updateTemplate } from './templates.service.ts';

const fields = {
  name: z.string().trim().min(1).max(200),
  language: z.enum(['fr', 'en']),
  body: z.string().trim().min(1).max(20_000),
  intent: z.string().trim().min(1).max(100).nullable().optional(),
};
const params = z.object({ id: z.uuid() });
const EDITORS = ['admin', 'supervisor', 'agent'] as const;

export async function templatesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['templates'];
  const actorOf = (userId: string) => ({ kind: 'user' as const, id: userId });

  r.get('/templates', {
    schema: {
      tags, summary: 'List reply templates', response: { 200: pageSchema(templateSchema) },
      querystring: z.object({ language: z.enum(['fr', 'en']).optional(), intent: z.string().max(100).optional(), q: z.string().trim().min(1).max(200).optional(), ...paginationQuery }),
    },
    preHandler: requireRole(STAFF_ROLES),
  }, async (request) => listTemplates(db, authOf(request).orgId, request.query));

  r.get('/templates/:id', { schema: { tags, summary: 'Get a template', params, response: { 200: templateSchema } }, preHandler: requireRole(STAFF_ROLES) },
    async (request) => presentTemplate(await getTemplate(db, authOf(request).orgId, request.params.id)));

  r.post('/templates', { schema: { tags, summary: 'Create a template', body: z.strictObject(fields), response: { 201: templateSchema } }, preHandler: requireRole(EDITORS) },
    async (request, reply) => {
      const auth = authOf(request);
      return reply.code(201).send(presentTemplate(await createTemplate(db, auth.orgId, request.body, actorOf(auth.userId))));
    });

  r.patch('/templates/:id', { schema: { tags, summary: 'Change a template', params, body: z.strictObject(fields).partial(), response: { 200: templateSchema } }, preHandler: requireRole(EDITORS) },
    async (request) => {
      const auth = authOf(request);
      return presentTemplate(await updateTemplate(db, auth.orgId, request.params.id, request.body, actorOf(auth.userId)));
    });

  r.delete('/templates/:id', { schema: { tags, summary: 'Delete a template', params, response: { 204: z.null() } }, preHandler: requireRole(EDITORS) },
    async (request, reply) => {
      const auth = authOf(request);
      await deleteTemplate(db, auth.orgId, request.params.id, actorOf(auth.userId));
      return reply.code(204).send(null);
    });
}
