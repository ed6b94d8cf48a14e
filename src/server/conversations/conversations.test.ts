import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { events, outbox, teams } from '../db/schema/index.ts';
import { createChannel } from '../organizations/organizations.service.ts';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';
import { createConversationRecord } from '../testing/fixtures.ts';

describe('conversations API', () => {
  let server: TestServer;
  let tenant: Tenant;
  let emailChannelId: string;
  const get = (url: string) => server.app.inject({ method: 'GET', url, headers: bearer(tenant.adminToken) });

  before(async () => {
    server = await startTestServer();
    tenant = await server.createTenant();
    const { db } = server.database;
    emailChannelId = (await createChannel(db, tenant.orgId, { type: 'email', name: 'Support' })).id;
    const base = Date.UTC(2026, 10, 1);
    // 30 conversations, one a minute, with known attributes to filter on.
    for (let i = 0; i < 30; i++) {
      await createConversationRecord(db, tenant.orgId, i % 3 === 0 ? emailChannelId : tenant.channelId, {
        at: new Date(base + i * 60_000),
        level: (i % 3) + 1,
        severity: i === 7 ? 'crisis' : i % 2 ? 'complaint' : 'normal',
        language: i % 4 === 0 ? 'en' : 'fr',
        status: i < 5 ? 'resolved' : 'open',
        subject: `Demande ${i}`,
      });
    }
  });
  after(() => server.close());

  it('lists most recent first and pages through everything with the cursor, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = json(await get(`/api/conversations?limit=7${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...page.items.map((c: any) => c.subject));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    assert.equal(pages, 5);
    assert.equal(seen.length, 30);
    assert.equal(new Set(seen).size, 30);
    assert.equal(seen[0], 'Demande 29');
    assert.equal(seen[29], 'Demande 0');
  });

  it('filters by level, severity, language, status and channel type', async () => {
    const level2 = json(await get('/api/conversations?level=2&limit=100')).items;
    assert.equal(level2.length, 10);
    assert.ok(level2.every((c: any) => c.level === 2));
    const crisis = json(await get('/api/conversations?severity=crisis')).items;
    assert.deepEqual(crisis.map((c: any) => c.subject), ['Demande 7']);
    const english = json(await get('/api/conversations?language=en&limit=100')).items;
    assert.equal(english.length, 8);
    const resolved = json(await get('/api/conversations?status=resolved&limit=100')).items;
    assert.equal(resolved.length, 5);
    const email = json(await get('/api/conversations?channelType=email&limit=100')).items;
    assert.equal(email.length, 10);
    assert.ok(email.every((c: any) => c.channel.type === 'email'));
    const combined = json(await get('/api/conversations?channelType=email&level=1&status=open&limit=100')).items;
    assert.ok(combined.length > 0 && combined.every((c: any) => c.level === 1 && c.status === 'open' && c.channel.type === 'email'));
  });

  it('changes a conversation, stamps the resolution and audits the change', async () => {
    const [first] = json(await get('/api/conversations?status=open&limit=1')).items;
    const agent = await tenant.addUser('agent');
    const res = await server.app.inject({
      method: 'PATCH', url: `/api/conversations/${first.id}`, headers: bearer(tenant.adminToken),
      payload: { status: 'resolved', level: 3, assigneeId: agent.id, tags: ['vip'] },
    });
    assert.equal(res.statusCode, 200);
    const body = json(res);
    assert.equal(body.status, 'resolved');
    assert.equal(body.assigneeId, agent.id);
    assert.ok(body.resolvedAt);
    const audit = await server.database.db.select().from(events).where(eq(events.subjectId, first.id));
    assert.equal(audit.length, 1);
    assert.deepEqual((audit[0]!.data as any).status, { from: 'open', to: 'resolved' });
    const assigned = json(await get(`/api/conversations?assigneeId=${agent.id}`)).items;
    assert.deepEqual(assigned.map((c: any) => c.id), [first.id]);
  });

  it('keeps the thread in order and records the first response time', async () => {
    const { conversation } = await createConversationRecord(server.database.db, tenant.orgId, tenant.channelId);
    const url = `/api/conversations/${conversation.id}/messages`;
    const first = await server.app.inject({ method: 'POST', url, headers: bearer(tenant.adminToken), payload: { body: 'Bonjour, nous regardons.' } });
    assert.equal(first.statusCode, 201);
    assert.equal(json(first).direction, 'outbound');
    assert.equal(json(first).authorKind, 'agent');
    await server.app.inject({ method: 'POST', url, headers: bearer(tenant.adminToken), payload: { body: 'Voici la réponse.' } });
    const thread = json(await get(url)).items;
    assert.deepEqual(thread.map((m: any) => m.direction), ['inbound', 'outbound', 'outbound']);
    const after = json(await get(`/api/conversations/${conversation.id}`));
    assert.equal(after.firstResponseAt, json(first).createdAt);
    const empty = await server.app.inject({ method: 'POST', url, headers: bearer(tenant.adminToken), payload: { body: '   ' } });
    assert.equal(empty.statusCode, 422);
  });

  it("signs a reply with its author's team signature and queues it for delivery", async () => {
    await server.database.db.update(teams).set({ signature: "L'équipe Relais" }).where(eq(teams.id, tenant.teamId));
    const { conversation } = await createConversationRecord(server.database.db, tenant.orgId, tenant.channelId);
    const reply = json(await server.app.inject({ method: 'POST', url: `/api/conversations/${conversation.id}/messages`, headers: bearer(tenant.adminToken), payload: { body: 'Bonjour' } }));
    assert.equal(reply.metadata.signature, "L'équipe Relais");
    assert.equal(reply.delivery.status, 'queued');
    const [queued] = await server.database.db.select().from(outbox).where(eq(outbox.messageId, reply.id));
    assert.equal(queued!.status, 'pending');
  });

  it('keeps internal notes apart from the thread', async () => {
    const { conversation } = await createConversationRecord(server.database.db, tenant.orgId, tenant.channelId);
    const note = await server.app.inject({ method: 'POST', url: `/api/conversations/${conversation.id}/notes`, headers: bearer(tenant.adminToken), payload: { body: 'Client fidèle, geste possible.' } });
    assert.equal(note.statusCode, 201);
    const notes = json(await get(`/api/conversations/${conversation.id}/notes`)).items;
    assert.equal(notes.length, 1);
    const thread = json(await get(`/api/conversations/${conversation.id}/messages`)).items;
    assert.ok(!JSON.stringify(thread).includes('geste possible'));
  });
});
