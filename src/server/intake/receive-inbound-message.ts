// Intake: stores a customer's message once, in its conversation, with the contact found or created from the
// channel identity, all in one transaction. Channel adapters call this and acknowledge the vendor only after
// it returns. The channel's own message id makes a retried delivery a no-op.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { channels, contactIdentities, contacts, conversations, messages, type Attachment, type ChannelType } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { contactWithVerified } from '../contacts/merge-contacts.ts';
import { publishRealtime } from '../realtime/publish-realtime.ts';

export type InboundMessage = {
  orgId: string;
  channelId: string;
  /** The sender as the channel knows them: an email address, a phone number, a page-scoped id... */
  sender: { externalId: string; displayName?: string | null; email?: string | null; phone?: string | null; verified?: boolean };
  text: string;
  html?: string | null;
  externalId?: string | null;
  subject?: string | null;
  attachments?: Attachment[];
  /** Continue this conversation (a threaded email reply, a comment under a post) instead of the contact's open one. */
  conversationId?: string | null;
  visibility?: 'public' | 'private';
  metadata?: Record<string, unknown>;
  at?: Date;
};

export type IntakeResult = { messageId: string; conversationId: string; contactId: string; duplicate: boolean; newConversation: boolean; channelType: ChannelType };

export async function receiveInboundMessage(db: Db, input: InboundMessage): Promise<IntakeResult> {
  const at = input.at ?? new Date();
  return db.transaction(async (tx) => {
    const [channel] = await tx.select().from(channels).where(and(eq(channels.id, input.channelId), eq(channels.orgId, input.orgId)));
    if (!channel) throw notFound('channel');
    if (input.externalId) {
      const [existing] = await tx.select({ id: messages.id, conversationId: messages.conversationId, contactId: messages.authorContactId })
        .from(messages).where(and(eq(messages.channelId, channel.id), eq(messages.externalId, input.externalId)));
      if (existing) return { messageId: existing.id, conversationId: existing.conversationId, contactId: existing.contactId!, duplicate: true, newConversation: false, channelType: channel.type };
    }
    const contactId = await findOrCreateContact(tx, input.orgId, channel.type, input.sender);
    let conversationId = input.conversationId ?? null;
    if (conversationId) {
      // A thread named by the caller must be this tenant's, on this channel.
      const [named] = await tx.select({ id: conversations.id }).from(conversations)
        .where(and(eq(conversations.id, conversationId), eq(conversations.orgId, input.orgId), eq(conversations.channelId, channel.id)));
      if (!named) throw notFound('conversation');
    }
    if (!conversationId) {
      const [open] = await tx.select({ id: conversations.id }).from(conversations)
        .where(and(eq(conversations.orgId, input.orgId), eq(conversations.channelId, channel.id), eq(conversations.contactId, contactId),
          inArray(conversations.status, ['open', 'pending']),
          // A direct message never joins a public thread, nor a public comment a private one.
          input.visibility ? eq(conversations.visibility, input.visibility) : undefined))
        .orderBy(desc(conversations.lastMessageAt)).limit(1);
      conversationId = open?.id ?? null;
    }
    const newConversation = !conversationId;
    if (!conversationId) {
      const [created] = await tx.insert(conversations).values({
        orgId: input.orgId, channelId: channel.id, contactId, subject: input.subject ?? null,
        visibility: input.visibility ?? (channel.isPublic ? 'public' : 'private'), lastMessageAt: at, createdAt: at, updatedAt: at,
      }).returning({ id: conversations.id });
      conversationId = created!.id;
    } else {
      // A customer writing again reopens the conversation; an auto-reply or a bounce does not.
      const automated = Boolean(input.metadata?.autoReply || input.metadata?.bounce);
      await tx.update(conversations).set(automated ? { updatedAt: at } : { lastMessageAt: at, updatedAt: at, status: 'open', resolvedAt: null })
        .where(and(eq(conversations.id, conversationId), eq(conversations.orgId, input.orgId)));
    }
    // ON CONFLICT covers two deliveries of the same message racing past the check above.
    const inserted = await tx.insert(messages).values({
      orgId: input.orgId, conversationId, channelId: channel.id, direction: 'inbound', authorKind: 'customer',
      authorContactId: contactId, body: input.text, bodyHtml: input.html ?? null, externalId: input.externalId ?? null,
      attachments: input.attachments ?? [], isPublic: (input.visibility ?? (channel.isPublic ? 'public' : 'private')) === 'public',
      metadata: input.metadata ?? {}, createdAt: at,
    }).onConflictDoNothing().returning({ id: messages.id });
    if (inserted.length === 0) {
      const [existing] = await tx.select({ id: messages.id, conversationId: messages.conversationId }).from(messages)
        .where(and(eq(messages.channelId, channel.id), eq(messages.externalId, input.externalId ?? '')));
      return { messageId: existing!.id, conversationId: existing!.conversationId, contactId, duplicate: true, newConversation: false, channelType: channel.type };
    }
    // One event: a new message also means its conversation changed (receivers reload both).
    await publishRealtime(tx, input.orgId, { kind: 'message.created', conversationId, messageId: inserted[0]!.id, direction: 'inbound' });
    return { messageId: inserted[0]!.id, conversationId, contactId, duplicate: false, newConversation, channelType: channel.type };
  });
}

async function findOrCreateContact(db: Db, orgId: string, channelType: (typeof channels.$inferSelect)['type'], sender: InboundMessage['sender']) {
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

