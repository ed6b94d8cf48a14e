import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asc, eq } from 'drizzle-orm';
import { conversations, messages, outbox, routingDecisions, teams } from '../db/schema/index.ts';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';
import { createConversationRecord } from '../testing/fixtures.ts';
import { pyramidPeople } from '../testing/pyramid-people.ts';
import { openSocket } from '../realtime/ws-test-client.ts';

describe('escalation to the core team, instructions and takeover', () => {
  let server: TestServer;
  let tenant: Tenant;
  let people: Awaited<ReturnType<typeof pyramidPeople>>;
  const post = (token: string, url: string, payload?: object) => server.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const get = (token: string, url: string) => server.app.inject({ method: 'GET', url, headers: bearer(token) });

  before(async () => {
    server = await startTestServer();
    tenant = await server.createTenant();
    people = await pyramidPeople(server, tenant);
  });
  after(() => server.close());

  it('follows a conversation from the expert to the core team and back to one continuous thread, with its history', async () => {
    const { db } = server.database;
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as { port: number };
    const watcher = await openSocket(`ws://127.0.0.1:${port}/api/realtime?token=${people.agent.token}`);
    const { conversation } = await createConversationRecord(db, tenant.orgId, tenant.channelId, { level: 2, teamId: people.expertTeam.id, assigneeId: people.expert.id });
    const url = `/api/conversations/${conversation.id}`;

    // The core team watches live and instructs the expert.
    assert.equal((await post(people.expert.token, `${url}/messages`, { body: 'Je regarde votre cas.' })).statusCode, 201);
    assert.equal((await watcher.next((f) => f.kind === 'message.created' && f.conversationId === conversation.id)).direction, 'outbound');
    const instruction = await post(people.agent.token, `${url}/instructions`, { body: 'Demandez la date d’achat.' });
    assert.equal(instruction.statusCode, 201);
    assert.deepEqual(json(await get(people.expert.token, `${url}/notes`)).items.map((n: any) => n.body), ['Demandez la date d’achat.']);

    // Beyond the expert's competence: level 3, the core team's queue, unassigned, with the note.
    assert.equal((await post(people.expert.token, `${url}/escalate`, { note: '' })).statusCode, 422, 'a note is required');
    assert.equal((await post(people.expert.token, `${url}/escalate`, { note: 'x'.repeat(2001) })).statusCode, 422);
    const escalated = await post(people.expert.token, `${url}/escalate`, { note: 'Question de garantie légale : hors de ma compétence.' });
    assert.equal(escalated.statusCode, 200, escalated.body);
    assert.deepEqual([json(escalated).level, json(escalated).teamId, json(escalated).unrouted], [3, tenant.teamId, false]);
    await watcher.next((f) => f.kind === 'conversation.updated' && f.conversationId === conversation.id);
    const afterEscalation = json(await get(people.agent.token, url));
    assert.deepEqual([afterEscalation.level, afterEscalation.teamId, afterEscalation.assigneeId], [3, tenant.teamId, null]);
    assert.equal((await get(people.expert.token, url)).statusCode, 404, 'the expert no longer has it');
    assert.equal((await post(people.expert.token, `${url}/escalate`, { note: 'encore' })).statusCode, 404);
    const coreNotes = json(await get(people.agent.token, `${url}/notes`)).items;
    assert.deepEqual(coreNotes.map((n: any) => n.kind), ['instruction', 'escalation']);

    // A core agent takes it over: assigned to them, same conversation, same thread, nothing sent to the customer.
    const before = await db.select({ id: messages.id }).from(messages).where(eq(messages.conversationId, conversation.id));
    const taken = await post(people.agent.token, `${url}/takeover`);
    assert.equal(taken.statusCode, 200, taken.body);
    assert.deepEqual([json(taken).id, json(taken).level, json(taken).assigneeId, json(taken).teamId], [conversation.id, 3, people.agent.id, tenant.teamId]);
    const afterTakeover = await db.select({ id: messages.id }).from(messages).where(eq(messages.conversationId, conversation.id));
    assert.equal(afterTakeover.length, before.length, 'taking over writes nothing in the thread');
    const reply = json(await post(people.agent.token, `${url}/messages`, { body: 'Je reprends votre dossier.' }));
    assert.equal(reply.conversationId, conversation.id);
    const [queued] = await db.select().from(outbox).where(eq(outbox.messageId, reply.id));
    assert.equal(queued!.channelId, conversation.channelId, 'the reply leaves on the same channel thread');
    const thread = json(await get(people.agent.token, `${url}/messages`)).items.map((m: any) => m.authorKind);
    assert.deepEqual(thread, ['customer', 'expert', 'agent']);

    // The history says who moved it, from where to where, and why.
    const history = await db.select().from(routingDecisions).where(eq(routingDecisions.conversationId, conversation.id)).orderBy(asc(routingDecisions.createdAt));
    assert.deepEqual(history.map((d) => [d.kind, d.fromLevel, d.toLevel, d.fromAssigneeId, d.toAssigneeId, d.actorUserId]), [
      ['escalate', 2, 3, people.expert.id, null, people.expert.id],
      ['takeover', 3, 3, null, people.agent.id, people.agent.id],
    ]);
    assert.equal(history[0]!.note, 'Question de garantie légale : hors de ma compétence.');
    assert.equal(history[0]!.fromTeamId, people.expertTeam.id);
    const again = await post(people.agent.token, `${url}/takeover`);
    assert.equal(again.statusCode, 200);
    assert.equal((await db.select().from(routingDecisions).where(eq(routingDecisions.conversationId, conversation.id))).length, 2, 'taking over what one holds changes nothing');
    await watcher.close();
  });

  it('takes over an expert\'s conversation directly: the expert loses it', async () => {
    const { conversation } = await createConversationRecord(server.database.db, tenant.orgId, tenant.channelId, { level: 2, teamId: people.otherExpertTeam.id, assigneeId: people.otherExpert.id });
    const url = `/api/conversations/${conversation.id}`;
    assert.equal((await get(people.otherExpert.token, url)).statusCode, 200);
    assert.equal((await post(people.agent.token, `${url}/takeover`)).statusCode, 200);
    assert.equal((await get(people.otherExpert.token, url)).statusCode, 404);
    const [decision] = await server.database.db.select().from(routingDecisions).where(eq(routingDecisions.conversationId, conversation.id));
    assert.deepEqual([decision!.kind, decision!.fromLevel, decision!.fromAssigneeId], ['takeover', 2, people.otherExpert.id]);
  });

  it('lets a provider agent escalate too, and leaves the conversation unrouted when there is no core team', async () => {
    const other = await server.createTenant('no-core');
    const { db } = server.database;
    await db.update(teams).set({ level: null }).where(eq(teams.id, other.teamId)); // its only team is no level-3 queue
    const otherPeople = await pyramidPeople(server, other);
    const { conversation } = await createConversationRecord(db, other.orgId, other.channelId, { level: 2, teamId: otherPeople.providerTeam.id });
    const res = await post(otherPeople.providerAgent.token, `/api/conversations/${conversation.id}/escalate`, { note: 'Geste commercial au-delà de notre délégation.' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([json(res).teamId, json(res).unrouted], [null, true]);
    const [row] = await db.select().from(conversations).where(eq(conversations.id, conversation.id));
    assert.deepEqual([row!.level, row!.unrouted, row!.teamId], [3, true, null]);
    assert.equal((await get(otherPeople.providerAgent.token, `/api/conversations/${conversation.id}`)).statusCode, 404);
    assert.equal((await post(people.expert.token, `/api/conversations/${conversation.id}/escalate`, { note: 'x' })).statusCode, 404, 'another tenant');
  });

  it('refuses instructions and takeover on what does not exist, and escalation to the core team itself', async () => {
    const missing = crypto.randomUUID();
    assert.equal((await post(people.agent.token, `/api/conversations/${missing}/instructions`, { body: 'x' })).statusCode, 404);
    assert.equal((await post(people.agent.token, `/api/conversations/${missing}/takeover`)).statusCode, 404);
    const { conversation } = await createConversationRecord(server.database.db, tenant.orgId, tenant.channelId, { level: 3 });
    assert.equal((await post(people.agent.token, `/api/conversations/${conversation.id}/escalate`, { note: 'x' })).statusCode, 403);
    assert.equal((await post(people.agent.token, `/api/conversations/${conversation.id}/instructions`, { body: '  ' })).statusCode, 422);
  });
});
