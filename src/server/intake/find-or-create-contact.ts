// The contact behind a channel identity, created on its first message. Intake resolves known senders of a
// whole batch in one query (see store-inbound-batch.ts); this is the path of a sender seen for the first time.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { contactIdentities, contacts, type ChannelType } from '../db/schema/index.ts';
import { contactWithVerified } from '../contacts/merge-contacts.ts';
import type { InboundMessage } from './inbound-message.ts';

export async function findOrCreateContact(db: Db, orgId: string, channelType: ChannelType, sender: InboundMessage['sender']): Promise<string> {
  const [identity] = await db.select({ contactId: contactIdentities.contactId }).from(contactIdentities)
    .where(and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.channelType, channelType), eq(contactIdentities.externalId, sender.externalId)));
  if (identity) return identity.contactId;
  // A sender whose channel proves their email or phone (an email From, an SMS number, a signed widget
  // identity) joins the contact that already has it: one person, one record, identities on every channel.
  const linked = sender.verified ? await contactWithVerified(db, orgId, { email: sender.email, phone: sender.phone }) : null;
  if (linked) {
    await db.insert(contactIdentities).values({
      orgId, contactId: linked, channelType, externalId: sender.externalId, displayName: sender.displayName ?? null, verified: true,
    }).onConflictDoNothing();
    return linked;
  }
  const [contact] = await db.insert(contacts).values({
    orgId, name: sender.displayName ?? null, email: sender.email?.toLowerCase() ?? null, phone: sender.phone ?? null,
  }).returning({ id: contacts.id });
  await db.insert(contactIdentities).values({
    orgId, contactId: contact!.id, channelType, externalId: sender.externalId, displayName: sender.displayName ?? null,
    verified: sender.verified ?? false,
  }).onConflictDoNothing();
  // Two first messages from the same new sender at once: keep the identity that won, whoever created it.
  const [winner] = await db.select({ contactId: contactIdentities.contactId }).from(contactIdentities)
    .where(and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.channelType, channelType), eq(contactIdentities.externalId, sender.externalId)));
  return winner?.contactId ?? contact!.id;
}
