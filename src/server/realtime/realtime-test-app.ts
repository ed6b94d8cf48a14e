// Tests only: the real app (buildApp) with GET /api/realtime, listening on a free port. startTestServer cannot add
// the route: it makes the app ready first.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config.ts';
import { buildApp } from '../http/app.ts';
import { createMetrics } from '../ops/metrics.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { createSecretBox } from '../channels/channel-secrets.ts';
import { useSecretBox } from '../channels/channels.service.ts';
import { createBrand, createChannel } from '../organizations/organizations.service.ts';
import { createUser } from '../accounts/users.service.ts';
import { createApiToken } from '../accounts/api-tokens.service.ts';
import { realtimeRoutes } from './realtime.routes.ts';

export type RealtimeTestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  /** ws://127.0.0.1:<port> */
  wsBase: string;
  createTenant(): Promise<{ orgId: string; channelId: string; userEmail: string; password: string; token: string }>;
  close(): Promise<void>;
};

let counter = 0;

export async function startRealtimeTestApp(): Promise<RealtimeTestApp> {
  const database = await createTestDatabase();
  useSecretBox(createSecretBox(randomBytes(32).toString('hex')));
  const config = loadConfig({ RELAIS_LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, database, metrics: createMetrics(), startedAt: new Date() });
  // Until http/app.ts registers it (then this is a no-op).
  if (!app.hasRoute({ method: 'GET', url: '/api/realtime' })) await app.register(realtimeRoutes, { prefix: '/api' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    app, database, wsBase: `ws://127.0.0.1:${port}`,
    async createTenant() {
      const { db } = database;
      const slug = `rt-${process.pid}-${++counter}-${Date.now().toString(36)}`;
      const org = await createBrand(db, { name: `Brand ${slug}`, slug });
      const channel = await createChannel(db, org.id, { type: 'chat', name: 'Chat' });
      const password = 'correct horse battery staple';
      const userEmail = `agent.${slug}@example.test`;
      const user = await createUser(db, org.id, { email: userEmail, name: 'Agent', role: 'agent', password }, { kind: 'system' });
      const { token } = await createApiToken(db, org.id, user.id, 'test', null);
      return { orgId: org.id, channelId: channel.id, userEmail, password, token };
    },
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
