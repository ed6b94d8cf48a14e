import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../http/authenticate.ts';
import { ADMIN_ONLY } from './roles.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.ts';

const tokenSchema = z.object({
  id: z.uuid(), userId: z.uuid(), name: z.string(), lastUsedAt: z.string().nullable(), createdAt: z.string(),
});
const present = (t: { id: string; userId: string; name: string; lastUsedAt: Date | null; createdAt: Date }) => ({
  id: t.id, userId: t.userId, name: t.name, lastUsedAt: t.lastUsedAt?.toISOString() ?? null, createdAt: t.createdAt.toISOString(),
});

export async function apiTokensRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['api tokens'];
  const preHandler = requireRole(ADMIN_ONLY);

  r.get('/tokens', { schema: { tags, summary: 'List active API tokens (admin)', response: { 200: z.object({ items: z.array(tokenSchema) }) } }, preHandler },
    async (request) => ({ items: (await listApiTokens(db, authOf(request).orgId)).map(present) }));

  r.post('/tokens', {
    schema: {
      tags, summary: 'Create an API token; the secret is shown only in this answer (admin)',
      body: z.strictObject({ userId: z.uuid(), name: z.string().trim().min(1).max(100) }),
      response: { 201: tokenSchema.extend({ token: z.string() }) },
    },
    preHandler,
  }, async (request, reply) => {
    const auth = authOf(request);
    const { token, record } = await createApiToken(db, auth.orgId, request.body.userId, request.body.name, auth.userId);
    return reply.code(201).send({ ...present(record), token });
  });

  r.delete('/tokens/:id', { schema: { tags, summary: 'Revoke an API token (admin)', params: z.object({ id: z.uuid() }), response: { 204: z.null() } }, preHandler },
    async (request, reply) => {
      const auth = authOf(request);
      await revokeApiToken(db, auth.orgId, request.params.id, auth.userId);
      return reply.code(204).send(null);
    });
}
