import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, IG_ACCOUNT_ID, startMetaTestBed, type MetaTestBed } from './meta-test-kit.ts';

const IGSID = '5300000000000001';

function igComment(id: string, overrides: { fromId?: string; username?: string; mediaId?: string; text?: string } = {}) {
  const body = fixture('instagram-comment.json');
  const value = body.entry[0].changes[0].value;
  value.id = id;
  if (overrides.fromId) value.from = { id: overrides.fromId, username: overrides.username ?? 'someone' };
  if (overrides.mediaId) value.media.id = overrides.mediaId;
  if (overrides.text) value.text = overrides.text;
  return body;
}

function igMessage(mid: string, text: string, sender = IGSID) {
  const body = fixture('instagram-message.json');
  Object.assign(body.entry[0].messaging[0], { sender: { id: sender } });
  Object.assign(body.entry[0].messaging[0].message, { mid, text });
  return body;
}

describe('Instagram webhook: Direct messages and comments', () => {
  let bed: MetaTestBed;
  let ig: string;
  const byExternalId = async () => new Map((await bed.messagesOf(ig)).map((m) => [m.externalId, m]));

  before(async () => {
    bed = await startMetaTestBed();
    ig = bed.channels.instagram.id;
  });
  after(() => bed.close());

  it('stores a Direct message as private, in the Instagram channel', async () => {
    const res = await bed.deliver('instagram', fixture('instagram-message.json'));
    assert.equal(res.statusCode, 200, res.body);
    const [message] = await bed.messagesOf(ig);
    assert.equal(message?.body, 'Do you ship to Lyon?');
    assert.equal(message?.isPublic, false);
    assert.equal((message?.metadata as any).meta.kind, 'message');
    assert.equal((await bed.conversationOf(message!.conversationId)).visibility, 'private');
    assert.equal((await bed.messagesOf(bed.channels.facebook.id)).length, 0);
  });

  it('stores a comment as public, in its own conversation even though the same person has an open DM', async () => {
    const res = await bed.deliver('instagram', fixture('instagram-comment.json'));
    assert.equal(res.statusCode, 200, res.body);
    const messages = await byExternalId();
    const dm = messages.get('aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDAxOjM0MDI4MjM2Njg0MTcxMDMwMDk0OTEyODE3NTk0NzYyNzI1NDI3MjozMTgyMDYwNTk0ODgzMzI0ODY3ODc2NDg3NTI4MzUyNTEyAA')!;
    const comment = messages.get('17860000000000001')!;
    assert.equal(comment.isPublic, true);
    assert.equal(comment.authorContactId, dm.authorContactId, 'one person, one contact');
    assert.notEqual(comment.conversationId, dm.conversationId, 'public and private never share a conversation');
    assert.deepEqual((comment.metadata as any).meta, {
      network: 'instagram', kind: 'comment', id: '17860000000000001', accountId: IG_ACCOUNT_ID, mediaId: '17900000000000001',
      threadKey: 'media:17900000000000001', username: 'jane.doe',
    });
    const conversation = await bed.conversationOf(comment.conversationId);
    assert.equal(conversation.visibility, 'public');
    assert.equal(conversation.subject, 'Instagram media 17900000000000001');
  });

  it('continues the private conversation with the next DM, and the media thread with the next comment', async () => {
    await bed.deliver('instagram', igMessage('ig-mid-2', 'Any news?'));
    await bed.deliver('instagram', igComment('17860000000000002', { fromId: '5300000000000002', username: 'max', text: 'Me too!' }));
    const messages = await byExternalId();
    assert.equal(messages.get('ig-mid-2')!.conversationId, messages.get('aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDAxOjM0MDI4MjM2Njg0MTcxMDMwMDk0OTEyODE3NTk0NzYyNzI1NDI3MjozMTgyMDYwNTk0ODgzMzI0ODY3ODc2NDg3NTI4MzUyNTEyAA')!.conversationId);
    assert.equal(messages.get('17860000000000002')!.conversationId, messages.get('17860000000000001')!.conversationId);
  });

  it('ignores the account\'s own comments and echoes of its own messages', async () => {
    const own = await bed.deliver('instagram', igComment('17860000000000003', { fromId: IG_ACCOUNT_ID, username: 'our.brand' }));
    assert.deepEqual(own.json(), { received: 0, duplicates: 0, ignored: 1, deadLettered: 0 });
    const echo = igMessage('ig-mid-echo', 'Thanks!', IG_ACCOUNT_ID);
    echo.entry[0].messaging[0].recipient = { id: IGSID };
    echo.entry[0].messaging[0].message.is_echo = true;
    assert.deepEqual((await bed.deliver('instagram', echo)).json(), { received: 0, duplicates: 0, ignored: 1, deadLettered: 0 });
    const messages = await byExternalId();
    assert.equal(messages.has('17860000000000003'), false);
    assert.equal(messages.has('ig-mid-echo'), false);
  });

  it('reads the dashboard\'s test form (a messages change) and keeps one copy of a redelivery', async () => {
    const event = igMessage('ig-mid-3', 'Sent from the test button').entry[0].messaging[0];
    const body = { object: 'instagram', entry: [{ id: IG_ACCOUNT_ID, time: 1700000000, changes: [{ field: 'messages', value: event }] }] };
    assert.equal((await bed.deliver('instagram', body)).json().received, 1);
    assert.equal((await bed.deliver('instagram', body)).json().duplicates, 1);
    assert.equal([...(await byExternalId()).keys()].filter((id) => id === 'ig-mid-3').length, 1);
  });

  it('dead-letters a comment without media and answers 400 when it is the only item', async () => {
    const body = igComment('17860000000000004');
    delete body.entry[0].changes[0].value.media;
    const res = await bed.deliver('instagram', body);
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error.message, /entry\[0\]\.changes\[0\]: media/);
    assert.equal((await bed.deadLettersOf(ig)).length, 1);
  });
});
