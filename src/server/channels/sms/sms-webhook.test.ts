// Twilio's documented webhook payloads sent to the running server: signatures, idempotency, media, malformed
// requests, and delivery-status callbacks landing on the outbound message.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { contactIdentities, deadLetters, messages } from '../../db/schema/index.ts';
import { json, startTestServer, type Tenant, type TestServer } from '../../testing/test-server.ts';
import { adapterFor, registerAdapter } from '../registry.ts';
import { createConfiguredChannel } from '../channels.service.ts';
import { smsAdapter } from './adapter.ts';
import { twilioSignature } from './twilio-signature.ts';

if (!adapterFor('sms')) registerAdapter(smsAdapter);

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const PUBLIC_URL = 'https://support.example.com';
const RELAIS_URL = 'https://relais.example.org';
const AUTH_TOKEN = 'f1e2d3c4b5a697887766554433221100';

describe('SMS webhooks (Twilio)', () => {
  let server: TestServer;
  let tenant: Tenant;
  let key: string;
  let bareKey: string;
  let channelId: string;

  before(async () => {
    server = await startTestServer({ RELAIS_PUBLIC_URL: RELAIS_URL });
    tenant = await server.createTenant('sms');
    const settings = { accountSid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', authToken: AUTH_TOKEN, fromNumber: '+15557122661' };
    const channel = await createConfiguredChannel(server.database.db, tenant.orgId, { type: 'sms', name: 'SMS', settings: { ...settings, publicUrl: PUBLIC_URL } });
    key = channel.webhookKey;
    channelId = channel.id;
    // A second channel without its own public URL: RELAIS_PUBLIC_URL is the base Twilio signed.
    bareKey = (await createConfiguredChannel(server.database.db, tenant.orgId, { type: 'sms', name: 'SMS 2', settings })).webhookKey;
  });
  after(() => server.close());

  const db = () => server.database.db;
  function post(path: string, fields: Record<string, string>, sign: { url?: string; token?: string; header?: string | null } = {}) {
    const url = `/hooks/sms/${path}`;
    const signature = sign.header === undefined ? twilioSignature(sign.token ?? AUTH_TOKEN, sign.url ?? PUBLIC_URL + url, Object.entries(fields)) : sign.header;
    return server.app.inject({
      method: 'POST', url, payload: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature === null ? {} : { 'x-twilio-signature': signature }) },
    });
  }
  const stored = (sid: string) => db().select().from(messages).where(and(eq(messages.channelId, channelId), eq(messages.externalId, sid)));

  it('stores the documented incoming SMS, then answers an empty TwiML response', async () => {
    const sms = fixture('incoming-sms');
    const res = await post(key, sms);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/xml/);
    assert.match(res.body, /<Response><\/Response>/);
    const [message] = await stored(sms.MessageSid!);
    assert.ok(message, 'message stored before the answer');
    assert.equal(message.body, sms.Body);
    assert.equal(message.direction, 'inbound');
    assert.equal(message.isPublic, false);
    assert.deepEqual((message.metadata as any).sms.To, '+15557122661');
    const [identity] = await db().select().from(contactIdentities).where(and(eq(contactIdentities.orgId, tenant.orgId), eq(contactIdentities.channelType, 'sms')));
    assert.equal(identity!.externalId, sms.From);
  });

  it('stores a message once when Twilio delivers the same webhook twice', async () => {
    const sms = { ...fixture('incoming-sms'), MessageSid: 'SM00000000000000000000000000000002', Body: 'twice' };
    assert.equal((await post(key, sms)).statusCode, 200);
    assert.equal((await post(key, sms)).statusCode, 200);
    assert.equal((await stored(sms.MessageSid)).length, 1);
  });

  it('refuses a missing or wrong signature with 401 and stores nothing', async () => {
    const sms = { ...fixture('incoming-sms'), MessageSid: 'SM00000000000000000000000000000003' };
    const attempts = [
      await post(key, sms, { header: null }),
      await post(key, sms, { token: 'another-auth-token' }),
      await post(key, sms, { url: `https://evil.example.com/hooks/sms/${key}` }),
      await post(key, { ...sms, Body: 'tampered' }, { header: twilioSignature(AUTH_TOKEN, `${PUBLIC_URL}/hooks/sms/${key}`, Object.entries(sms)) }),
    ];
    for (const res of attempts) {
      assert.equal(res.statusCode, 401, res.body);
      assert.equal(json(res).error.code, 'invalid_signature');
    }
    assert.equal((await stored(sms.MessageSid)).length, 0);
    const letters = await db().select().from(deadLetters).where(eq(deadLetters.channelId, channelId));
    assert.equal(letters.filter((l) => l.payload.includes(sms.MessageSid)).length, 0);
  });

  it('accepts the signature of the URL written with its default port, as Twilio may sign it', async () => {
    const sms = { ...fixture('incoming-sms'), MessageSid: 'SM00000000000000000000000000000004' };
    const res = await post(key, sms, { url: `https://support.example.com:443/hooks/sms/${key}` });
    assert.equal(res.statusCode, 200, res.body);
  });

  it('signs with RELAIS_PUBLIC_URL when the channel has no public URL of its own', async () => {
    const sms = { ...fixture('incoming-sms'), MessageSid: 'SM00000000000000000000000000000005' };
    assert.equal((await post(bareKey, sms, { url: `${RELAIS_URL}/hooks/sms/${bareKey}` })).statusCode, 200);
    assert.equal((await post(bareKey, { ...sms, MessageSid: 'SM00000000000000000000000000000006' })).statusCode, 401);
  });

  it('keeps MMS media as attachments (their Twilio URLs)', async () => {
    const mms = fixture('incoming-mms');
    assert.equal((await post(key, mms)).statusCode, 200);
    const [message] = await stored(mms.MessageSid!);
    assert.deepEqual(message!.attachments, [{ name: 'ME4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f', contentType: 'image/jpeg', size: 0, url: mms.MediaUrl0 }]);
  });

  it('answers 400 naming the reason to a signed but malformed webhook, and keeps it as a dead letter', async () => {
    const sms: Record<string, string> = { ...fixture('incoming-sms'), MessageSid: 'SM00000000000000000000000000000007' };
    const { From: _from, ...noSender } = sms;
    const res = await post(key, noSender);
    assert.equal(res.statusCode, 400);
    assert.deepEqual(json(res).error, { code: 'bad_request', message: 'missing From' });
    const letters = await db().select().from(deadLetters).where(eq(deadLetters.channelId, channelId));
    const letter = letters.find((l) => l.payload.includes('SM00000000000000000000000000000007'));
    assert.ok(letter);
    assert.equal(letter.source, 'sms');
    assert.equal(letter.reason, 'missing From');
    assert.equal(letter.orgId, tenant.orgId);
    assert.equal((await stored('SM00000000000000000000000000000007')).length, 0);
  });

  it('answers 404 to an unknown channel key and 415 to a body that is not a form', async () => {
    assert.equal((await post('0123456789abcdef0123456789abcdef', fixture('incoming-sms'))).statusCode, 404);
    const res = await server.app.inject({ method: 'POST', url: `/hooks/sms/${key}`, headers: { 'content-type': 'application/json' }, payload: { Body: 'hi' } });
    assert.equal(res.statusCode, 415);
  });

  it('records delivery statuses on the outbound message, never going back to an earlier status', async () => {
    const delivered = fixture('status-delivered');
    const [inbound] = await stored(fixture('incoming-sms').MessageSid!);
    // What the outbox leaves after Twilio accepted the reply: the SID as external id and delivery "sent".
    const [outbound] = await db().insert(messages).values({
      orgId: tenant.orgId, conversationId: inbound!.conversationId, channelId, direction: 'outbound', authorKind: 'agent',
      body: 'We are sorry: a new parcel leaves today.', externalId: delivered.MessageSid,
      metadata: { delivery: { status: 'sent', attempts: 1, at: new Date().toISOString() } },
    }).returning();
    const res = await post(`${key}/status`, delivered);
    assert.equal(res.statusCode, 200, res.body);
    const delivery = async () => ((await db().select().from(messages).where(eq(messages.id, outbound!.id)))[0]!.metadata as any).delivery;
    assert.equal((await delivery()).status, 'delivered');
    assert.equal((await delivery()).errorCode, null);
    assert.ok(Date.parse((await delivery()).at));
    // A "sent" callback overtaken by "delivered" changes nothing.
    assert.equal((await post(`${key}/status`, { ...delivered, MessageStatus: 'sent', SmsStatus: 'sent' })).statusCode, 200);
    assert.equal((await delivery()).status, 'delivered');
  });

  it('records an undelivered status with its error code', async () => {
    const undelivered = { ...fixture('status-undelivered'), MessageSid: 'SM00000000000000000000000000000008' };
    const [inbound] = await stored(fixture('incoming-sms').MessageSid!);
    const [outbound] = await db().insert(messages).values({
      orgId: tenant.orgId, conversationId: inbound!.conversationId, channelId, direction: 'outbound', authorKind: 'agent',
      body: 'Your replacement is on its way.', externalId: undelivered.MessageSid,
    }).returning();
    assert.equal((await post(`${key}/status`, undelivered)).statusCode, 200);
    const [row] = await db().select().from(messages).where(eq(messages.id, outbound!.id));
    assert.deepEqual({ ...(row!.metadata as any).delivery, at: undefined }, { status: 'undelivered', errorCode: '30003', at: undefined });
  });

  it('checks the signature of status callbacks, acknowledges unknown SIDs and rejects malformed ones', async () => {
    const status: Record<string, string> = { ...fixture('status-delivered'), MessageSid: 'SM00000000000000000000000000000009' };
    assert.equal((await post(`${key}/status`, status, { token: 'wrong' })).statusCode, 401);
    assert.equal((await post(`${key}/status`, status)).statusCode, 200);
    const { MessageStatus: _s, ...noStatus } = status;
    const res = await post(`${key}/status`, noStatus);
    assert.equal(res.statusCode, 400);
    assert.match(json(res).error.message, /MessageStatus/);
    const letters = await db().select().from(deadLetters).where(and(eq(deadLetters.channelId, channelId), eq(deadLetters.source, 'sms.status')));
    assert.equal(letters.length, 1);
  });
});

