// X's documented Account Activity payloads sent, byte for byte, to the running server: CRC, signatures,
// mentions and direct messages, the brand's own events, idempotency, threads and malformed deliveries.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { contactIdentities, conversations, deadLetters, messages } from '../../db/schema/index.ts';
import { json, startTestServer, type Tenant, type TestServer } from '../../testing/test-server.ts';
import { adapterFor, registerAdapter } from '../registry.ts';
import { createConfiguredChannel } from '../channels.service.ts';
import { xAdapter } from './adapter.ts';
import { xHmac } from './x-signature.ts';

if (!adapterFor('x')) registerAdapter(xAdapter);

const raw = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
// The consumer secret and token of X's CRC example code.
const SECRET = 'z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu';
const MENTION_ID = '1050118621198921728';

describe('X webhooks (Account Activity API)', () => {
  let server: TestServer;
  let tenant: Tenant;
  let key: string;
  let channelId: string;

  before(async () => {
    server = await startTestServer();
    tenant = await server.createTenant('x');
    const channel = await createConfiguredChannel(server.database.db, tenant.orgId, {
      type: 'x', name: 'X', isPublic: true, settings: { consumerSecret: SECRET, bearerToken: 'user-token', userId: '2244994945' },
    });
    key = channel.webhookKey;
    channelId = channel.id;
  });
  after(() => server.close());

  const db = () => server.database.db;
  const deliver = (body: string, signature: string | null = xHmac(SECRET, body), hookKey = key) => server.app.inject({
    method: 'POST', url: `/hooks/x/${hookKey}`, payload: body,
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-twitter-webhooks-signature': signature }) },
  });
  const stored = (externalId: string) => db().select().from(messages).where(and(eq(messages.channelId, channelId), eq(messages.externalId, externalId)));

  it('answers the CRC challenge with the HMAC of the token', async () => {
    const res = await server.app.inject({ method: 'GET', url: `/hooks/x/${key}?crc_token=9b4507b3-9040-4669-9ca3-6b94edb50553` });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(json(res), { response_token: 'sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8=' });
    assert.equal((await server.app.inject({ method: 'GET', url: `/hooks/x/${key}` })).statusCode, 400);
    assert.equal((await server.app.inject({ method: 'GET', url: '/hooks/x/nope?crc_token=a' })).statusCode, 404);
  });

  it('stores a mention as a public message, with the author\'s audience, before answering 200', async () => {
    const res = await deliver(raw('tweet-mention'));
    assert.equal(res.statusCode, 200, res.body);
    const [message] = await stored(MENTION_ID);
    assert.ok(message);
    assert.equal(message.isPublic, true);
    assert.equal(message.body, '@TwitterDev my order 4417 never arrived and nobody answers. Details: https://example.com/orders/4417');
    assert.equal(message.createdAt.toISOString(), '2018-10-10T20:19:24.000Z');
    const metadata = message.metadata as any;
    assert.deepEqual(metadata.audience, { followers: 6133636, verified: true });
    assert.equal(metadata.x.kind, 'tweet');
    assert.equal(metadata.x.url, `https://x.com/TwitterAPI/status/${MENTION_ID}`);
    const [conversation] = await db().select().from(conversations).where(eq(conversations.id, message.conversationId));
    assert.equal(conversation!.visibility, 'public');
    const [identity] = await db().select().from(contactIdentities).where(and(eq(contactIdentities.orgId, tenant.orgId), eq(contactIdentities.externalId, '6253282')));
    assert.equal(identity!.displayName, 'Twitter API');
  });

  it('stores a delivery once when X sends it twice', async () => {
    assert.equal((await deliver(raw('tweet-mention'))).statusCode, 200);
    assert.equal((await stored(MENTION_ID)).length, 1);
  });

  it('stores a direct message as private, naming the sender from the users map', async () => {
    assert.equal((await deliver(raw('direct-message'))).statusCode, 200);
    const [message] = await stored('1371204467341807621');
    assert.ok(message);
    assert.equal(message.isPublic, false);
    assert.equal(message.body, 'Hi, my card was charged twice for order 4417. Can you refund one?');
    assert.deepEqual((message.metadata as any).audience, { followers: 212, verified: false });
    const [conversation] = await db().select().from(conversations).where(eq(conversations.id, message.conversationId));
    assert.equal(conversation!.visibility, 'private');
    const [identity] = await db().select().from(contactIdentities).where(and(eq(contactIdentities.orgId, tenant.orgId), eq(contactIdentities.externalId, '3805104374')));
    assert.equal(identity!.displayName, 'Camille Martin');
  });

  it('ignores the brand\'s own posts and messages, and events that carry no message', async () => {
    for (const name of ['tweet-own', 'direct-message-own', 'favorite-events']) assert.equal((await deliver(raw(name))).statusCode, 200, name);
    assert.equal((await stored('1050120034511536128')).length, 0);
    assert.equal((await stored('1371204467341807699')).length, 0);
  });

  it('ignores events for another account subscribed to the same app', async () => {
    const other = raw('tweet-mention').replaceAll('2244994945', '1111111111').replaceAll(MENTION_ID, '1050118621198921999');
    assert.equal((await deliver(other)).statusCode, 200);
    assert.equal((await stored('1050118621198921999')).length, 0);
  });

  it('refuses a missing or wrong signature with 401 and stores nothing', async () => {
    const body = raw('direct-message').replace('1371204467341807621', '1371204467341800001');
    for (const signature of [null, xHmac('another-secret', body), xHmac(SECRET, `${body} `), 'sha256=']) {
      const res = await deliver(body, signature);
      assert.equal(res.statusCode, 401);
      assert.equal(json(res).error.code, 'invalid_signature');
    }
    assert.equal((await stored('1371204467341800001')).length, 0);
  });

  it('continues the conversation of the post a reply answers, even once resolved', async () => {
    const [mention] = await stored(MENTION_ID);
    // Our public answer, as the outbox leaves it: the post id as external id.
    await db().insert(messages).values({
      orgId: tenant.orgId, conversationId: mention!.conversationId, channelId, direction: 'outbound', authorKind: 'agent',
      body: 'We are sorry: a new parcel leaves today.', externalId: '1445880548472328192', isPublic: true,
    });
    await db().update(conversations).set({ status: 'resolved' }).where(eq(conversations.id, mention!.conversationId));
    const reply = raw('tweet-mention').replaceAll(MENTION_ID, '1050118621198922000').replace('"in_reply_to_status_id_str": null', '"in_reply_to_status_id_str": "1445880548472328192"');
    assert.equal((await deliver(reply)).statusCode, 200);
    const [answer] = await stored('1050118621198922000');
    assert.equal(answer!.conversationId, mention!.conversationId);
    const [conversation] = await db().select().from(conversations).where(eq(conversations.id, mention!.conversationId));
    assert.equal(conversation!.status, 'open');
  });

  it('answers 400 to a signed but malformed delivery, and keeps it as a dead letter', async () => {
    const notJson = '{"for_user_id": "2244994945", "tweet_create_events": [';
    const res = await deliver(notJson);
    assert.equal(res.statusCode, 400);
    assert.match(json(res).error.message, /^malformed JSON/);
    const noAuthor = raw('tweet-mention').replace('"id_str": "6253282"', '"id_string": "6253282"').replaceAll(MENTION_ID, '1050118621198923000');
    const res2 = await deliver(noAuthor);
    assert.equal(res2.statusCode, 400);
    assert.equal(json(res2).error.message, 'tweet_create_events.0.user.id_str: Invalid input: expected string, received undefined');
    assert.equal((await stored('1050118621198923000')).length, 0);
    const letters = await db().select().from(deadLetters).where(eq(deadLetters.channelId, channelId));
    assert.deepEqual(letters.map((l) => l.payload).sort(), [noAuthor, notJson].sort());
    assert.ok(letters.every((l) => l.source === 'x' && l.orgId === tenant.orgId));
  });
});
