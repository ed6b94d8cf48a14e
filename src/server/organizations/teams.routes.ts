import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../http/authenticate.ts';
import { ADMIN_ONLY, STAFF_ROLES } from '../accounts/roles.ts';
import { createQueueTeam, listTeams, updateTeam } from './teams.service.ts';
import type { teams } from '../db/schema/index.ts';

const teamSchema = z.object({
  id: z.uuid(), name: z.string(), level: z.number().int().nullable(), providerOrgId: z.uuid().nullable(),
  skills: z.array(z.string()), languages: z.array(z.string()), fallbackTeamId: z.uuid().nullable(), signature: z.string().nullable(), createdAt: z.string(),
});
const present = (t: typeof teams.$inferSelect): z.infer<typeof teamSchema> => ({
  id: t.id, name: t.name, level: t.level, providerOrgId: t.providerOrgId, skills: t.skills, languages: t.languages,
  fallbackTeamId: t.fallbackTeamId, signature: t.signature, createdAt: t.createdAt.toISOString(),
});
const fields = {
  level: z.union([z.literal(2), z.literal(3)]).nullable().optional(),
  /** Topics (intents) the queue takes; empty: any. */
  skills: z.array(z.string().min(1).max(100)).max(200).optional(),
  languages: z.array(z.string().min(2).max(8)).max(20).optional(),
  fallbackTeamId: z.uuid().nullable().optional(),
  signature: z.string().max(2000).nullable().optional(),
};

export async function teamsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['teams'];

  r.get('/teams', { schema: { tags, summary: 'Teams (queues)', response: { 200: z.object({ items: z.array(teamSchema) }) } }, preHandler: requireRole(STAFF_ROLES) },
    async (request) => ({ items: (await listTeams(db, authOf(request).orgId)).map(present) }));

  r.post('/teams', {
    schema: { tags, summary: 'Create a team (admin)', body: z.strictObject({ name: z.string().trim().min(1).max(200), ...fields }), response: { 201: teamSchema } },
    preHandler: requireRole(ADMIN_ONLY),
  }, async (request, reply) => {
    const auth = authOf(request);
    reply.code(201);
    return present(await createQueueTeam(db, auth.orgId, request.body, auth.userId));
  });

  r.patch('/teams/:id', {
    schema: { tags, summary: 'Change a team: level, skills, languages, fallback (loops refused), signature (admin)', params: z.object({ id: z.uuid() }),
      body: z.strictObject({ name: z.string().trim().min(1).max(200).optional(), ...fields }), response: { 200: teamSchema } },
    preHandler: requireRole(ADMIN_ONLY),
  }, async (request) => {
    const auth = authOf(request);
    return present(await updateTeam(db, auth.orgId, request.params.id, request.body, auth.userId));
  });
}