describe('SMS webhooks behind a reverse proxy, with no public URL configured', () => {
  let server: TestServer;
  let key: string;

  before(async () => {
    server = await startTestServer({ RELAIS_TRUST_PROXY: 'true' }); // the proxy is trusted by configuration
    const tenant = await server.createTenant('sms-proxy');
    key = (await createConfiguredChannel(server.database.db, tenant.orgId, {
      type: 'sms', name: 'SMS', settings: { accountSid: 'ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', authToken: AUTH_TOKEN, fromNumber: '+15557122661' },
    })).webhookKey;
  });
  after(() => server.close());

  it('checks the signature against the scheme and host the proxy forwarded', async () => {
    const sms = fixture('incoming-sms');
    const signature = twilioSignature(AUTH_TOKEN, `https://sms.example.net/hooks/sms/${key}`, Object.entries(sms));
    const send = (headers: Record<string, string>) => server.app.inject({
      method: 'POST', url: `/hooks/sms/${key}`, payload: new URLSearchParams(sms).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature, ...headers },
    });
    assert.equal((await send({})).statusCode, 401);
    assert.equal((await send({ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'sms.example.net' })).statusCode, 200);
  });

  it('leaves the JSON parsing of the rest of the API alone', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.test', password: 'wrong-password' } });
    assert.notEqual(res.statusCode, 415);
    assert.notEqual(res.statusCode, 400, res.body);
  });
});
