// Everything a channel needs to deliver one reply, gathered from the database: who to, in answer to what.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { contactIdentities, conversations, messages } from '../db/schema/index.ts';
import type { ChannelRecord, OutboundMessage } from '../channels/channel-adapter.ts';

export async function buildOutboundMessage(db: Db, messageId: string, channel: ChannelRecord): Promise<OutboundMessage | null> {
  const [row] = await db.select({ message: messages, conversation: conversations }).from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId)).where(eq(messages.id, messageId));
  if (!row) return null;
  const { message, conversation } = row;
  const [identity] = await db.select().from(contactIdentities)
    .where(and(eq(contactIdentities.contactId, conversation.contactId), eq(contactIdentities.channelType, channel.type)))
    .orderBy(desc(contactIdentities.createdAt)).limit(1);
  // The message answered: the one named by the reply (level-1 answers), else the customer's latest.
  const named = (message.metadata as { inReplyTo?: string }).inReplyTo;
  const [answered] = named
    ? await db.select().from(messages).where(eq(messages.id, named))
    : await db.select().from(messages)
      .where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, 'inbound')))
      .orderBy(desc(messages.createdAt)).limit(1);
  return {
    messageId: message.id, orgId: message.orgId, conversationId: conversation.id, body: message.body, isPublic: message.isPublic,
    metadata: message.metadata,
    recipient: { externalId: identity?.externalId ?? '', displayName: identity?.displayName ?? null },
    subject: conversation.subject,
    inReplyTo: answered ? { externalId: answered.externalId, metadata: answered.metadata } : null,
  };
}
