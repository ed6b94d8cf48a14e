import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../../testing/test-server.ts';
import { startHttpRecorder } from '../../testing/local-receivers.ts';
import { createConversationRecord } from '../../testing/fixtures.ts';
import { contactIdentities, deadLetters, messages } from '../../db/schema/index.ts';
import { adapterFor, registerAdapter } from '../registry.ts';
import { channelById, createConfiguredChannel } from '../channels.service.ts';
import type { ChannelRecord, OutboundMessage } from '../channel-adapter.ts';
import { dispatchDue } from '../../outbox/dispatch-outbox.ts';
import { apiAdapter } from './adapter.ts';
const API_CHANNEL_RATE_LIMIT = 40;
import type { WebhookSettings } from './send-webhook.ts';
import { verifyWebhookSignature } from './webhook-signature.ts';

if (!adapterFor('api')) registerAdapter(apiAdapter);

describe('API channel', () => {
  let server: TestServer;
  let a: Tenant;
  let b: Tenant;
  let channel: ChannelRecord;
  let receiver: Awaited<ReturnType<typeof startHttpRecorder>>;
  let answer = 200;
  const post = (token: string, payload: unknown, channelId = channel.id, extra: Record<string, string> = {}) =>
    server.app.inject({ method: 'POST', url: `/api/channels/${channelId}/messages`, headers: { ...bearer(token), ...extra }, payload: payload as object });
  const message = (externalId: string, extra: object = {}) => ({ externalId, sender: { id: 'cust-42', name: 'Camille', email: 'camille@example.test' }, text: 'Où en est ma commande ?', ...extra });

  before(async () => {
    receiver = await startHttpRecorder(() => ({ status: answer, body: { id: 'ext-reply-1' } }));
    server = await startTestServer({ RELAIS_API_CHANNEL_RATE_LIMIT: String(API_CHANNEL_RATE_LIMIT) });
    a = await server.createTenant('api-a');
    b = await server.createTenant('api-b');
    channel = await createConfiguredChannel(server.database.db, a.orgId, { type: 'api', name: 'Back office', settings: { webhookUrl: `${receiver.url}/hook` } });
  });
  after(async () => {
    await server.close();
    await receiver.close();
  });

  it('stores a customer message and answers 201 after the commit', async () => {
    const res = await post(a.adminToken, message('bo-1', { subject: 'Commande 123', metadata: { orderId: 123 } }));
    assert.equal(res.statusCode, 201, res.body);
    const body = json(res);
    assert.equal(body.duplicate, false);
    const [stored] = await server.database.db.select().from(messages).where(eq(messages.id, body.messageId));
    assert.equal(stored!.body, 'Où en est ma commande ?');
    assert.equal(stored!.conversationId, body.conversationId);
    assert.deepEqual(stored!.metadata, { api: { orderId: 123 } });
    const [identity] = await server.database.db.select().from(contactIdentities)
      .where(and(eq(contactIdentities.orgId, a.orgId), eq(contactIdentities.externalId, 'cust-42')));
    assert.equal(identity!.channelType, 'api');
    assert.equal(identity!.verified, true);
    const withCharset = await post(a.adminToken, JSON.stringify(message('bo-1b')), channel.id, { 'content-type': 'application/json; charset=utf-8' });
    assert.equal(withCharset.statusCode, 201, withCharset.body);
  });

  it('is idempotent on the caller\'s externalId', async () => {
    const first = json(await post(a.adminToken, message('bo-2')));
    const again = await post(a.adminToken, message('bo-2', { text: 'renvoyé' }));
    assert.equal(again.statusCode, 200);
    assert.deepEqual(json(again), { ...first, duplicate: true });
    const rows = await server.database.db.select().from(messages).where(and(eq(messages.channelId, channel.id), eq(messages.externalId, 'bo-2')));
    assert.equal(rows.length, 1);
  });

  it('continues a conversation of the channel, and only of the channel', async () => {
    const first = json(await post(a.adminToken, message('bo-3', { sender: { id: 'other-customer' } })));
    const follow = json(await post(a.adminToken, message('bo-4', { sender: { id: 'other-customer' }, conversationId: first.conversationId })));
    assert.equal(follow.conversationId, first.conversationId);
    const { conversation: onChat } = await createConversationRecord(server.database.db, a.orgId, a.channelId);
    const foreign = await post(a.adminToken, message('bo-5', { conversationId: onChat.id }));
    assert.equal(foreign.statusCode, 404);
    assert.equal(json(foreign).error.message, 'conversation not found');
  });

  it('keeps tenants apart: another organization\'s token, or a non-API channel, is 404', async () => {
    const res = await post(b.adminToken, message('bo-6'));
    assert.equal(res.statusCode, 404);
    assert.equal(json(res).error.code, 'not_found');
    assert.equal((await post(a.adminToken, message('bo-7'), a.channelId)).statusCode, 404);
    assert.equal((await post(a.adminToken, message('bo-8'), 'not-a-uuid')).statusCode, 404);
    const anonymous = await server.app.inject({ method: 'POST', url: `/api/channels/${channel.id}/messages`, payload: message('bo-9') });
    assert.equal(anonymous.statusCode, 401);
  });

  it('answers 400 with the reason to a malformed payload and keeps it as a dead letter', async () => {
    const broken = await post(a.adminToken, '{"externalId": "x", ', channel.id, { 'content-type': 'application/json' });
    assert.equal(broken.statusCode, 400, broken.body);
    assert.match(json(broken).error.message, /malformed JSON/);
    const invalid = await post(a.adminToken, { sender: { id: 'x' }, text: 'sans id' });
    assert.equal(invalid.statusCode, 400);
    assert.equal(json(invalid).error.code, 'bad_request');
    assert.match(json(invalid).error.message, /^externalId:/);
    const letters = await server.database.db.select().from(deadLetters).where(eq(deadLetters.channelId, channel.id));
    assert.equal(letters.length, 2);
    assert.equal(letters[0]!.orgId, a.orgId);
    assert.ok(letters.some((l) => l.payload === '{"externalId": "x", '));
    assert.ok(letters.every((l) => !JSON.stringify(l.headers).includes('rls_')), 'no token in dead letters');
  });

  it('limits a flood from one token with 429 while another token still passes', async () => {
    const flooder = await a.addUser('agent');
    const quiet = await a.addUser('agent');
    await post(flooder.token, message('flood'));
    let last = 0;
    for (let i = 1; i < API_CHANNEL_RATE_LIMIT; i++) last = (await post(flooder.token, message('flood'))).statusCode;
    assert.equal(last, 200);
    const limited = await post(flooder.token, message('flood'));
    assert.equal(limited.statusCode, 429);
    assert.equal(json(limited).error.code, 'rate_limited');
    assert.equal((await post(quiet.token, message('quiet'))).statusCode, 201);
  });

  describe('outgoing webhooks', () => {
    const outbound = (): OutboundMessage => ({
      messageId: '00000000-0000-4000-8000-000000000001', orgId: a.orgId, conversationId: '00000000-0000-4000-8000-000000000002',
      body: 'Votre colis part demain.', isPublic: false, metadata: { delivery: { status: 'retrying' }, quickReplies: ['Merci'] },
      recipient: { externalId: 'cust-42', displayName: 'Camille' }, subject: 'Commande 123',
      inReplyTo: { externalId: 'bo-1', metadata: {} },
    });
    const settings = async () => (await channelById<WebhookSettings>(server.database.db, channel.id)).settings;

    it('posts the reply signed with the channel secret and the timestamp', async () => {
      answer = 200;
      const s = await settings();
      assert.match(s.webhookSecret, /^whsec_[0-9a-f]{64}$/, 'a secret is generated when none is given');
      const result = await apiAdapter.send(outbound(), channel, s);
      assert.deepEqual(result, { ok: true, externalId: 'ext-reply-1' });
      const req = receiver.requests.at(-1)!;
      assert.equal(req.url, '/hook');
      const check = { secret: s.webhookSecret, body: req.body, timestamp: req.headers['x-relais-timestamp'] as string, signature: req.headers['x-relais-signature'] as string };
      assert.ok(verifyWebhookSignature(check));
      assert.ok(!verifyWebhookSignature({ ...check, secret: 'whsec_wrong-secret-wrong-secret' }));
      assert.ok(!verifyWebhookSignature({ ...check, body: req.body.replace('demain', 'jamais') }));
      assert.ok(!verifyWebhookSignature({ ...check, now: Date.now() + 3_600_000 }), 'an old timestamp is a replay');
      const payload = JSON.parse(req.body);
      assert.equal(payload.type, 'message.created');
      assert.deepEqual(payload.message, { id: outbound().messageId, text: 'Votre colis part demain.', isPublic: false, metadata: { quickReplies: ['Merci'] }, inReplyTo: 'bo-1' });
      assert.deepEqual(payload.conversation, { id: outbound().conversationId, subject: 'Commande 123' });
      assert.deepEqual(payload.recipient, { id: 'cust-42', name: 'Camille' });
    });

    it('asks for a retry on 5xx and network errors, gives up on 410 and other 4xx', async () => {
      const s = await settings();
      answer = 500;
      assert.deepEqual(await apiAdapter.send(outbound(), channel, s), { ok: false, retryable: true, reason: 'webhook answered HTTP 500' });
      answer = 410;
      const gone = await apiAdapter.send(outbound(), channel, s);
      assert.equal(gone.ok === false && gone.retryable, false);
      answer = 400;
      const refused = await apiAdapter.send(outbound(), channel, s);
      assert.equal(refused.ok === false && refused.retryable, false);
      answer = 429;
      const busy = await apiAdapter.send(outbound(), channel, s);
      assert.equal(busy.ok === false && busy.retryable, true);
      const unreachable = await apiAdapter.send(outbound(), channel, { ...s, webhookUrl: 'http://127.0.0.1:1/hook' });
      assert.equal(unreachable.ok === false && unreachable.retryable, true);
      answer = 200;
    });

    it('delivers an agent\'s reply through the outbox', async () => {
      const { conversationId } = json(await post(a.adminToken, message('bo-outbox', { sender: { id: 'cust-outbox', name: 'Léa' } })));
      const reply = await server.app.inject({
        method: 'POST', url: `/api/conversations/${conversationId}/messages`, headers: bearer(a.adminToken), payload: { body: 'Bonjour Léa !' },
      });
      assert.equal(reply.statusCode, 201, reply.body);
      const before = receiver.requests.length;
      await dispatchDue(server.database.db);
      const delivered = receiver.requests.slice(before).map((r) => JSON.parse(r.body));
      assert.equal(delivered.length, 1);
      assert.equal(delivered[0].message.text, 'Bonjour Léa !');
      assert.deepEqual(delivered[0].recipient, { id: 'cust-outbox', name: 'Léa' });
      assert.equal(delivered[0].message.inReplyTo, 'bo-outbox');
    });
  });
});
