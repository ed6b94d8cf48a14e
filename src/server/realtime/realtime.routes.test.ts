import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createConversationRecord } from '../testing/fixtures.ts';
import { createRealtimeBus, type RealtimeBus } from './realtime-bus.ts';
import type { RealtimeEvent } from './realtime-events.ts';
import { startRealtimeTestApp, type RealtimeTestApp } from './realtime-test-app.ts';
import { openSocket, refusedStatus } from './ws-test-client.ts';

describe('GET /api/realtime', () => {
  let server: RealtimeTestApp;
  let bus: RealtimeBus;
  let a: Awaited<ReturnType<RealtimeTestApp['createTenant']>>;
  let b: Awaited<ReturnType<RealtimeTestApp['createTenant']>>;
  const url = (query = '') => `${server.wsBase}/api/realtime${query}`;

  before(async () => {
    server = await startRealtimeTestApp();
    // Publishing from a bus of its own: like a job in another process.
    bus = await createRealtimeBus(server.database);
    a = await server.createTenant();
    b = await server.createTenant();
  });
  after(async () => {
    await bus.close();
    await server.close();
  });

  it('pushes only the caller organization\'s events (tenancy), never the chat plumbing', async () => {
    const agentA = await openSocket(url(`?token=${a.token}`));
    const agentB = await openSocket(url(), { headers: { authorization: `Bearer ${b.token}` } });
    const forB: RealtimeEvent = { kind: 'message.created', conversationId: crypto.randomUUID(), messageId: crypto.randomUUID(), direction: 'inbound' };
    const forA: RealtimeEvent = { kind: 'alert.raised', alertId: crypto.randomUUID() };
    await bus.publish(b.orgId, forB);
    await bus.publish(a.orgId, { kind: 'chat.push', conversationId: crypto.randomUUID(), messageId: crypto.randomUUID() });
    await bus.publish(a.orgId, forA);
    assert.deepEqual(await agentA.next(), forA, 'A\'s first frame is its own event: B\'s and chat.push were not sent');
    assert.deepEqual(await agentB.next(), forB);
    await agentB.expectNone((f) => f.kind === 'alert.raised' || f.kind === 'chat.push');
    await agentA.close();
    await agentB.close();
  });

  it('refuses a caller without valid credentials', async () => {
    assert.equal(await refusedStatus(url()), 401);
    assert.equal(await refusedStatus(url('?token=rls_not-a-token')), 401);
  });

  it('accepts the session cookie from the app\'s own origin only (no cross-site hijacking)', async () => {
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: a.userEmail, password: a.password } });
    assert.equal(login.statusCode, 200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const own = `http://${new URL(server.wsBase).host}`;
    const agent = await openSocket(url(), { headers: { cookie }, origin: own });
    await bus.publish(a.orgId, { kind: 'conversation.updated', conversationId: crypto.randomUUID() });
    assert.equal((await agent.next()).kind, 'conversation.updated');
    await agent.close();
    assert.equal(await refusedStatus(url(), { headers: { cookie }, origin: 'https://evil.example' }), 403);
  });

  it('publishes an agent\'s typing for a conversation of its organization, and refuses another\'s', async () => {
    const convA = await createConversationRecord(server.database.db, a.orgId, a.channelId);
    const convB = await createConversationRecord(server.database.db, b.orgId, b.channelId);
    const heard: Array<{ orgId: string | null; event: { kind: string } }> = [];
    const unsubscribe = bus.subscribe((orgId, event) => heard.push({ orgId, event }));
    const agent = await openSocket(url(`?token=${a.token}`));
    agent.send({ type: 'typing', conversationId: convB.conversation.id });
    assert.equal((await agent.next((f) => f.kind === 'error')).code, 'not_found');
    agent.send({ type: 'typing', conversationId: convA.conversation.id });
    const typing = await agent.next((f) => f.kind === 'typing');
    assert.equal(typing.conversationId, convA.conversation.id);
    assert.equal(typing.actor, 'agent');
    assert.ok(!heard.some((h) => h.orgId === b.orgId), 'nothing was published for the other tenant');
    agent.send({ type: 'nonsense' });
    assert.equal((await agent.next((f) => f.kind === 'error')).code, 'invalid_frame');
    unsubscribe();
    await agent.close();
  });
});
