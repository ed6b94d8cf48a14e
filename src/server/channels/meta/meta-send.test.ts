import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChannelRecord, OutboundMessage } from '../channel-adapter.ts';
import { startHttpRecorder, type RecordedRequest } from '../../testing/local-receivers.ts';
import { facebookAdapter, instagramAdapter } from './adapters.ts';
import { facebookSettingsSchema, instagramSettingsSchema } from './meta-settings.ts';
import { appSecretProof } from './meta-signature.ts';
import { fixture, IG_ACCOUNT_ID, metaSettings, PAGE_ID } from './meta-test-kit.ts';

const responses = fixture('graph-responses.json');
const COMMENT = { network: 'facebook', kind: 'comment', id: '200000000000001_300000000000001', accountId: PAGE_ID, postId: '105000000000001_200000000000001', threadKey: 'post:105000000000001_200000000000001' };
const IG_COMMENT = { network: 'instagram', kind: 'comment', id: '17860000000000001', accountId: IG_ACCOUNT_ID, mediaId: '17900000000000001', threadKey: 'media:17900000000000001' };
const DM = { network: 'facebook', kind: 'message', id: 'mid.1457764197618:41d102a3e1ae206a38', accountId: PAGE_ID };

function reply(overrides: Partial<OutboundMessage> & { answering?: Record<string, unknown> | null }): OutboundMessage {
  const { answering, ...rest } = overrides;
  return {
    messageId: 'm1', orgId: 'o1', conversationId: 'c1', body: 'Thanks, we are on it.', isPublic: false, metadata: {},
    recipient: { externalId: '6200000000000001', displayName: null }, subject: null,
    inReplyTo: answering === null ? null : { externalId: String(answering?.id ?? DM.id), metadata: { meta: answering ?? DM } },
    ...rest,
  };
}

