import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgres']),
  databaseOk: z.boolean(),
  version: z.string(),
  uptimeSeconds: z.number(),
});

export async function opsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/health',
    { schema: { tags: ['ops'], summary: 'Liveness and database reachability', security: [], response: { 200: healthSchema, 503: healthSchema } } },
    async (_request, reply) => {
      const { database, startedAt } = app.ctx;
      const databaseOk = await database.executeSql('SELECT 1').then(() => true, () => false);
      const body = {
        status: databaseOk ? ('ok' as const) : ('degraded' as const),
        database: database.kind,
        databaseOk,
        version: '0.1.0',
        uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      };
      return reply.code(databaseOk ? 200 : 503).send(body);
    },
  );
  r.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  r.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    const { registry } = app.ctx.metrics;
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
