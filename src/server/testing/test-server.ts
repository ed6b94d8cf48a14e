// Builds a complete Relais server in-process on a fresh database, with helpers to make tenants and callers.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../config.ts';
import { buildApp } from '../http/app.ts';
import { createMetrics } from '../ops/metrics.ts';
import type { Role } from '../db/schema/index.ts';
import { createBrand, createChannel, createTeam } from '../organizations/organizations.service.ts';
import { createUser } from '../accounts/users.service.ts';
import { createApiToken } from '../accounts/api-tokens.service.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import type { LlmClient } from '../triage/generative/llm-client.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { randomBytes } from 'node:crypto';
import { createSecretBox } from '../channels/channel-secrets.ts';
import { useSecretBox } from '../channels/channels.service.ts';

export type TestServer = {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
  /** A new brand with one chat channel and an admin holding an API token. */
  createTenant(label?: string): Promise<Tenant>;
};

export type Tenant = {
  orgId: string;
  channelId: string;
  teamId: string;
  adminToken: string;
  adminId: string;
  addUser(role: Role, options?: { password?: string; email?: string }): Promise<{ id: string; email: string; token: string }>;
};

let counter = 0;
const unique = (label: string) => `${label}-${process.pid}-${++counter}-${Date.now().toString(36)}`;

export async function startTestServer(env: Record<string, string> = {}, extra: { llm?: LlmClient; queue?: JobQueue } = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  // Channel credentials are sealed with a throwaway key per test server.
  useSecretBox(createSecretBox(randomBytes(32).toString('hex')));
  const config = loadConfig({ RELAIS_LOG_LEVEL: 'silent', ...env });
  const app = await buildApp({ config, database, metrics: createMetrics(), startedAt: new Date(), llm: extra.llm, queue: extra.queue });
  await app.ready();
  const system = { kind: 'system' as const };

  async function createTenant(label = 'brand'): Promise<Tenant> {
    const { db } = database;
    const slug = unique(label);
    const org = await createBrand(db, { name: `Brand ${slug}`, slug });
    const channel = await createChannel(db, org.id, { type: 'chat', name: 'Chat' });
    const team = await createTeam(db, org.id, { name: 'Core', level: 3 });
    const addUser: Tenant['addUser'] = async (role, options = {}) => {
      const email = options.email ?? `${role}.${unique('u')}@example.test`;
      const user = await createUser(db, org.id, { email, name: `${role} ${slug}`, role, password: options.password, teamId: team.id }, system);
      const { token } = await createApiToken(db, org.id, user.id, 'test', null);
      return { id: user.id, email, token };
    };
    const admin = await addUser('admin');
    return { orgId: org.id, channelId: channel.id, teamId: team.id, adminToken: admin.token, adminId: admin.id, addUser };
  }

  return {
    app,
    database,
    createTenant,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const json = <T = any>(res: LightMyRequestResponse): T => JSON.parse(res.body) as T;
