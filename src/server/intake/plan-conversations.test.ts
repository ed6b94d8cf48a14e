import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planConversations, type ConversationRequest, type OpenConversation } from './plan-conversations.ts';

const ORG = '00000000-0000-4000-8000-0000000000aa';
const CHANNEL = '00000000-0000-4000-8000-0000000000cc';
const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 9, 0, second));
const request = (contactId: string, second: number, extra: Partial<ConversationRequest> = {}): ConversationRequest => ({
  orgId: ORG, channelId: CHANNEL, contactId, at: at(second), subject: null, visibility: undefined, newVisibility: 'private',
  automated: false, named: null, ...extra,
});
const open = (id: string, contactId: string, second: number | null, visibility: 'public' | 'private' = 'private'): OpenConversation => ({
  id, channelId: CHANNEL, contactId, visibility, lastMessageAt: second === null ? null : at(second),
});

describe('planning the conversations of a batch', () => {
  it('opens one conversation for a new contact\'s messages, as if they had come one by one', () => {
    const plan = planConversations([request('k1', 1, { subject: 'Colis' }), request('k1', 2), request('k2', 3)], []);
    assert.deepEqual(plan.joined.map((j) => j.newConversation), [true, false, true]);
    assert.equal(plan.joined[0]!.conversationId, plan.joined[1]!.conversationId);
    assert.notEqual(plan.joined[0]!.conversationId, plan.joined[2]!.conversationId);
    assert.equal(plan.created.length, 2);
    const first = plan.created.find((c) => c.contactId === 'k1')!;
    assert.equal(first.subject, 'Colis');
    assert.deepEqual([first.createdAt, first.lastMessageAt, first.updatedAt], [at(1), at(2), at(2)]);
    assert.deepEqual(plan.touched, [], 'a conversation made in this batch is written once, with its final values');
  });

  it('joins the most recent open conversation, NULL first as ORDER BY … DESC does, and updates it once', () => {
    const plan = planConversations([request('k1', 10), request('k1', 11)], [open('old', 'k1', 1), open('recent', 'k1', 5), open('other', 'k2', 9)]);
    assert.deepEqual(plan.joined.map((j) => j.conversationId), ['recent', 'recent']);
    assert.deepEqual(plan.touched, [{ id: 'recent', orgId: ORG, lastMessageAt: at(11), updatedAt: at(11), reopen: true }]);
    const withNull = planConversations([request('k1', 10)], [open('recent', 'k1', 5), open('never', 'k1', null)]);
    assert.equal(withNull.joined[0]!.conversationId, 'never');
  });

  it('keeps public and private apart when the message says which it is', () => {
    const conversations = [open('dm', 'k1', 5, 'private'), open('comments', 'k1', 4, 'public')];
    const plan = planConversations([request('k1', 10, { visibility: 'public' }), request('k1', 11, { visibility: 'private' }), request('k1', 12)], conversations);
    assert.deepEqual(plan.joined.map((j) => j.conversationId), ['comments', 'dm', 'dm']);
    const fresh = planConversations([request('k1', 10, { visibility: 'public' }), request('k1', 11, { visibility: 'public' })], [open('dm', 'k1', 5)]);
    assert.equal(fresh.created.length, 1);
    assert.equal(fresh.created[0]!.visibility, 'public');
    assert.equal(fresh.joined[1]!.conversationId, fresh.created[0]!.id);
  });

  it('lets an auto-reply neither reopen a conversation nor count as its last message', () => {
    const plan = planConversations([request('k1', 10), request('k1', 12, { automated: true })], [open('c', 'k1', 5)]);
    assert.deepEqual(plan.touched, [{ id: 'c', orgId: ORG, lastMessageAt: at(10), updatedAt: at(12), reopen: true }]);
    const onlyAutomated = planConversations([request('k1', 12, { automated: true })], [open('c', 'k1', 5)]);
    assert.deepEqual(onlyAutomated.touched, [{ id: 'c', orgId: ORG, lastMessageAt: null, updatedAt: at(12), reopen: false }]);
  });

  it('writes to a named conversation even when resolved, and then lets its contact\'s next message join it', () => {
    const resolved = open('thread', 'k1', 1);
    const plan = planConversations([request('k1', 10, { named: resolved }), request('k1', 11)], []);
    assert.deepEqual(plan.joined.map((j) => j.conversationId), ['thread', 'thread']);
    assert.deepEqual(plan.created, []);
    assert.deepEqual(plan.touched, [{ id: 'thread', orgId: ORG, lastMessageAt: at(11), updatedAt: at(11), reopen: true }]);
    const bounce = planConversations([request('k1', 10, { named: resolved, automated: true }), request('k1', 11)], []);
    assert.notEqual(bounce.joined[1]!.conversationId, 'thread', 'a bounce leaves the thread resolved: the next message opens a new one');
    assert.equal(bounce.created.length, 1);
  });
});
