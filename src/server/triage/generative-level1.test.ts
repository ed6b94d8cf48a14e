// Level 1 with a language model configured (a local server speaking the Chat Completions API): a question no
// intent covers is answered from the knowledge base with citations; a crisis never reaches the model.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { conversations, messages, users } from '../db/schema/index.ts';
import { createTeam } from '../organizations/organizations.service.ts';
import { receiveInboundMessage } from '../intake/receive-inbound-message.ts';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';
import { startFakeChatServer, type FakeChatServer } from './generative/fake-chat-completions-server.ts';
import { createLlmClient } from './generative/llm-client.ts';
import { triageStoredMessage, type TriageDeps } from './apply-triage.ts';

describe('generative level 1 and suggestions', () => {
  let server: TestServer;
  let tenant: Tenant;
  let chat: FakeChatServer;
  let deps: TriageDeps;

  before(async () => {
    chat = await startFakeChatServer();
    const llm = createLlmClient({ baseUrl: chat.baseUrl, model: 'local-model', apiKey: 'secret-key', timeoutMs: 5000 });
    server = await startTestServer({}, { llm });
    tenant = await server.createTenant();
    deps = { db: server.database.db, mail: { smtpUrl: undefined, from: 'x@y' }, llm };
    // A community experts' queue: what level 1 cannot answer stays at level 2.
    const experts = await createTeam(server.database.db, tenant.orgId, { name: 'Experts', level: 2 });
    const expert = await tenant.addUser('expert');
    await server.database.db.update(users).set({ teamId: experts.id }).where(eq(users.id, expert.id));
    await server.app.inject({ method: 'POST', url: '/api/articles', headers: bearer(tenant.adminToken), payload: {
      slug: 'velo-a-bord', language: 'fr', title: 'Voyager avec son vélo', status: 'published',
      body: 'Les vélos voyagent gratuitement dans les TER, dans la limite des places disponibles. Les vélos pliés sont acceptés comme bagages.',
    } });
  });
  after(async () => {
    await server.close();
    await chat.close();
  });

  const receive = (text: string, id: string) => receiveInboundMessage(server.database.db, {
    orgId: tenant.orgId, channelId: tenant.channelId, sender: { externalId: `v-${id}` }, text, externalId: id,
  });

  it('answers from a cited article when no intent model matches, and asks the two questions', async () => {
    chat.answer({ reply: 'Oui, les vélos voyagent gratuitement dans les TER, selon les places disponibles [1].' });
    const { messageId, conversationId } = await receive('Est-ce que je peux voyager avec mon vélo dans le TER ?', 'g1');
    const outcome = await triageStoredMessage(deps, messageId);
    assert.equal(outcome.result!.decision, 'auto_answer', outcome.result!.reasons.join('\n'));
    const request = chat.requests.at(-1)!;
    assert.equal(request.headers.authorization, 'Bearer secret-key');
    assert.equal(request.body.model, 'local-model');
    assert.match(JSON.stringify(request.body.messages), /Voyager avec son vélo/);
    const thread = await server.database.db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(messages.createdAt);
    assert.equal(thread.length, 2);
    assert.match(thread[1]!.body, /gratuitement/);
    assert.equal((thread[1]!.metadata as any).citations[0].title, 'Voyager avec son vélo');
  });

  it('abstains and hands over when the model cites nothing', async () => {
    chat.answer({ reply: 'Bien sûr, aucun problème !' });
    const { messageId, conversationId } = await receive('Les vélos voyagent-ils gratuitement dans les TER ?', 'g2');
    const outcome = await triageStoredMessage(deps, messageId);
    assert.notEqual(outcome.result!.decision, 'auto_answer');
    assert.ok(outcome.result!.reasons.some((r) => /generative: abstained \(no_citation/.test(r)), outcome.result!.reasons.join('\n'));
    const [conversation] = await server.database.db.select().from(conversations).where(eq(conversations.id, conversationId));
    assert.equal(conversation!.level, 2);
  });

  it('never sends a crisis message to the model', async () => {
    const before = chat.requests.length;
    const { messageId } = await receive('je vais me suicider ce soir, mon vélo ne sert plus à rien', 'g3');
    const outcome = await triageStoredMessage(deps, messageId);
    assert.equal(outcome.result!.severity, 'crisis');
    assert.equal(chat.requests.length, before);
  });

  it('suggests articles and drafts a reply for the agent', async () => {
    const { conversationId } = await receive('vélo dans le TER gratuit ?', 'g4');
    chat.answer({ reply: 'Bonjour, votre vélo voyage gratuitement dans le TER [1].' });
    const res = await server.app.inject({ method: 'GET', url: `/api/conversations/${conversationId}/suggestions?draft=true`, headers: bearer(tenant.adminToken) });
    assert.equal(res.statusCode, 200);
    const body = json(res);
    assert.equal(body.hits[0].title, 'Voyager avec son vélo');
    assert.match(body.draft.text, /gratuitement/);
    chat.answer({ reply: '- Le client demande si le vélo est gratuit.' });
    const summary = await server.app.inject({ method: 'POST', url: `/api/conversations/${conversationId}/summary`, headers: bearer(tenant.adminToken) });
    assert.equal(summary.statusCode, 200);
    assert.match(json(summary).summary, /vélo/);
  });
});
