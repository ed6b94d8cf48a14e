import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { contactIdentities, contacts, conversations, messages } from '../../db/schema/index.ts';
import type { Tenant } from '../../testing/test-server.ts';
import { CLOSE } from '../../../widget/protocol.ts';
import { startChatKit, type ChatChannel, type ChatKit } from './chat-test-kit.ts';

const SECRET = 'brand-identity-secret-0123456789';
const sign = (userId: string, secret = SECRET) => createHmac('sha256', secret).update(userId).digest('hex');

describe('chat channel: signed visitor identity (HMAC)', () => {
  let kit: ChatKit;
  let a: Tenant;
  let chat: ChatChannel;
  let knownContactId: string;

  before(async () => {
    kit = await startChatKit();
    a = await kit.server.createTenant('chat-id');
    chat = await kit.chatChannel(a, { identitySecret: SECRET });
    // The brand's back office already knows this customer under its own id (API channel).
    const [contact] = await kit.db.insert(contacts).values({ orgId: a.orgId, name: 'Camille Martin', email: 'camille@example.test' }).returning();
    await kit.db.insert(contactIdentities).values({ orgId: a.orgId, contactId: contact!.id, channelType: 'api', externalId: 'cust-42', verified: true });
    knownContactId = contact!.id;
  });
  after(() => kit.server.close());

  const identityOf = (externalId: string) => kit.db.select().from(contactIdentities)
    .where(and(eq(contactIdentities.orgId, a.orgId), eq(contactIdentities.channelType, 'chat'), eq(contactIdentities.externalId, externalId)));

  it('links a validly signed visitor to the known contact, bringing the anonymous thread along', async () => {
    const anonymous = await kit.hello(chat.webhookKey);
    const ack = await kit.say(anonymous.socket, 'Bonjour, avant de me connecter');
    await anonymous.socket.close();
    const [before] = await kit.db.select().from(conversations).where(eq(conversations.id, ack.conversationId));
    assert.notEqual(before!.contactId, knownContactId);

    const identity = { userId: 'cust-42', email: 'camille@example.test', name: 'Camille', signature: sign('cust-42') };
    const signed = await kit.hello(chat.webhookKey, { visitorId: anonymous.ready.visitorId, identity });
    assert.equal(signed.ready.type, 'ready');
    assert.equal(signed.ready.verified, true);
    assert.deepEqual(signed.ready.history.map((m: { text: string }) => m.text), ['Bonjour, avant de me connecter']);
    const [after] = await kit.db.select().from(conversations).where(eq(conversations.id, ack.conversationId));
    assert.equal(after!.contactId, knownContactId, 'the anonymous conversation now belongs to the known contact');
    const [merged] = await kit.db.select().from(contacts).where(eq(contacts.id, before!.contactId));
    assert.equal(merged!.mergedIntoId, knownContactId, 'merged (undoable), not deleted');
    const [link] = await identityOf('user:cust-42');
    assert.deepEqual([link!.contactId, link!.verified], [knownContactId, true]);

    const next = await kit.say(signed.socket, 'Maintenant je suis connectée');
    const [stored] = await kit.db.select().from(messages).where(eq(messages.id, next.messageId));
    assert.equal(stored!.authorContactId, knownContactId);
    await signed.socket.close();
  });

  it('creates the contact of a signed user Relais did not know yet', async () => {
    const { socket, ready } = await kit.hello(chat.webhookKey, { identity: { userId: 'new-7', name: 'Noé', signature: sign('new-7') } });
    assert.equal(ready.verified, true);
    const [link] = await identityOf('user:new-7');
    assert.equal(link!.verified, true);
    const [contact] = await kit.db.select().from(contacts).where(eq(contacts.id, link!.contactId));
    assert.equal(contact!.name, 'Noé');
    await socket.close();
  });

  it('refuses a wrong signature, and trusts nothing from it', async () => {
    const forged = { userId: 'cust-42', signature: sign('cust-42', 'not-the-brand-secret-0000') };
    const socket = await kit.visitor(chat.webhookKey);
    socket.send({ type: 'hello', identity: { ...forged, userId: 'cust-43' } });
    const error = await socket.next();
    assert.equal(error.code, 'identity_invalid');
    assert.equal((await socket.closed).code, CLOSE.identityRefused);
    assert.equal((await identityOf('user:cust-43')).length, 0);
    // Even a signature valid for another user id does not open that one.
    const again = await kit.visitor(chat.webhookKey);
    again.send({ type: 'hello', identity: { userId: 'cust-99', signature: sign('cust-42') } });
    assert.equal((await again.next()).code, 'identity_invalid');
    await again.closed;
  });

  it('refuses signed identities on a channel without an identity secret', async () => {
    const open = await kit.chatChannel(a);
    const { ready, socket } = await kit.hello(open.webhookKey, { identity: { userId: 'cust-42', signature: sign('cust-42') } });
    assert.equal(ready.code, 'identity_invalid');
    await socket.closed;
  });
});
