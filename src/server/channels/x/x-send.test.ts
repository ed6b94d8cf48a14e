// Replies on X against a local server answering as X API v2 documents (201 {data}, problem documents on errors).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startHttpRecorder } from '../../testing/local-receivers.ts';
import type { ChannelRecord, OutboundMessage } from '../channel-adapter.ts';
import { xSettingsSchema, type XSettings } from './x-settings.ts';
import { xAdapter } from './adapter.ts';
import { threadPosts } from './x-text.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as { data?: Record<string, string> };
const channel: ChannelRecord = { id: 'c1', orgId: 'o1', type: 'x', name: 'X', isPublic: true, webhookKey: 'k' };
const MENTION = { externalId: '1050118621198921728', metadata: { x: { kind: 'tweet', tweetId: '1050118621198921728' } } };
const DM = { externalId: '1371204467341807621', metadata: { x: { kind: 'dm', eventId: '1371204467341807621' } } };

function reply(body: string, isPublic: boolean, inReplyTo: OutboundMessage['inReplyTo'] = isPublic ? MENTION : DM): OutboundMessage {
  return {
    messageId: 'm1', orgId: 'o1', conversationId: 'v1', body, isPublic, metadata: {},
    recipient: { externalId: '6253282', displayName: 'Twitter API' }, subject: null, inReplyTo,
  };
}

describe('X send (API v2)', () => {
  let recorder: Awaited<ReturnType<typeof startHttpRecorder>>;
  let settings: XSettings;
  // Answers in order, then success: documented shapes, each new post with its own id.
  let planned: { status: number; body: unknown }[] = [];
  let nextId = 1445880548472328192n;

  before(async () => {
    recorder = await startHttpRecorder((req) => {
      const next = planned.shift();
      if (next) return next;
      if (req.url.startsWith('/2/dm_conversations/')) return { status: 201, body: fixture('dm-created') };
      const created = fixture('tweet-created');
      const id = String(nextId++);
      return { status: 201, body: { data: { ...created.data, id, edit_history_tweet_ids: [id], text: JSON.parse(req.body).text } } };
    });
    settings = xSettingsSchema.parse({ consumerSecret: 's', bearerToken: 'brand-user-token', apiBaseUrl: recorder.url });
  });
  beforeEach(() => {
    planned = [];
    recorder.requests.length = 0;
  });
  after(() => recorder.close());

  it('answers the customer\'s post with a reply post, as the brand account', async () => {
    const result = await xAdapter.send(reply('We are sorry: a new parcel leaves today.', true), channel, settings);
    assert.deepEqual(result, { ok: true, externalId: '1445880548472328192' });
    const [req] = recorder.requests;
    assert.equal(req!.method, 'POST');
    assert.equal(req!.url, '/2/tweets');
    assert.equal(req!.headers.authorization, 'Bearer brand-user-token');
    assert.match(String(req!.headers['content-type']), /^application\/json/);
    assert.deepEqual(JSON.parse(req!.body), { text: 'We are sorry: a new parcel leaves today.', reply: { in_reply_to_tweet_id: '1050118621198921728' } });
  });

  it('posts a long reply as a numbered thread, each post answering the previous one', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `sentence${i} is here.`).join(' ');
    const result = await xAdapter.send(reply(long, true), channel, settings);
    assert.equal(result.ok, true);
    const bodies = recorder.requests.map((r) => JSON.parse(r.body));
    assert.deepEqual(bodies.map((b) => b.text), threadPosts(long));
    assert.ok(bodies.length >= 2);
    assert.equal(bodies[0].reply.in_reply_to_tweet_id, '1050118621198921728');
    for (let i = 1; i < bodies.length; i++) assert.equal(bodies[i].reply.in_reply_to_tweet_id, String(BigInt((result as any).externalId) + BigInt(i - 1)));
    assert.ok(bodies.every((b, i) => b.text.endsWith(` (${i + 1}/${bodies.length})`) && b.text.length <= 280));
    assert.equal(bodies.map((b) => b.text.replace(/ \(\d\/\d\)$/, '')).join(' '), long);
  });

  it('refuses, without posting, a reply longer than a short thread or with no post to answer', async () => {
    const tooLong = await xAdapter.send(reply('word '.repeat(400), true), channel, settings);
    assert.equal(tooLong.ok === false && !tooLong.retryable && /too long for X/.test(tooLong.reason), true);
    const toDm = await xAdapter.send(reply('Public answer', true, DM), channel, settings);
    assert.equal(toDm.ok === false && !toDm.retryable, true);
    assert.equal(recorder.requests.length, 0);
  });

  it('sends a private reply as a direct message and keeps its event id', async () => {
    const result = await xAdapter.send(reply('We have refunded the second charge.', false), channel, settings);
    assert.deepEqual(result, { ok: true, externalId: '1580705921830768647' });
    const [req] = recorder.requests;
    assert.equal(req!.url, '/2/dm_conversations/with/6253282/messages');
    assert.deepEqual(JSON.parse(req!.body), { text: 'We have refunded the second charge.' });
  });

  it('does not retry refusals (403, 401) but retries 429, 5xx and an unreachable API', async () => {
    planned = [{ status: 403, body: fixture('error-403') }];
    assert.deepEqual(await xAdapter.send(reply('Hi', false), channel, settings),
      { ok: false, retryable: false, reason: 'X 403: You are not permitted to send a message to this user.' });
    planned = [{ status: 401, body: fixture('error-401') }];
    assert.equal((await xAdapter.send(reply('Hi', true), channel, settings) as { retryable: boolean }).retryable, false);
    planned = [{ status: 429, body: fixture('error-429') }];
    assert.equal((await xAdapter.send(reply('Hi', true), channel, settings) as { retryable: boolean }).retryable, true);
    planned = [{ status: 503, body: { title: 'Service Unavailable', status: 503 } }];
    assert.equal((await xAdapter.send(reply('Hi', false), channel, settings) as { retryable: boolean }).retryable, true);
    const unreachable = await xAdapter.send(reply('Hi', true), channel, { ...settings, apiBaseUrl: 'http://127.0.0.1:9' });
    assert.equal(unreachable.ok === false && unreachable.retryable, true);
  });

  it('ends a thread interrupted after its first post as failed, not retried (it would repeat in public)', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `sentence${i} is here.`).join(' ');
    // The first post succeeds (default answer), the second meets an outage.
    const first = { status: 201, body: { data: { id: '1445880548472300001', text: 'part' } } };
    planned = [first, { status: 503, body: { title: 'Service Unavailable', status: 503 } }];
    const result = await xAdapter.send(reply(long, true), channel, settings);
    assert.equal(result.ok, false);
    assert.equal((result as { retryable: boolean }).retryable, false);
    assert.match((result as { reason: string }).reason, /^posted 1 of 3 \(1445880548472300001\), then X 503: Service Unavailable$/);
  });
});
