// The outbox's own rules, with the real API channel adapter delivering to a local webhook receiver.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { outbox } from '../db/schema/index.ts';
import { createChannel } from '../organizations/organizations.service.ts';
import { createConfiguredChannel } from '../channels/channels.service.ts';
import { createConversationRecord } from '../testing/fixtures.ts';
import { startHttpRecorder } from '../testing/local-receivers.ts';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';
import { MAX_ATTEMPTS, backoffMs, dispatchDue } from './dispatch-outbox.ts';

describe('outbox dispatcher', () => {
  let server: TestServer;
  let tenant: Tenant;
  let receiver: Awaited<ReturnType<typeof startHttpRecorder>>;
  let answer = 503;
  before(async () => {
    server = await startTestServer();
    tenant = await server.createTenant();
    receiver = await startHttpRecorder(() => ({ status: answer, body: { id: 'ext-1' } }));
  });
  after(async () => {
    await receiver.close();
    await server.close();
  });

  const reply = async (channelId: string) => {
    const { conversation } = await createConversationRecord(server.database.db, tenant.orgId, channelId);
    return json(await server.app.inject({ method: 'POST', url: `/api/conversations/${conversation.id}/messages`, headers: bearer(tenant.adminToken), payload: { body: 'Bonjour' } }));
  };
  const rowOf = async (messageId: string) => (await server.database.db.select().from(outbox).where(eq(outbox.messageId, messageId)))[0]!;

  it('backs off exponentially, with jitter, up to an hour', () => {
    assert.equal(backoffMs(1, () => 0.5), 5_000);
    assert.equal(backoffMs(3, () => 0.5), 20_000);
    assert.equal(backoffMs(20, () => 0.5), 3_600_000);
    assert.ok(backoffMs(2, () => 0) < backoffMs(2, () => 1));
  });

  it('retries a temporary failure, then delivers and records the vendor id', async () => {
    const channel = await createConfiguredChannel(server.database.db, tenant.orgId, { type: 'api', name: 'ERP', settings: { webhookUrl: `${receiver.url}/hook` } });
    const message = await reply(channel.id);
    await dispatchDue(server.database.db);
    let row = await rowOf(message.id);
    assert.equal(row.status, 'retrying');
    assert.match(row.lastError!, /503/);
    assert.ok(row.nextAttemptAt.getTime() > Date.now());
    answer = 200;
    await server.database.db.update(outbox).set({ nextAttemptAt: new Date(0) }).where(eq(outbox.id, row.id));
    await dispatchDue(server.database.db);
    row = await rowOf(message.id);
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 2);
    const thread = json(await server.app.inject({ method: 'GET', url: `/api/conversations/${message.conversationId}/messages`, headers: bearer(tenant.adminToken) }));
    assert.equal(thread.items.find((m: any) => m.id === message.id).delivery.status, 'sent');
  });

  it('fails at once, with the reason, on a channel with no credentials, and after the last attempt otherwise', async () => {
    const bare = await createChannel(server.database.db, tenant.orgId, { type: 'sms', name: 'SMS sans identifiants' });
    const message = await reply(bare.id);
    await dispatchDue(server.database.db);
    const row = await rowOf(message.id);
    assert.equal(row.status, 'failed');
    assert.match(row.lastError!, /not configured/);

    answer = 500;
    const channel = await createConfiguredChannel(server.database.db, tenant.orgId, { type: 'api', name: 'ERP 2', settings: { webhookUrl: `${receiver.url}/hook` } });
    const doomed = await reply(channel.id);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await server.database.db.update(outbox).set({ nextAttemptAt: new Date(0) }).where(eq(outbox.messageId, doomed.id));
      await dispatchDue(server.database.db);
    }
    const last = await rowOf(doomed.id);
    assert.equal(last.status, 'failed');
    assert.equal(last.attempts, MAX_ATTEMPTS);
  });

  it('takes back a reply whose sending process died (expired lease)', async () => {
    answer = 200;
    const channel = await createConfiguredChannel(server.database.db, tenant.orgId, { type: 'api', name: 'ERP 3', settings: { webhookUrl: `${receiver.url}/hook` } });
    const message = await reply(channel.id);
    await server.database.db.update(outbox).set({ status: 'sending', leaseUntil: new Date(Date.now() - 1000) }).where(eq(outbox.messageId, message.id));
    await dispatchDue(server.database.db);
    assert.equal((await rowOf(message.id)).status, 'sent');
  });
});
