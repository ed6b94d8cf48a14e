// From webhook to reply: what intake stores on a Meta message (metadata.meta, the contact's identity) is all
// the outbox needs to answer it, publicly or privately, with the channel's sealed settings.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { contactIdentities } from '../../db/schema/index.ts';
import { startHttpRecorder } from '../../testing/local-receivers.ts';
import type { OutboundMessage } from '../channel-adapter.ts';
import { channelById, updateChannelSettings } from '../channels.service.ts';
import { facebookAdapter } from './adapters.ts';
import type { FacebookSettings } from './meta-settings.ts';
import { fixture, metaSettings, PAGE_ID, startMetaTestBed, type MetaTestBed } from './meta-test-kit.ts';

describe('Meta round trip: a stored webhook message answered through the Graph API', () => {
  let bed: MetaTestBed;
  let graph: Awaited<ReturnType<typeof startHttpRecorder>>;
  const responses = fixture('graph-responses.json');

  before(async () => {
    bed = await startMetaTestBed();
    graph = await startHttpRecorder((req) => ({ status: 200, body: req.url.includes('/messages') ? responses.sendApi : responses.comment }));
    await updateChannelSettings(bed.server.database.db, bed.tenant.orgId, bed.channels.facebook.id, { ...metaSettings(graph.url), pageId: PAGE_ID });
  });
  after(async () => {
    await graph.close();
    await bed.close();
  });

  async function replyTo(externalId: string, isPublic: boolean): Promise<OutboundMessage> {
    const { db } = bed.server.database;
    const inbound = (await bed.messagesOf(bed.channels.facebook.id)).find((m) => m.externalId === externalId)!;
    const [identity] = await db.select().from(contactIdentities)
      .where(and(eq(contactIdentities.contactId, inbound.authorContactId!), eq(contactIdentities.channelType, 'facebook')));
    return {
      messageId: 'reply', orgId: bed.tenant.orgId, conversationId: inbound.conversationId, body: 'We are looking into it.', isPublic,
      metadata: {}, recipient: { externalId: identity!.externalId, displayName: identity!.displayName }, subject: null,
      inReplyTo: { externalId: inbound.externalId, metadata: inbound.metadata },
    };
  }

  it('answers a comment publicly, privately, and a Messenger message privately', async () => {
    assert.equal((await bed.deliver('facebook', fixture('page-feed-comment.json'))).statusCode, 200);
    assert.equal((await bed.deliver('facebook', fixture('messenger-text.json'))).statusCode, 200);
    const { channel, settings } = await channelById<FacebookSettings>(bed.server.database.db, bed.channels.facebook.id);
    assert.equal(settings.graphVersion, 'v21.0');

    const send = async (m: OutboundMessage) => {
      const result = await facebookAdapter.send(m, channel, settings);
      assert.equal(result.ok, true, JSON.stringify(result));
      const req = graph.requests.at(-1)!;
      return { path: new URL(req.url, graph.url).pathname, body: JSON.parse(req.body) };
    };
    const comment = '200000000000001_300000000000001';
    assert.deepEqual(await send(await replyTo(comment, true)), { path: `/v21.0/${comment}/comments`, body: { message: 'We are looking into it.' } });
    assert.deepEqual((await send(await replyTo(comment, false))).body.recipient, { comment_id: comment });
    assert.deepEqual((await send(await replyTo('mid.1457764197618:41d102a3e1ae206a38', false))).body.recipient, { id: '6200000000000001' });
  });
});
