// Every boundary between the core team, community experts and provider agents, through the HTTP API.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { conversations, messages, notes } from '../db/schema/index.ts';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';
import { createConversationRecord } from '../testing/fixtures.ts';
import { pyramidPeople, type Person } from '../testing/pyramid-people.ts';
import { openSocket } from '../realtime/ws-test-client.ts';
import { publishRealtime } from '../realtime/publish-realtime.ts';

describe('permission boundaries of the pyramid', () => {
  let server: TestServer;
  let tenant: Tenant;
  let people: Awaited<ReturnType<typeof pyramidPeople>>;
  const c: Record<string, string> = {};
  const call = (who: { token: string }, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: bearer(who.token), ...(payload ? { payload } : {}) });
  const admin = () => ({ token: tenant.adminToken });

  before(async () => {
    server = await startTestServer();
    tenant = await server.createTenant();
    people = await pyramidPeople(server, tenant);
    const { db } = server.database;
    const open = async (name: string, fields: Parameters<typeof createConversationRecord>[3], confidential = false) => {
      const { conversation } = await createConversationRecord(db, tenant.orgId, tenant.channelId, { subject: name, ...fields });
      if (confidential) await db.update(conversations).set({ confidential: true }).where(eq(conversations.id, conversation.id));
      c[name] = conversation.id;
    };
    await open('expertQueue', { level: 2, teamId: people.expertTeam.id });
    await open('noTeam', { level: 2, teamId: null });
    await open('otherQueue', { level: 2, teamId: people.otherExpertTeam.id });
    await open('core', { level: 3, teamId: tenant.teamId });
    await open('coreAssignedToExpert', { level: 3, teamId: tenant.teamId, assigneeId: people.expert.id });
    await open('confidential', { level: 2, teamId: people.expertTeam.id }, true);
    await open('confidentialAssigned', { level: 2, teamId: people.expertTeam.id, assigneeId: people.expert.id }, true);
    await open('confidentialTopic', { level: 2, teamId: people.expertTeam.id, intent: 'legal_claim' });
    await open('providerQueue', { level: 2, teamId: people.providerTeam.id });
    await open('providerConfidential', { level: 2, teamId: people.providerTeam.id }, true);
    await open('providerAssigned', { level: 3, teamId: tenant.teamId, assigneeId: people.providerAgent.id });
    const settings = await call(admin(), 'PATCH', '/api/settings', { pyramid: { confidentialTopics: ['legal_claim'] } });
    assert.equal(settings.statusCode, 200);
  });
  after(() => server.close());

  const visible = (): Record<string, [Person | { token: string }, string[]]> => ({
    admin: [admin(), Object.keys(c)],
    agent: [people.agent, Object.keys(c)],
    expert: [people.expert, ['expertQueue', 'noTeam', 'coreAssignedToExpert']],
    otherExpert: [people.otherExpert, ['noTeam', 'otherQueue']],
    loneExpert: [people.loneExpert, ['noTeam']],
    providerAgent: [people.providerAgent, ['providerQueue', 'providerAssigned']],
  });

  it('lists to each caller exactly the conversations of its scope', async () => {
    for (const [who, [caller, expected]] of Object.entries(visible())) {
      const listed = json(await call(caller, 'GET', '/api/conversations?limit=100')).items.map((x: any) => x.id);
      const names = Object.keys(c).filter((name) => listed.includes(c[name]));
      assert.deepEqual(names.sort(), [...expected].sort(), `${who} lists the wrong conversations`);
    }
  });

  it('answers 404 to every read of a conversation out of scope, and 200 within it', async () => {
    for (const [who, [caller, expected]] of Object.entries(visible())) {
      for (const [name, id] of Object.entries(c)) {
        for (const suffix of ['', '/messages', '/notes', '/suggestions']) {
          const res = await call(caller, 'GET', `/api/conversations/${id}${suffix}`);
          const want = expected.includes(name) ? 200 : 404;
          assert.equal(res.statusCode, want, `${who} GET ${name}${suffix}: ${res.body}`);
          if (want === 404) assert.equal(json(res).error.message, 'conversation not found', 'out of scope reads exactly like absent');
        }
      }
    }
  });

  it('refuses every write on a confidential or out-of-queue conversation to experts and provider agents (404)', async () => {
    const writes = (id: string) => [
      ['POST', `/api/conversations/${id}/messages`, { body: 'intrusion' }],
      ['POST', `/api/conversations/${id}/notes`, { body: 'intrusion' }],
      ['PATCH', `/api/conversations/${id}`, { status: 'resolved' }],
      ['POST', `/api/conversations/${id}/escalate`, { note: 'intrusion' }],
    ] as const;
    const { db } = server.database;
    for (const [caller, names] of [
      [people.expert, ['confidential', 'confidentialAssigned', 'confidentialTopic', 'otherQueue', 'core', 'providerQueue']],
      [people.providerAgent, ['providerConfidential', 'expertQueue', 'core', 'confidential']],
    ] as const) {
      for (const name of names) {
        for (const [method, url, payload] of writes(c[name]!)) {
          const res = await call(caller, method, url, payload);
          assert.equal(res.statusCode, 404, `${method} ${url} (${name}) gave ${res.statusCode}`);
        }
      }
    }
    const written = await db.select().from(messages).where(eq(messages.body, 'intrusion'));
    const noted = await db.select().from(notes).where(eq(notes.body, 'intrusion'));
    assert.deepEqual([written.length, noted.length], [0, 0]);
    const untouched = await db.select({ status: conversations.status }).from(conversations).where(eq(conversations.id, c.confidential!));
    assert.equal(untouched[0]!.status, 'open');
  });

  it('lets an expert answer and note within its scope, as an expert', async () => {
    const reply = await call(people.expert, 'POST', `/api/conversations/${c.expertQueue}/messages`, { body: 'Voici comment faire.' });
    assert.equal(reply.statusCode, 201);
    assert.equal(json(reply).authorKind, 'expert');
    assert.equal((await call(people.expert, 'POST', `/api/conversations/${c.expertQueue}/notes`, { body: 'à vérifier' })).statusCode, 201);
  });

  it('gives experts 403 on contacts, users, settings, tokens, channels, templates, alerts and the core team\'s powers', async () => {
    const { conversation } = await createConversationRecord(server.database.db, tenant.orgId, tenant.channelId, { level: 2, teamId: people.expertTeam.id });
    const routes: [string, string, object?][] = [
      ['GET', '/api/contacts'], ['GET', `/api/contacts/${conversation.contactId}`], ['PATCH', `/api/contacts/${conversation.contactId}`, { name: 'x' }],
      ['POST', '/api/contacts', { name: 'x' }], ['GET', '/api/users'], ['GET', `/api/users/${tenant.adminId}`], ['GET', '/api/settings'],
      ['PATCH', '/api/settings', { pyramid: { expertVisibleFields: ['email'] } }], ['GET', '/api/tokens'], ['POST', '/api/tokens', { userId: people.expert.id, name: 'x' }],
      ['GET', '/api/channels'], ['POST', '/api/channels', { type: 'api', name: 'x', settings: {} }], ['GET', '/api/templates'], ['GET', '/api/alerts'],
      ['GET', '/api/experts'], ['POST', '/api/experts', { contactId: conversation.contactId }],
      ['POST', `/api/conversations/${conversation.id}/instructions`, { body: 'x' }], ['POST', `/api/conversations/${conversation.id}/takeover`],
    ];
    for (const [method, url, payload] of routes) {
      const res = await call(people.expert, method as 'GET', url, payload);
      assert.equal(res.statusCode, 403, `${method} ${url} gave ${res.statusCode}`);
    }
    // Provider agents escalate too, but neither give instructions nor take over.
    for (const url of [`/api/conversations/${c.providerQueue}/instructions`, `/api/conversations/${c.providerQueue}/takeover`]) {
      assert.equal((await call(people.providerAgent, 'POST', url, { body: 'x' })).statusCode, 403);
    }
  });

  it('lets experts resolve, tag and pick, but only the core team moves a conversation or marks it confidential', async () => {
    const { conversation } = await createConversationRecord(server.database.db, tenant.orgId, tenant.channelId, { level: 2, teamId: null });
    const url = `/api/conversations/${conversation.id}`;
    for (const payload of [{ level: 3 }, { teamId: people.otherExpertTeam.id }, { assigneeId: people.otherExpert.id }, { confidential: true }, { priority: 4 }]) {
      const res = await call(people.expert, 'PATCH', url, payload);
      assert.equal(res.statusCode, 403, JSON.stringify(payload));
      assert.match(json(res).error.message, /only the core team/);
    }
    const picked = await call(people.expert, 'PATCH', url, { assigneeId: people.expert.id, tags: ['vélo'] });
    assert.equal(picked.statusCode, 200);
    assert.deepEqual([json(picked).assigneeId, json(picked).tags], [people.expert.id, ['vélo']]);
  });

  it('takes a conversation away from the expert and the provider at once when the core team marks it confidential', async () => {
    const { db } = server.database;
    const { conversation } = await createConversationRecord(db, tenant.orgId, tenant.channelId, { level: 2, teamId: people.expertTeam.id, assigneeId: people.expert.id });
    const url = `/api/conversations/${conversation.id}`;
    assert.equal((await call(people.expert, 'GET', url)).statusCode, 200);
    const marked = await call(people.agent, 'PATCH', url, { confidential: true });
    assert.equal(marked.statusCode, 200);
    assert.equal(json(marked).confidential, true);
    assert.equal((await call(people.expert, 'GET', url)).statusCode, 404);
    assert.equal((await call(people.expert, 'POST', `${url}/messages`, { body: 'encore moi' })).statusCode, 404);
    const listed = json(await call(people.expert, 'GET', '/api/conversations?limit=100')).items.map((x: any) => x.id);
    assert.ok(!listed.includes(conversation.id));
    assert.equal((await call(people.agent, 'GET', url)).statusCode, 200, 'the core team keeps it');
    assert.equal((await call(people.agent, 'PATCH', url, { confidential: false })).statusCode, 200);
    assert.equal((await call(people.expert, 'GET', url)).statusCode, 200, 'and gives it back');
  });

  it('shows experts and provider agents instructions, escalations and their own notes, never the core team\'s plain notes', async () => {
    const { conversation } = await createConversationRecord(server.database.db, tenant.orgId, tenant.channelId, { level: 2, teamId: null });
    const url = `/api/conversations/${conversation.id}`;
    await call(people.agent, 'POST', `${url}/notes`, { body: 'Client difficile, geste commercial possible jusqu’à 50 €' });
    const instruction = await call(people.agent, 'POST', `${url}/instructions`, { body: 'Proposez l’échange standard.' });
    assert.equal(instruction.statusCode, 201);
    assert.equal(json(instruction).kind, 'instruction');
    await call(people.expert, 'POST', `${url}/notes`, { body: 'Je m’en occupe.' });
    await call(people.otherExpert, 'POST', `${url}/notes`, { body: 'Note d’un autre expert.' });
    const seen = json(await call(people.expert, 'GET', `${url}/notes`)).items.map((n: any) => [n.kind, n.body]);
    assert.deepEqual(seen, [['instruction', 'Proposez l’échange standard.'], ['note', 'Je m’en occupe.']]);
    const core = json(await call(people.agent, 'GET', `${url}/notes`)).items.map((n: any) => n.kind);
    assert.deepEqual(core, ['note', 'instruction', 'note', 'note'], 'the core team reads every note');
  });

  it('never lets an expert publish an article, neither by creating nor by editing it', async () => {
    const created = await call(people.expert, 'POST', '/api/articles', { slug: 'velo-pneu', language: 'fr', title: 'Pneu', body: 'Gonflez.', status: 'published' });
    assert.equal(created.statusCode, 403);
    const draft = json(await call(people.expert, 'POST', '/api/articles', { slug: 'velo-pneu', language: 'fr', title: 'Pneu', body: 'Gonflez.' }));
    assert.equal(draft.status, 'draft');
    for (const status of ['published', 'archived']) {
      assert.equal((await call(people.expert, 'PATCH', `/api/articles/${draft.id}`, { status })).statusCode, 403);
    }
    const published = json(await call(people.agent, 'PATCH', `/api/articles/${draft.id}`, { status: 'published' }));
    assert.equal(published.status, 'published');
    const edited = json(await call(people.expert, 'PATCH', `/api/articles/${draft.id}`, { body: 'Gonflez à 3 bars.' }));
    assert.equal(edited.status, 'in_review', "an expert's edit of a published article goes back to review");
  });

  it('pushes to an expert\'s realtime feed only the events of conversations in its scope, and stops when one leaves it', async () => {
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as { port: number };
    const socket = await openSocket(`ws://127.0.0.1:${port}/api/realtime?token=${people.expert.token}`);
    const core = await openSocket(`ws://127.0.0.1:${port}/api/realtime?token=${people.agent.token}`);
    const { db } = server.database;
    const { conversation } = await createConversationRecord(db, tenant.orgId, tenant.channelId, { level: 2, teamId: people.expertTeam.id });
    const publish = (conversationId: string) => publishRealtime(db, tenant.orgId, { kind: 'conversation.updated', conversationId });
    await publish(c.otherQueue!);
    await publish(c.confidential!);
    await publishRealtime(db, tenant.orgId, { kind: 'alert.raised', alertId: crypto.randomUUID(), conversationId: conversation.id });
    await publish(conversation.id);
    assert.deepEqual(await socket.next(), { kind: 'conversation.updated', conversationId: conversation.id }, 'the first event it hears is its own queue\'s');
    await db.update(conversations).set({ confidential: true }).where(eq(conversations.id, conversation.id));
    await publish(conversation.id);
    await socket.expectNone((f) => f.conversationId === conversation.id, 400);
    // The core team watches everything live, the other queue's and the confidential conversation included.
    const heard = new Set<string>();
    while (heard.size < 3) heard.add((await core.next((f) => f.kind === 'conversation.updated')).conversationId);
    assert.deepEqual([...heard].sort(), [c.otherQueue!, c.confidential!, conversation.id].sort());
    await socket.close();
    await core.close();
  });
});
