import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../http/authenticate.ts';
import { acknowledgeAlert, alertSchema, listAlerts } from './alerts.service.ts';

// Crisis alerts are for the people who can act on them: the core team and its managers.
const CORE = ['admin', 'supervisor', 'agent'] as const;

export async function alertsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['alerts'];

  r.get('/alerts', {
    schema: {
      tags, summary: 'Crisis alerts, newest first', response: { 200: z.object({ items: z.array(alertSchema) }) },
      querystring: z.object({ acknowledged: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }),
    },
    preHandler: requireRole(CORE),
  }, async (request) => ({ items: await listAlerts(db, authOf(request).orgId, request.query) }));

  r.post('/alerts/:id/acknowledge', {
    schema: { tags, summary: 'Acknowledge an alert: someone is on it', params: z.object({ id: z.uuid() }), response: { 200: alertSchema } },
    preHandler: requireRole(CORE),
  }, async (request) => {
    const auth = authOf(request);
    return acknowledgeAlert(db, auth.orgId, request.params.id, auth.userId);
  });
}
