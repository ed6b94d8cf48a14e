import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../db/schema/index.ts';
import { authOf, requireRole } from '../http/authenticate.ts';
import { pageSchema, paginationQuery } from '../http/pagination.ts';
import { ADMIN_ONLY, STAFF_ROLES } from './roles.ts';
import { createUser, getUser, listUsers, updateUser } from './users.service.ts';
import { presentUser, userSchema } from './users.presenter.ts';

const idParams = z.object({ id: z.uuid() });
const createBody = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  password: z.string().min(10).max(1024).optional(),
  teamId: z.uuid().nullable().optional(),
  locale: z.enum(['fr', 'en']).optional(),
});
const patchBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  teamId: z.uuid().nullable().optional(),
  locale: z.enum(['fr', 'en']).optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(10).max(1024).optional(),
  /** Assignment within a queue (routing/assign.ts): empty lists mean any topic, any language. */
  topics: z.array(z.string().min(1).max(100)).max(200).optional(),
  languages: z.array(z.string().min(2).max(8)).max(20).optional(),
  capacity: z.number().int().min(0).max(1000).optional(),
});

export async function usersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['users'];

  r.get('/users', {
    schema: { tags, summary: 'List users', querystring: z.object({ role: z.enum(ROLES).optional(), teamId: z.uuid().optional(), ...paginationQuery }), response: { 200: pageSchema(userSchema) } },
    preHandler: requireRole(STAFF_ROLES),
  }, async (request) => listUsers(db, authOf(request).orgId, request.query));

  r.get('/users/:id', {
    schema: { tags, summary: 'Get a user', params: idParams, response: { 200: userSchema } },
    preHandler: requireRole(STAFF_ROLES),
  }, async (request) => presentUser(await getUser(db, authOf(request).orgId, request.params.id)));

  r.post('/users', {
    schema: { tags, summary: 'Create a user (admin)', body: createBody, response: { 201: userSchema } },
    preHandler: requireRole(ADMIN_ONLY),
  }, async (request, reply) => {
    const auth = authOf(request);
    const user = await createUser(db, auth.orgId, request.body, { kind: 'user', id: auth.userId });
    return reply.code(201).send(presentUser(user));
  });

  r.patch('/users/:id', {
    schema: { tags, summary: 'Change a user (admin)', params: idParams, body: patchBody, response: { 200: userSchema } },
    preHandler: requireRole(ADMIN_ONLY),
  }, async (request) => {
    const auth = authOf(request);
    return presentUser(await updateUser(db, auth.orgId, request.params.id, request.body, { kind: 'user', id: auth.userId }));
  });
}
