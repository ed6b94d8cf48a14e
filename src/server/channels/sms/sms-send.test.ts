// Outbound SMS against a local server answering as Twilio's REST API documents (201 message resource, error bodies).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startHttpRecorder, type RecordedRequest } from '../../testing/local-receivers.ts';
import type { ChannelRecord, OutboundMessage } from '../channel-adapter.ts';
import { smsSettingsSchema, type SmsSettings } from './sms-settings.ts';
import { smsAdapter } from './adapter.ts';
import { SMS_MAX_CHARS, splitSms } from './sms-send.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
const ACCOUNT = 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

// The number decides the answer, as Twilio's test credentials do with their magic numbers.
function twilio(req: RecordedRequest): { status: number; body?: unknown } {
  const to = new URLSearchParams(req.body).get('To');
  if (to === '+1555000') return { status: 400, body: fixture('error-21211') };
  if (to === '+15550000429') return { status: 429, body: fixture('error-20429') };
  if (to === '+15550000500') return { status: 500, body: fixture('error-20500') };
  const created = fixture('message-created');
  return { status: 201, body: { ...created, sid: `SM${String(req.url.length + Math.random()).replace(/\D/g, '').padEnd(32, '0').slice(0, 32)}`, to } };
}

describe('SMS send (Twilio Messages API)', () => {
  let recorder: Awaited<ReturnType<typeof startHttpRecorder>>;
  let settings: SmsSettings;
  const channel = { id: 'c1', orgId: 'o1', type: 'sms', name: 'SMS', isPublic: false, webhookKey: 'abc123' } as ChannelRecord;
  const message = (body: string, to = '+15558675310'): OutboundMessage => ({
    messageId: 'm1', orgId: 'o1', conversationId: 'v1', body, isPublic: false, metadata: {},
    recipient: { externalId: to, displayName: null }, subject: null, inReplyTo: null,
  });

  before(async () => {
    recorder = await startHttpRecorder(twilio);
    settings = smsSettingsSchema.parse({ accountSid: ACCOUNT, authToken: 'secret-token', fromNumber: '+15557122661', apiBaseUrl: recorder.url, publicUrl: 'https://support.example.com' });
  });
  after(() => recorder.close());

  it('posts the documented form with Basic auth and returns the SID as the external id', async () => {
    const result = await smsAdapter.send(message('We are sorry: a new parcel leaves today.'), channel, settings);
    assert.equal(result.ok, true);
    assert.match((result as { externalId: string }).externalId, /^SM\d{32}$/);
    const req = recorder.requests.at(-1)!;
    assert.equal(req.method, 'POST');
    assert.equal(req.url, `/2010-04-01/Accounts/${ACCOUNT}/Messages.json`);
    assert.equal(req.headers.authorization, `Basic ${Buffer.from(`${ACCOUNT}:secret-token`).toString('base64')}`);
    assert.equal(req.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.deepEqual(Object.fromEntries(new URLSearchParams(req.body)), {
      To: '+15558675310', Body: 'We are sorry: a new parcel leaves today.', From: '+15557122661',
      StatusCallback: 'https://support.example.com/hooks/sms/abc123/status',
    });
  });

  it('sends through a messaging service when one is configured', async () => {
    const viaService = smsSettingsSchema.parse({ ...settings, fromNumber: undefined, messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' });
    assert.equal((await smsAdapter.send(message('Hi'), channel, viaService)).ok, true);
    const form = new URLSearchParams(recorder.requests.at(-1)!.body);
    assert.equal(form.get('MessagingServiceSid'), 'MG0123456789abcdef0123456789abcdef');
    assert.equal(form.get('From'), null);
  });

  it('does not retry a refused number (21211) but retries 429, 5xx and an unreachable API', async () => {
    const refused = await smsAdapter.send(message('Hi', '+1555000'), channel, settings);
    assert.deepEqual(refused, { ok: false, retryable: false, reason: "Twilio 400 error 21211: The 'To' number +1555000 is not a valid phone number." });
    const limited = await smsAdapter.send(message('Hi', '+15550000429'), channel, settings);
    assert.equal(limited.ok === false && limited.retryable, true);
    const broken = await smsAdapter.send(message('Hi', '+15550000500'), channel, settings);
    assert.equal(broken.ok === false && broken.retryable, true);
    const unreachable = await smsAdapter.send(message('Hi'), channel, { ...settings, apiBaseUrl: 'http://127.0.0.1:9' });
    assert.equal(unreachable.ok === false && unreachable.retryable, true);
  });

  it('refuses a contact without a number, and splits a reply over Twilio\'s 1,600 characters', async () => {
    assert.deepEqual(await smsAdapter.send(message('Hi', ''), channel, settings), { ok: false, retryable: false, reason: 'the contact has no phone number on this channel' });
    const before = recorder.requests.length;
    const long = 'word '.repeat(500);
    assert.equal((await smsAdapter.send(message(long), channel, settings)).ok, true);
    const bodies = recorder.requests.slice(before).map((r) => new URLSearchParams(r.body).get('Body')!);
    assert.equal(bodies.length, 2);
    assert.ok(bodies.every((b) => b.length <= SMS_MAX_CHARS));
    assert.equal(bodies.join(' '), long.trim());
    assert.deepEqual(splitSms('short'), ['short']);
  });

  it('checks its settings: a sender is required', () => {
    assert.equal(smsSettingsSchema.safeParse({ accountSid: ACCOUNT, authToken: 't' }).success, false);
    assert.equal(smsSettingsSchema.parse({ accountSid: ACCOUNT, authToken: 't', fromNumber: '+1' }).apiBaseUrl, 'https://api.twilio.com');
  });
});
