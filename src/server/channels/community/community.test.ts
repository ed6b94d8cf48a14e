import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../../testing/test-server.ts';
import { createConversationRecord } from '../../testing/fixtures.ts';
import { conversations, deadLetters, messages, users } from '../../db/schema/index.ts';
import { adapterFor, registerAdapter } from '../registry.ts';
import { channelById, createConfiguredChannel } from '../channels.service.ts';
import type { ChannelRecord, OutboundMessage } from '../channel-adapter.ts';
import { issueFormToken } from '../web-form/form-guard.ts';
import { communityAdapter, type CommunitySettings } from './adapter.ts';
import { COMMUNITY_LIMITS } from './community.routes.ts';

if (!adapterFor('community')) registerAdapter(communityAdapter);

describe('community channel', () => {
  let server: TestServer;
  let tenant: Tenant;
  let channel: ChannelRecord & { webhookKey: string };
  let other: ChannelRecord & { webhookKey: string };
  let settings: CommunitySettings;
  let ip = 0;
  const nextIp = () => `10.2.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`;
  const token = () => issueFormToken(settings.formSecret, channel.id, Date.now() - 10_000);
  const url = (path: string, key = channel.webhookKey) => `/hooks/community/${key}${path}`;
  const get = (path: string, key?: string) => server.app.inject({ method: 'GET', url: url(path, key), remoteAddress: nextIp() });
  const post = (path: string, payload: unknown, ip = nextIp()) => server.app.inject({
    method: 'POST', url: url(path), remoteAddress: ip, headers: { 'content-type': 'application/json' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const camille = { name: 'Camille', email: 'camille.secret@example.test' };
  const ask = (title: string, extra: object = {}) => ({ title, text: `${title} : des idées ?`, author: camille, formToken: token(), website: '', ...extra });

  let first: { questionId: string; messageId: string };
  let second: { questionId: string; messageId: string };

  before(async () => {
    server = await startTestServer();
    tenant = await server.createTenant('community');
    channel = await createConfiguredChannel(server.database.db, tenant.orgId, { type: 'community', name: 'Communauté', isPublic: true });
    other = await createConfiguredChannel(server.database.db, tenant.orgId, { type: 'community', name: 'Autre', isPublic: true });
    settings = (await channelById<CommunitySettings>(server.database.db, channel.id)).settings;
  });
  after(() => server.close());

  it('posts public questions, each in a conversation of its own', async () => {
    const res = await post('/questions', ask('Batterie qui chauffe'));
    assert.equal(res.statusCode, 201, res.body);
    first = json(res);
    second = json(await post('/questions', ask('Mise à jour impossible')));
    assert.notEqual(second.questionId, first.questionId, 'the same author\'s second question is a new thread');
    const [conversation] = await server.database.db.select().from(conversations).where(eq(conversations.id, first.questionId));
    assert.equal(conversation!.visibility, 'public');
    assert.equal(conversation!.subject, 'Batterie qui chauffe');
    const [message] = await server.database.db.select().from(messages).where(eq(messages.id, first.messageId));
    assert.equal(message!.isPublic, true);
  });

  it('stores one question for one form token', async () => {
    const payload = ask('Question envoyée deux fois');
    const once = json(await post('/questions', payload));
    const twice = await post('/questions', payload);
    assert.equal(twice.statusCode, 200);
    assert.deepEqual(json(twice), { ...once, duplicate: true });
    const rows = await server.database.db.select().from(conversations).where(eq(conversations.subject, 'Question envoyée deux fois'));
    assert.equal(rows.length, 1);
  });

  it('lists public questions newest first, page by page, without sign-in or private details', async () => {
    const { conversation: hidden } = await createConversationRecord(server.database.db, tenant.orgId, channel.id, { subject: 'Privée', visibility: 'private' });
    const page1 = await get('/questions?limit=2');
    assert.equal(page1.statusCode, 200);
    const body1 = json(page1);
    assert.deepEqual(body1.items.map((q: any) => q.title), ['Question envoyée deux fois', 'Mise à jour impossible']);
    assert.equal(body1.items[1].author.name, 'Camille');
    assert.equal(body1.items[1].excerpt, 'Mise à jour impossible : des idées ?');
    const body2 = json(await get(`/questions?limit=2&cursor=${body1.nextCursor}`));
    assert.deepEqual(body2.items.map((q: any) => q.id), [first.questionId]);
    assert.equal(body2.nextCursor, null);
    const everything = page1.body + JSON.stringify(body2);
    assert.ok(!everything.includes('camille.secret'), 'no email address in public answers');
    assert.ok(!everything.includes(hidden.id), 'no private conversation');
    assert.equal(json(await get('/questions', other.webhookKey)).items.length, 0, 'another community lists its own questions only');
  });

  it('shows the thread: customer posts and public replies, authors by display name only', async () => {
    const followUp = await post(`/questions/${first.questionId}/replies`, { text: 'Même souci ici.', author: { name: 'Jules', email: 'jules@example.test' }, formToken: token() });
    assert.equal(followUp.statusCode, 201, followUp.body);
    const agent = await tenant.addUser('agent');
    const reply = (body: string, isPublic: boolean) => server.app.inject({
      method: 'POST', url: `/api/conversations/${first.questionId}/messages`, headers: bearer(agent.token), payload: { body, isPublic },
    });
    assert.equal((await reply('Essayez de la recalibrer.', true)).statusCode, 201);
    assert.equal((await reply('Client connu, à surveiller.', false)).statusCode, 201);
    const [{ name: agentName } = { name: '' }] = await server.database.db.select({ name: users.name }).from(users).where(eq(users.id, agent.id));
    const res = await get(`/questions/${first.questionId}`);
    assert.equal(res.statusCode, 200);
    const thread = json(res);
    assert.equal(thread.title, 'Batterie qui chauffe');
    assert.deepEqual(thread.posts.map((p: any) => [p.author.kind, p.author.name, p.text]), [
      ['customer', 'Camille', 'Batterie qui chauffe : des idées ?'],
      ['customer', 'Jules', 'Même souci ici.'],
      ['agent', agentName, 'Essayez de la recalibrer.'],
    ]);
    assert.ok(!res.body.includes('@'), 'no email address in the thread');
    assert.ok(!res.body.includes(agent.id), 'no user id in the thread');
    const list = json(await get('/questions'));
    assert.equal(list.items.find((q: any) => q.id === first.questionId).replyCount, 1);
  });

  it('answers 404 for an unknown community, a private, foreign or malformed question id', async () => {
    assert.equal((await get('/questions', 'no-such-key')).statusCode, 404);
    assert.equal((await get(`/questions/${first.questionId}`, other.webhookKey)).statusCode, 404);
    assert.equal((await get('/questions/not-a-uuid')).statusCode, 404);
    const { conversation: hidden } = await createConversationRecord(server.database.db, tenant.orgId, channel.id, { visibility: 'private' });
    assert.equal((await get(`/questions/${hidden.id}`)).statusCode, 404);
    const reply = await post(`/questions/${hidden.id}/replies`, { text: 'Intrusion', author: camille, formToken: token() });
    assert.equal(reply.statusCode, 404);
  });

  it('refuses a filled honeypot and a too-fast post', async () => {
    const trapped = await post('/questions', ask('Gagnez un iPhone', { website: 'https://spam.example' }));
    assert.equal(trapped.statusCode, 400);
    assert.equal(json(trapped).error.details.reason, 'honeypot');
    const fresh = json(await get('/form-token'));
    const tooFast = await post('/questions', ask('Trop rapide', { formToken: fresh.formToken }));
    assert.equal(tooFast.statusCode, 400);
    assert.equal(json(tooFast).error.details.reason, 'too_fast');
    const foreignToken = issueFormToken(settings.formSecret, other.id, Date.now() - 10_000);
    assert.equal(json(await post('/questions', ask('Jeton d\'ailleurs', { formToken: foreignToken }))).error.details.reason, 'invalid_token');
    const rows = await server.database.db.select().from(conversations).where(eq(conversations.subject, 'Gagnez un iPhone'));
    assert.equal(rows.length, 0);
  });

  it('answers 400 with the reason to a malformed payload and keeps it as a dead letter', async () => {
    const broken = await post('/questions', '[1, 2');
    assert.equal(broken.statusCode, 400);
    const invalid = await post('/questions', ask('Ok?', { author: { name: 'C', email: 'camille@example.test' } }));
    assert.equal(invalid.statusCode, 400);
    assert.match(json(invalid).error.message, /^title:/);
    const letters = await server.database.db.select().from(deadLetters).where(eq(deadLetters.channelId, channel.id));
    assert.equal(letters.length, 2);
    assert.ok(letters.some((l) => l.payload === '[1, 2'));
  });

  it('limits a flood of posts from one address with 429 while another address still posts', async () => {
    for (let i = 0; i < COMMUNITY_LIMITS.question; i++) await post('/questions', {}, '198.51.100.9');
    const limited = await post('/questions', ask('Encore une'), '198.51.100.9');
    assert.equal(limited.statusCode, 429);
    assert.equal(json(limited).error.code, 'rate_limited');
    assert.equal((await post('/questions', ask('Depuis une autre adresse'), '198.51.100.10')).statusCode, 201);
  });

  it('publishes a public reply by storing it, and fails a private one visibly', async () => {
    const outbound = (isPublic: boolean): OutboundMessage => ({
      messageId: '00000000-0000-4000-8000-000000000005', orgId: tenant.orgId, conversationId: first.questionId, body: 'Réponse',
      isPublic, metadata: {}, recipient: { externalId: camille.email, displayName: 'Camille' }, subject: null, inReplyTo: null,
    });
    assert.deepEqual(await communityAdapter.send(outbound(true), channel, settings), { ok: true, externalId: null });
    const refused = await communityAdapter.send(outbound(false), channel, settings);
    assert.equal(refused.ok === false && refused.retryable, false);
  });
});