describe('Meta outbound: Graph API calls', () => {
  let graph: Awaited<ReturnType<typeof startHttpRecorder>>;
  let answer: (req: RecordedRequest) => { status: number; body?: unknown };
  let fbSettings: ReturnType<typeof facebookSettingsSchema.parse>;
  let igSettings: ReturnType<typeof instagramSettingsSchema.parse>;
  const channel = (type: 'facebook' | 'instagram'): ChannelRecord => ({ id: 'ch', orgId: 'o1', type, name: type, isPublic: true, webhookKey: 'k' });
  const sendFb = (m: OutboundMessage) => facebookAdapter.send(m, channel('facebook'), fbSettings);
  const sendIg = (m: OutboundMessage) => instagramAdapter.send(m, channel('instagram'), igSettings);
  const last = () => {
    const req = graph.requests.at(-1)!;
    const url = new URL(req.url, graph.url);
    return { req, path: url.pathname, query: url.searchParams, body: JSON.parse(req.body) };
  };

  before(async () => {
    graph = await startHttpRecorder((req) => answer(req));
    fbSettings = facebookSettingsSchema.parse({ ...metaSettings(graph.url), pageId: PAGE_ID });
    igSettings = instagramSettingsSchema.parse({ ...metaSettings(graph.url), instagramAccountId: IG_ACCOUNT_ID });
  });
  beforeEach(() => {
    answer = (req) => ({ status: 200, body: req.url.includes('/messages') ? responses.sendApi : req.url.includes('/replies') ? responses.instagramReply : responses.comment });
  });
  after(() => graph.close());

  it('answers a Page comment publicly with POST /{comment-id}/comments, token as Bearer, appsecret_proof', async () => {
    const result = await sendFb(reply({ isPublic: true, answering: COMMENT }));
    assert.deepEqual(result, { ok: true, externalId: '200000000000001_300000000000009' });
    const { req, path, query, body } = last();
    assert.equal(req.method, 'POST');
    assert.equal(path, '/v21.0/200000000000001_300000000000001/comments');
    assert.deepEqual(body, { message: 'Thanks, we are on it.' });
    assert.equal(req.headers.authorization, 'Bearer EAAtest-page-token');
    assert.equal(query.get('appsecret_proof'), appSecretProof(fbSettings.appSecret, 'EAAtest-page-token'));
  });

  it('answers an Instagram comment publicly with POST /{ig-comment-id}/replies', async () => {
    const result = await sendIg(reply({ isPublic: true, answering: IG_COMMENT }));
    assert.deepEqual(result, { ok: true, externalId: '17873440459141021' });
    assert.equal(last().path, '/v21.0/17860000000000001/replies');
    assert.deepEqual(last().body, { message: 'Thanks, we are on it.' });
  });

  it('answers a DM privately through the Send API to the PSID, messaging_type RESPONSE', async () => {
    const result = await sendFb(reply({}));
    assert.deepEqual(result, { ok: true, externalId: responses.sendApi.message_id });
    assert.equal(last().path, '/v21.0/me/messages');
    assert.deepEqual(last().body, { recipient: { id: '6200000000000001' }, messaging_type: 'RESPONSE', message: { text: 'Thanks, we are on it.' } });
  });

  it('moves a public comment to a private message: a private reply with recipient.comment_id', async () => {
    assert.equal((await sendFb(reply({ isPublic: false, answering: COMMENT }))).ok, true);
    assert.deepEqual(last().body, { recipient: { comment_id: '200000000000001_300000000000001' }, message: { text: 'Thanks, we are on it.' } });
    assert.equal((await sendIg(reply({ isPublic: false, answering: IG_COMMENT }))).ok, true);
    assert.equal(last().path, '/v21.0/me/messages');
    assert.deepEqual(last().body, { recipient: { comment_id: '17860000000000001' }, message: { text: 'Thanks, we are on it.' } });
  });

  it('sends quick replies on private messages: text type, title cut at 20 characters, payload = id, 13 at most', async () => {
    const quickReplies = [{ id: 'track', label: 'Track my parcel right now please' }, { id: 7, label: 'Refund' }, { id: 'x', label: '  ' },
      ...Array.from({ length: 14 }, (_, i) => ({ id: `q${i}`, label: `Option ${i}` }))];
    await sendFb(reply({ metadata: { quickReplies } }));
    const sent = last().body.message.quick_replies;
    assert.equal(sent.length, 13);
    assert.deepEqual(sent[0], { content_type: 'text', title: 'Track my parcel righ', payload: 'track' });
    assert.deepEqual(sent[1], { content_type: 'text', title: 'Refund', payload: '7' });
    await sendFb(reply({ isPublic: true, answering: COMMENT, metadata: { quickReplies } }));
    assert.equal(last().body.quick_replies, undefined, 'a public comment has no buttons');
  });

  it('maps Graph errors: rate limits and downtime are retried, token, permission and parameter errors are not', async () => {
    const expected: Record<string, boolean> = { 4: true, 17: true, 32: true, 613: true, 2: true, 190: false, 10: false, 200: false, 100: false };
    for (const [code, retryable] of Object.entries(expected)) {
      const documented = responses.errors[code];
      answer = () => documented;
      const result = await sendFb(reply({}));
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.retryable, retryable, `code ${code}`);
      assert.match(!result.ok ? result.reason : '', new RegExp(`^Graph API error ${code}`));
    }
    answer = () => ({ status: 502 });
    assert.deepEqual(await sendFb(reply({})), { ok: false, retryable: true, reason: 'Graph API HTTP 502: no error details' });
  });

  it('retries when the Graph API cannot be reached, and refuses a public reply that answers no comment', async () => {
    const unreachable = await facebookAdapter.send(reply({}), channel('facebook'), { ...fbSettings, graphBaseUrl: 'http://127.0.0.1:9' });
    assert.equal(unreachable.ok === false && unreachable.retryable, true);
    const nowhere = await sendFb(reply({ isPublic: true }));
    assert.equal(nowhere.ok === false && nowhere.retryable, false);
  });
});
