import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../http/authenticate.ts';
import { STAFF_ROLES } from '../accounts/roles.ts';
import { systemClock } from './clock.ts';
import { getConversationSla, slaSchema } from './sla.service.ts';

export async function slaRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;

  r.get('/conversations/:id/sla', {
    schema: {
      tags: ['conversations'], summary: 'Response-time targets: due dates, time used, state (ok, warning, breached, met)',
      params: z.object({ id: z.uuid() }), response: { 200: slaSchema },
    },
    preHandler: requireRole(STAFF_ROLES),
  }, async (request) => getConversationSla(db, authOf(request), request.params.id, systemClock));
}
