import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, like } from 'drizzle-orm';
import { contacts, conversations, messages, outbox } from '../../db/schema/index.ts';
import { enqueueReply } from '../../outbox/enqueue-reply.ts';
import type { Tenant } from '../../testing/test-server.ts';
import { openDatabase, type Database } from '../../db/client.ts';
import { createRealtimeBus, type RealtimeBus } from '../../realtime/realtime-bus.ts';
import { refusedStatus } from '../../realtime/ws-test-client.ts';
import { composeAutoAnswer, readFeedback } from '../../triage/compose-auto-answer.ts';
import { startChatKit, type ChatChannel, type ChatKit } from './chat-test-kit.ts';

describe('chat channel: visitor socket', () => {
  let kit: ChatKit;
  let a: Tenant;
  let b: Tenant;
  let chat: ChatChannel;
  let otherChat: ChatChannel;
  /** Another Relais process on the same database (on PGlite: the same process, another listener). */
  let otherDatabase: Database;
  let otherBus: RealtimeBus;

  before(async () => {
    kit = await startChatKit();
    a = await kit.server.createTenant('chat-a');
    b = await kit.server.createTenant('chat-b');
    chat = await kit.chatChannel(a, { brandName: 'Rail Express', allowedOrigins: ['https://shop.example'] });
    otherChat = await kit.chatChannel(b);
    const url = kit.server.database.url;
    otherDatabase = url ? await openDatabase({ databaseUrl: url, poolSize: 2 }) : kit.server.database;
    otherBus = await createRealtimeBus(otherDatabase);
  });
  after(async () => {
    await otherBus.close();
    if (otherDatabase !== kit.server.database) await otherDatabase.close();
    await kit.server.close();
  });
  const origin = { origin: 'https://shop.example' };

  it('greets a new visitor with an id, the brand, and no history', async () => {
    const { socket, ready } = await kit.hello(chat.webhookKey, {}, origin);
    assert.equal(ready.type, 'ready');
    assert.match(ready.visitorId, /^v_[A-Za-z0-9_-]{22}$/);
    assert.deepEqual(ready.brand, { name: 'Rail Express', primaryColor: '#1f5eff', textColor: '#ffffff', welcome: 'Bonjour ! Comment pouvons-nous vous aider ?' });
    assert.deepEqual(ready.history, []);
    assert.equal(ready.complete, true);
    await socket.close();
  });

  it('acknowledges a message once committed, and stores it once when the widget sends it twice', async () => {
    const { socket, ready } = await kit.hello(chat.webhookKey, {}, origin);
    const first = await kit.say(socket, 'Bonjour, mon train est en retard', 'retry-0001');
    assert.equal(first.type, 'ack');
    // The ack came after the commit: any connection sees the row now.
    const [stored] = await kit.db.select().from(messages).where(eq(messages.id, first.messageId));
    assert.equal(stored!.body, 'Bonjour, mon train est en retard');
    assert.equal(stored!.externalId, `chat:${ready.visitorId}:retry-0001`);
    const again = await kit.say(socket, 'Bonjour, mon train est en retard', 'retry-0001');
    assert.equal(again.messageId, first.messageId);
    const rows = await kit.db.select().from(messages).where(and(eq(messages.channelId, chat.id), like(messages.externalId, '%:retry-0001')));
    assert.equal(rows.length, 1);
    await socket.close();
  });

  it('pushes an agent\'s reply live, whichever process sends it', async () => {
    const { socket } = await kit.hello(chat.webhookKey, {}, origin);
    const ack = await kit.say(socket, 'Où est ma valise ?');
    await kit.agentReply(a, ack.conversationId, 'Bonjour, je regarde tout de suite.');
    const live = await socket.next((f) => f.type === 'message' && f.message.from === 'agent');
    assert.equal(live.message.text, 'Bonjour, je regarde tout de suite.');
    assert.equal(live.message.conversationId, ack.conversationId);
    // Sent by another process: its bus NOTIFYs, this process pushes.
    const messageId = await kit.agentReply(a, ack.conversationId, 'Elle est à Lyon.', false);
    await otherBus.publish(a.orgId, { kind: 'chat.push', conversationId: ack.conversationId, messageId });
    assert.equal((await socket.next((f) => f.type === 'message' && f.message.id === messageId)).message.text, 'Elle est à Lyon.');
    // Typing and read receipts from the desk reach the visitor too.
    await otherBus.publish(a.orgId, { kind: 'typing', conversationId: ack.conversationId, actor: 'agent' });
    await socket.next((f) => f.type === 'typing');
    await otherBus.publish(a.orgId, { kind: 'message.read', conversationId: ack.conversationId, messageId: ack.messageId, by: 'agent' });
    assert.equal((await socket.next((f) => f.type === 'read')).messageId, ack.messageId);
    await socket.close();
  });

  it('catches up after a reconnection with only the missed messages', async () => {
    const first = await kit.hello(chat.webhookKey, {}, origin);
    const ack = await kit.say(first.socket, 'Je voudrais un remboursement');
    const seen = await kit.agentReply(a, ack.conversationId, 'Quel est votre numéro de billet ?');
    await first.socket.next((f) => f.type === 'message' && f.message.id === seen);
    await first.socket.close();
    // While the visitor is away: one reply the outbox holds back (retrying later), one it delivers to nobody.
    const held = await kit.agentReply(a, ack.conversationId, 'Je transmets au service remboursement.', false);
    await kit.db.update(outbox).set({ status: 'retrying', nextAttemptAt: new Date(Date.now() + 3_600_000) }).where(eq(outbox.messageId, held));
    const missed = await kit.agentReply(a, ack.conversationId, 'Je vous rembourse sous 5 jours.');
    const [sent] = await kit.db.select().from(outbox).where(eq(outbox.messageId, missed));
    assert.equal(sent!.status, 'sent', 'send() is ok with nobody connected: the reply waits for the catch-up');
    const second = await kit.hello(chat.webhookKey, { visitorId: first.ready.visitorId, lastSeenMessageId: seen }, origin);
    assert.equal(second.ready.visitorId, first.ready.visitorId);
    assert.equal(second.ready.complete, false);
    assert.deepEqual(second.ready.history.map((m: { id: string }) => m.id), [missed], 'only the missed reply; not the one held back');
    assert.equal(second.ready.conversation.id, ack.conversationId);
    await second.socket.close();
    // Sent later, it is missed too though written before `missed`.
    await kit.db.update(outbox).set({ nextAttemptAt: new Date() }).where(eq(outbox.messageId, held));
    await kit.dispatch();
    const third = await kit.hello(chat.webhookKey, { visitorId: first.ready.visitorId, lastSeenMessageId: missed }, origin);
    assert.deepEqual(third.ready.history.map((m: { id: string }) => m.id), [held]);
    await third.socket.close();
    // With a lastSeen that is not this visitor's: the whole recent thread.
    const fourth = await kit.hello(chat.webhookKey, { visitorId: first.ready.visitorId, lastSeenMessageId: crypto.randomUUID() }, origin);
    assert.equal(fourth.ready.complete, true);
    assert.deepEqual(fourth.ready.history.map((m: { text: string }) => m.text),
      ['Je voudrais un remboursement', 'Quel est votre numéro de billet ?', 'Je transmets au service remboursement.', 'Je vous rembourse sous 5 jours.']);
    await fourth.socket.close();
  });

  it('shows the level-1 answer with its quick replies, and sends a clicked one as its label', async () => {
    const { socket } = await kit.hello(chat.webhookKey, { locale: 'en' }, origin);
    const ack = await kit.say(socket, 'How do I get a refund?');
    const composed = composeAutoAnswer({ language: 'en', content: 'Refunds take 5 days.', citations: [] });
    const [bot] = await kit.db.insert(messages).values({
      orgId: a.orgId, conversationId: ack.conversationId, channelId: chat.id, direction: 'outbound', authorKind: 'bot',
      body: composed.body, metadata: { ...composed.metadata, inReplyTo: ack.messageId },
    }).returning();
    await enqueueReply(kit.db, { orgId: a.orgId, messageId: bot!.id, channelId: chat.id });
    await kit.dispatch();
    const pushed = await socket.next((f) => f.type === 'message' && f.message.from === 'bot');
    assert.deepEqual(pushed.message.quickReplies.map((q: { id: string }) => q.id), ['solved', 'handoff']);
    socket.send({ type: 'quick_reply', clientMessageId: 'quick-0001', id: 'handoff' });
    const quickAck = await socket.next((f) => f.type === 'ack' && f.clientMessageId === 'quick-0001');
    const [stored] = await kit.db.select().from(messages).where(eq(messages.id, quickAck.messageId));
    assert.equal(stored!.body, 'Talk to a person');
    assert.equal(readFeedback(stored!.body), 'handoff', 'the triage job reads it as the hand-off');
    assert.equal((stored!.metadata as { quickReply?: string }).quickReply, 'handoff');
    socket.send({ type: 'quick_reply', clientMessageId: 'quick-0002', id: 'nonsense' });
    assert.equal((await socket.next((f) => f.type === 'error')).code, 'no_quick_reply');
    await socket.close();
  });

  it('stores an email left for follow-up, and a rating once the conversation is resolved', async () => {
    const { socket } = await kit.hello(chat.webhookKey, {}, origin);
    socket.send({ type: 'identify', email: 'Camille@Example.test', name: 'Camille' });
    await socket.next((f) => f.type === 'identified');
    const ack = await kit.say(socket, 'Merci de me répondre par e-mail');
    const [conversation] = await kit.db.select().from(conversations).where(eq(conversations.id, ack.conversationId));
    const [contact] = await kit.db.select().from(contacts).where(eq(contacts.id, conversation!.contactId));
    assert.deepEqual([contact!.email, contact!.name], ['camille@example.test', 'Camille'], 'stored on the contact of the conversation');
    socket.send({ type: 'rating', score: 5 });
    assert.equal((await socket.next((f) => f.type === 'error')).code, 'not_resolved');
    await kit.db.update(conversations).set({ status: 'resolved' }).where(eq(conversations.id, ack.conversationId));
    await otherBus.publish(a.orgId, { kind: 'conversation.updated', conversationId: ack.conversationId });
    // Intake's own conversation.updated (the visitor's message) may arrive first: wait for the resolution.
    const update = await socket.next((f) => f.type === 'conversation' && f.conversation.status === 'resolved');
    assert.deepEqual(update.conversation, { id: ack.conversationId, status: 'resolved', rated: false });
    socket.send({ type: 'rating', score: 4, comment: 'Rapide, merci' });
    await socket.next((f) => f.type === 'rated');
    const rated = await kit.db.query.events.findFirst({ where: (e, { and: all, eq: is }) => all(is(e.type, 'conversation.rated'), is(e.subjectId, ack.conversationId)) });
    assert.deepEqual(rated?.data, { score: 4, comment: 'Rapide, merci', channel: 'chat' });
    socket.send({ type: 'rating', score: 1 });
    assert.equal((await socket.next((f) => f.type === 'error')).code, 'already_rated');
    await socket.close();
  });

  it('refuses pages of other sites, unknown channels, and frames before hello or malformed', async () => {
    assert.equal(await refusedStatus(`ws://${new URL(kit.httpBase).host}/hooks/chat/${chat.webhookKey}/ws`, { origin: 'https://evil.example' }), 403);
    assert.equal(await refusedStatus(`ws://${new URL(kit.httpBase).host}/hooks/chat/${chat.webhookKey}/ws`), 403);
    assert.equal(await refusedStatus(`ws://${new URL(kit.httpBase).host}/hooks/chat/nosuchchannelkey/ws`, origin), 404);
    const socket = await kit.visitor(chat.webhookKey, origin);
    socket.send({ type: 'message', clientMessageId: 'early-0001', text: 'hi' });
    assert.equal((await socket.next()).code, 'hello_first');
    socket.send({ type: 'hello', visitorId: 'user:someone-else' });
    assert.match((await socket.next((f) => f.type === 'ready')).visitorId, /^v_/, 'an id we did not issue is replaced');
    socket.send({ type: 'message', clientMessageId: 'x', text: '' });
    assert.equal((await socket.next((f) => f.type === 'error')).code, 'invalid_frame');
    await socket.close();
  });

  it('keeps tenants apart: a visitor id from one brand\'s chat opens nothing on another\'s', async () => {
    const { socket, ready } = await kit.hello(chat.webhookKey, {}, origin);
    await kit.say(socket, 'Message privé de la marque A');
    await socket.close();
    const elsewhere = await kit.hello(otherChat.webhookKey, { visitorId: ready.visitorId });
    assert.deepEqual(elsewhere.ready.history, []);
    assert.equal(elsewhere.ready.conversation, null);
    await elsewhere.socket.close();
  });

  it('serves the widget script with caching headers, gzip and ETag revalidation', async () => {
    const res = await kit.server.app.inject({ method: 'GET', url: '/hooks/chat/widget.js', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/javascript/);
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.match(String(res.headers['cache-control']), /max-age=300/);
    const etag = String(res.headers.etag);
    const again = await kit.server.app.inject({ method: 'GET', url: `/hooks/chat/${chat.webhookKey}/widget.js`, headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal((await kit.server.app.inject({ method: 'GET', url: '/hooks/chat/nosuchchannelkey/widget.js' })).statusCode, 404);
  });
});
