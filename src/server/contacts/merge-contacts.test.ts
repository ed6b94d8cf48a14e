import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { contactIdentities, conversations } from '../db/schema/index.ts';
import { createChannel } from '../organizations/organizations.service.ts';
import { receiveInboundMessage } from '../intake/receive-inbound-message.ts';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';

describe('contact identities, merge and unmerge', () => {
  let server: TestServer;
  let tenant: Tenant;
  let emailChannelId: string;
  let smsChannelId: string;
  before(async () => {
    server = await startTestServer();
    tenant = await server.createTenant();
    emailChannelId = (await createChannel(server.database.db, tenant.orgId, { type: 'email', name: 'Support' })).id;
    smsChannelId = (await createChannel(server.database.db, tenant.orgId, { type: 'sms', name: 'SMS' })).id;
  });
  after(() => server.close());

  it('links a verified identity on another channel to the contact that owns the same email', async () => {
    const first = await receiveInboundMessage(server.database.db, {
      orgId: tenant.orgId, channelId: emailChannelId, text: 'Bonjour', externalId: '<a@mail>',
      sender: { externalId: 'lea@example.com', email: 'lea@example.com', displayName: 'Léa', verified: true },
    });
    const viaChat = await receiveInboundMessage(server.database.db, {
      orgId: tenant.orgId, channelId: tenant.channelId, text: 'Re-bonjour', externalId: 'c1',
      sender: { externalId: 'visitor-123', email: 'LEA@example.com', verified: true },
    });
    assert.equal(viaChat.contactId, first.contactId);
    const unverified = await receiveInboundMessage(server.database.db, {
      orgId: tenant.orgId, channelId: tenant.channelId, text: 'Je suis Léa, promis', externalId: 'c2',
      sender: { externalId: 'visitor-999', email: 'lea@example.com', verified: false },
    });
    assert.notEqual(unverified.contactId, first.contactId, 'an unverified claim must not join an existing contact');
  });

  it('merges two contacts and undoes it, keeping every conversation', async () => {
    const a = await receiveInboundMessage(server.database.db, {
      orgId: tenant.orgId, channelId: smsChannelId, text: 'Mon colis ?', externalId: 'SM1', sender: { externalId: '+33600000001' },
    });
    const b = await receiveInboundMessage(server.database.db, {
      orgId: tenant.orgId, channelId: tenant.channelId, text: 'Toujours pas de colis', externalId: 'c3', sender: { externalId: 'visitor-42' },
    });
    const h = bearer(tenant.adminToken);
    const merged = await server.app.inject({ method: 'POST', url: `/api/contacts/${b.contactId}/merge`, headers: h, payload: { intoContactId: a.contactId } });
    assert.equal(merged.statusCode, 201, merged.body);
    const contact = json(await server.app.inject({ method: 'GET', url: `/api/contacts/${a.contactId}`, headers: h }));
    assert.deepEqual(contact.identities.map((i: any) => i.channelType).sort(), ['chat', 'sms']);
    const history = json(await server.app.inject({ method: 'GET', url: `/api/conversations?contactId=${a.contactId}`, headers: h }));
    assert.equal(history.items.length, 2);
    const again = await server.app.inject({ method: 'POST', url: `/api/contacts/${b.contactId}/merge`, headers: h, payload: { intoContactId: a.contactId } });
    assert.equal(again.statusCode, 409);
    const self = await server.app.inject({ method: 'POST', url: `/api/contacts/${a.contactId}/merge`, headers: h, payload: { intoContactId: a.contactId } });
    assert.equal(self.statusCode, 422);

    const undone = await server.app.inject({ method: 'POST', url: `/api/contacts/merges/${json(merged).id}/undo`, headers: h });
    assert.equal(undone.statusCode, 200);
    const [conv] = await server.database.db.select().from(conversations).where(eq(conversations.id, b.conversationId));
    assert.equal(conv!.contactId, b.contactId);
    const ids = await server.database.db.select().from(contactIdentities).where(eq(contactIdentities.contactId, b.contactId));
    assert.deepEqual(ids.map((i) => i.externalId), ['visitor-42']);
    assert.equal((await server.app.inject({ method: 'POST', url: `/api/contacts/merges/${json(merged).id}/undo`, headers: h })).statusCode, 409);
  });
});
