import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, PAGE_ID, startMetaTestBed, type MetaTestBed } from './meta-test-kit.ts';

/** The documented feed comment, with other ids and text (a second comment, a reply...). */
function comment(overrides: { commentId: string; fromId?: string; name?: string; message?: string; postId?: string; parentId?: string }) {
  const body = fixture('page-feed-comment.json');
  const value = body.entry[0].changes[0].value;
  value.comment_id = overrides.commentId;
  if (overrides.fromId) value.from = { id: overrides.fromId, name: overrides.name ?? 'Someone' };
  if (overrides.message) value.message = overrides.message;
  if (overrides.postId) value.post_id = overrides.postId;
  if (overrides.parentId) value.parent_id = overrides.parentId;
  return body;
}

describe('Facebook webhook: Messenger and Page comments', () => {
  let bed: MetaTestBed;
  let fb: string;
  const stored = async () => bed.messagesOf(fb);

  before(async () => {
    bed = await startMetaTestBed();
    fb = bed.channels.facebook.id;
  });
  after(() => bed.close());

  it('stores a Messenger text message as a private message from the PSID', async () => {
    const res = await bed.deliver('facebook', fixture('messenger-text.json'));
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { received: 1, duplicates: 0, ignored: 0, deadLettered: 0 });
    const [message] = await stored();
    assert.equal(message?.externalId, 'mid.1457764197618:41d102a3e1ae206a38');
    assert.equal(message?.body, 'hello, world! Where is my order #4521?');
    assert.equal(message?.isPublic, false);
    assert.equal(message?.createdAt.getTime(), 1458692752478);
    assert.deepEqual((message?.metadata as any).meta, {
      network: 'facebook', kind: 'message', id: 'mid.1457764197618:41d102a3e1ae206a38', accountId: PAGE_ID,
    });
    assert.equal((await bed.conversationOf(message!.conversationId)).visibility, 'private');
  });

  it('keeps one message when Meta delivers the same webhook twice', async () => {
    const again = await bed.deliver('facebook', fixture('messenger-text.json'));
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), { received: 0, duplicates: 1, ignored: 0, deadLettered: 0 });
    assert.equal((await stored()).length, 1);
  });

  it('stores an attachment-only message, and ignores the echo of the Page\'s own message', async () => {
    assert.equal((await bed.deliver('facebook', fixture('messenger-attachment.json'))).statusCode, 200);
    const echo = await bed.deliver('facebook', fixture('messenger-echo.json'));
    assert.equal(echo.statusCode, 200);
    assert.deepEqual(echo.json(), { received: 0, duplicates: 0, ignored: 1, deadLettered: 0 });
    const all = await stored();
    assert.equal(all.length, 2);
    assert.deepEqual(all[1]!.attachments, [{ name: 'image', contentType: 'image/*', size: 0, url: 'https://scontent.xx.fbcdn.net/v/t1.15752-9/receipt.jpg' }]);
  });

  it('stores a Page comment as a public conversation, with the ids to answer it and no invented audience', async () => {
    const res = await bed.deliver('facebook', fixture('page-feed-comment.json'));
    assert.equal(res.statusCode, 200, res.body);
    const message = (await stored()).find((m) => m.externalId === '200000000000001_300000000000001')!;
    assert.equal(message.isPublic, true);
    assert.equal(message.body, 'Still no refund after three weeks, is anyone reading this?');
    const metadata = message.metadata as any;
    assert.deepEqual(metadata.meta, {
      network: 'facebook', kind: 'comment', id: '200000000000001_300000000000001', accountId: PAGE_ID,
      postId: '105000000000001_200000000000001', threadKey: 'post:105000000000001_200000000000001', parentId: '105000000000001_200000000000001',
    });
    // Meta does not say how many followers a commenter has: triage must not be told a number.
    assert.equal(metadata.audience, undefined);
    const conversation = await bed.conversationOf(message.conversationId);
    assert.equal(conversation.visibility, 'public');
    assert.equal(conversation.subject, 'Facebook post 105000000000001_200000000000001');
  });

  it('puts every comment under one post in one conversation, and a comment on another post in a new one', async () => {
    await bed.deliver('facebook', comment({ commentId: '200000000000001_300000000000002', fromId: '3100000000000002', name: 'Prince Charming', message: 'Same here.' }));
    await bed.deliver('facebook', comment({ commentId: '200000000000001_300000000000003', message: 'Hello?', parentId: '200000000000001_300000000000001' }));
    await bed.deliver('facebook', comment({ commentId: '200000000000002_300000000000004', postId: '105000000000001_200000000000002', message: 'Other post' }));
    const byId = new Map((await stored()).map((m) => [m.externalId, m]));
    const first = byId.get('200000000000001_300000000000001')!.conversationId;
    assert.equal(byId.get('200000000000001_300000000000002')!.conversationId, first);
    assert.equal(byId.get('200000000000001_300000000000003')!.conversationId, first);
    assert.notEqual(byId.get('200000000000002_300000000000004')!.conversationId, first);
  });

  it('ignores the Page\'s own comments (our public replies come back through the feed)', async () => {
    const res = await bed.deliver('facebook', comment({ commentId: '200000000000001_300000000000005', fromId: PAGE_ID, name: 'Our Page' }));
    assert.deepEqual(res.json(), { received: 0, duplicates: 0, ignored: 1, deadLettered: 0 });
    assert.equal((await stored()).some((m) => m.externalId === '200000000000001_300000000000005'), false);
  });

  it('ignores likes, edits and another Page\'s entries without storing or refusing them', async () => {
    const like = comment({ commentId: '200000000000001_300000000000006' });
    like.entry[0].changes[0].value.item = 'reaction';
    const edit = comment({ commentId: '200000000000001_300000000000007' });
    edit.entry[0].changes[0].value.verb = 'edited';
    const elsewhere = fixture('messenger-text.json');
    elsewhere.entry[0].id = '999000000000001';
    for (const body of [like, edit, elsewhere]) {
      const res = await bed.deliver('facebook', body);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().ignored, 1);
    }
  });

  it('stores the readable items of a batch, dead-letters the malformed one, and answers 200', async () => {
    const body = fixture('messenger-text.json');
    const good = structuredClone(body.entry[0].messaging[0]);
    good.message.mid = 'mid.batch-good';
    const bad = structuredClone(good);
    delete bad.message.mid;
    body.entry[0].messaging = [good, bad];
    const res = await bed.deliver('facebook', body);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { received: 1, duplicates: 0, ignored: 0, deadLettered: 1 });
    assert.ok((await stored()).some((m) => m.externalId === 'mid.batch-good'));
    const [letter] = await bed.deadLettersOf(fb);
    assert.match(letter!.reason, /^entry\[0\]\.messaging\[1\]: message\.mid/);
    // The dead letter is a one-item delivery, ready to be fixed and replayed.
    assert.deepEqual(JSON.parse(letter!.payload).entry[0].messaging, [bad]);
  });

  it('answers 400 with the reason when nothing is readable, keeping one dead letter across retries', async () => {
    const body = comment({ commentId: '200000000000001_300000000000008' });
    delete body.entry[0].changes[0].value.comment_id;
    for (let i = 0; i < 2; i++) {
      const res = await bed.deliver('facebook', body);
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'bad_request');
      assert.match(res.json().error.message, /comment_id: required/);
    }
    const wrongObject = await bed.deliver('facebook', { object: 'instagram', entry: [] });
    assert.equal(wrongObject.statusCode, 400);
    assert.match(wrongObject.json().error.message, /object: expected "page"/);
    const reasons = (await bed.deadLettersOf(fb)).map((l) => l.reason);
    assert.equal(reasons.filter((r) => /comment_id: required/.test(r)).length, 1);
    assert.equal(reasons.filter((r) => /object: expected/.test(r)).length, 1);
  });
});
