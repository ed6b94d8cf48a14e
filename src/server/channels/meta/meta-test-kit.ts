// Test helpers for the Meta channels (tests only): a server with one Facebook and one Instagram channel, signed
// deliveries of the documented example payloads in fixtures/, and queries on what got stored.
import { readFileSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { conversations, deadLetters, messages } from '../../db/schema/index.ts';
import type { LightMyRequestResponse } from 'fastify';
import { startTestServer, type Tenant, type TestServer } from '../../testing/test-server.ts';
import { createConfiguredChannel } from '../channels.service.ts';
import { adapterFor, registerAdapter } from '../registry.ts';
import { facebookAdapter, instagramAdapter } from './adapters.ts';
import { signBody } from './meta-signature.ts';

export const PAGE_ID = '105000000000001';
export const IG_ACCOUNT_ID = '17841400000000001';
export const APP_SECRET = 'test-app-secret-0123456789abcdef';
export const VERIFY_TOKEN = 'relais-verify-token';

export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/** The server registers every adapter's routes when it is built: register ours first, once per process. */
export function registerMetaAdapters(): void {
  if (!adapterFor('facebook')) registerAdapter(facebookAdapter);
  if (!adapterFor('instagram')) registerAdapter(instagramAdapter);
}

export const metaSettings = (graphBaseUrl = 'http://127.0.0.1:9') => ({
  appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN, pageAccessToken: 'EAAtest-page-token', graphBaseUrl, graphVersion: 'v21.0',
});

export type MetaTestBed = {
  server: TestServer;
  tenant: Tenant;
  channels: { facebook: { id: string; webhookKey: string }; instagram: { id: string; webhookKey: string } };
  deliver(type: 'facebook' | 'instagram', body: unknown, options?: { signature?: string | null; secret?: string }): Promise<LightMyRequestResponse>;
  messagesOf(channelId: string): Promise<(typeof messages.$inferSelect)[]>;
  conversationOf(id: string): Promise<typeof conversations.$inferSelect>;
  deadLettersOf(channelId: string): Promise<(typeof deadLetters.$inferSelect)[]>;
  close(): Promise<void>;
};

export async function startMetaTestBed(): Promise<MetaTestBed> {
  registerMetaAdapters();
  const server = await startTestServer();
  const tenant = await server.createTenant('meta');
  const { db } = server.database;
  const facebook = await createConfiguredChannel(db, tenant.orgId, { type: 'facebook', name: 'Facebook Page', isPublic: true, settings: { ...metaSettings(), pageId: PAGE_ID } });
  const instagram = await createConfiguredChannel(db, tenant.orgId, { type: 'instagram', name: 'Instagram', isPublic: true, settings: { ...metaSettings(), instagramAccountId: IG_ACCOUNT_ID } });
  const channels = { facebook, instagram };
  return {
    server, tenant, channels,
    deliver(type, body, options = {}) {
      const raw = typeof body === 'string' ? body : JSON.stringify(body);
      const signature = options.signature === undefined ? signBody(options.secret ?? APP_SECRET, raw) : options.signature;
      return server.app.inject({
        method: 'POST', url: `/hooks/${type}/${channels[type].webhookKey}`, payload: raw,
        headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) },
      });
    },
    messagesOf: (channelId) => db.select().from(messages).where(eq(messages.channelId, channelId)).orderBy(asc(messages.createdAt)),
    conversationOf: async (id) => (await db.select().from(conversations).where(and(eq(conversations.id, id))))[0]!,
    deadLettersOf: (channelId) => db.select().from(deadLetters).where(eq(deadLetters.channelId, channelId)).orderBy(asc(deadLetters.createdAt)),
    close: () => server.close(),
  };
}
