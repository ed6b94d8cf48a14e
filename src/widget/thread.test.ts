import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChatMessage } from './protocol.ts';
import { Thread, backoffDelay } from './thread.ts';

const message = (id: string, at: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id, conversationId: 'c1', from: 'agent', authorName: 'Camille', text: `text ${id}`, createdAt: at, clientMessageId: null, quickReplies: [], ...extra,
});

describe('widget thread', () => {
  it('keeps a sent message once: its pending copy, the ack and the server echo merge', () => {
    const thread = new Thread();
    thread.addPending({ type: 'message', clientMessageId: 'cm-000001', text: 'Bonjour' }, 'Bonjour');
    assert.equal(thread.lastSeenId(), null, 'an unsent message is not a catch-up point');
    thread.upsert(message('m1', '2026-01-01T10:00:00.000Z', { from: 'visitor', clientMessageId: 'cm-000001', text: 'Bonjour' }));
    thread.ack({ type: 'ack', clientMessageId: 'cm-000001', messageId: 'm1', conversationId: 'c1', createdAt: '2026-01-01T10:00:00.000Z' });
    assert.equal(thread.entries.length, 1);
    assert.equal(thread.entries[0]!.delivery, 'sent');
    assert.equal(thread.pending().length, 0);
    assert.equal(thread.lastSeenId(), 'm1');
  });

  it('orders by server time, keeps unsent messages last, and survives a full history reload', () => {
    const thread = new Thread();
    thread.upsert(message('m2', '2026-01-01T10:02:00.000Z'));
    thread.upsert(message('m1', '2026-01-01T10:01:00.000Z'));
    thread.addPending({ type: 'message', clientMessageId: 'cm-000002', text: 'encore là ?' }, 'encore là ?');
    assert.deepEqual(thread.entries.map((e) => e.id), ['m1', 'm2', 'local:cm-000002']);
    thread.replace([message('m1', '2026-01-01T10:01:00.000Z'), message('m3', '2026-01-01T10:03:00.000Z')]);
    assert.deepEqual(thread.entries.map((e) => e.id), ['m1', 'm3', 'local:cm-000002']);
    assert.equal(thread.lastSeenId(), 'm3');
  });

  it('offers quick replies only under the last message, and marks the visitor\'s messages read', () => {
    const thread = new Thread();
    thread.upsert(message('m1', '2026-01-01T10:01:00.000Z', { from: 'visitor', clientMessageId: 'cm-000003' }));
    thread.upsert(message('m2', '2026-01-01T10:02:00.000Z', { from: 'bot', quickReplies: [{ id: 'solved', label: 'Oui' }] }));
    assert.equal(thread.offeredQuickReplies()?.id, 'm2');
    thread.markReadUpTo('m2');
    assert.equal(thread.entries[0]!.delivery, 'read');
    thread.upsert(message('m3', '2026-01-01T10:03:00.000Z', { from: 'visitor', clientMessageId: 'cm-000004' }));
    assert.equal(thread.offeredQuickReplies(), undefined);
  });

  it('backs off exponentially with jitter, capped at 30 s', () => {
    assert.equal(backoffDelay(0, () => 0), 500);
    assert.equal(backoffDelay(0, () => 1), 1000);
    assert.equal(backoffDelay(3, () => 1), 8000);
    assert.equal(backoffDelay(20, () => 1), 30_000);
    assert.equal(backoffDelay(20, () => 0), 15_000);
  });
});

describe('widget unread count', () => {
  it('counts the brand messages after the last one the visitor viewed', () => {
    const thread = new Thread();
    thread.replace([
      message('m1', '2026-01-01T10:01:00.000Z'),
      message('m2', '2026-01-01T10:02:00.000Z', { from: 'visitor', clientMessageId: 'cm-000005' }),
      message('m3', '2026-01-01T10:03:00.000Z', { from: 'bot' }),
      message('m4', '2026-01-01T10:04:00.000Z'),
    ]);
    assert.equal(thread.fromBrandAfter('m1'), 2);
    assert.equal(thread.fromBrandAfter('m4'), 0);
    assert.equal(thread.fromBrandAfter('unknown'), 0);
  });
});
