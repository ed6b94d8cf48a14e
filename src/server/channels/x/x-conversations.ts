// Which conversation an X message continues: the thread it replies to, else the author's open conversation of
// the same visibility, so a direct message never lands in a public thread (nor a mention in a private one).
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contactIdentities, conversations, messages } from '../../db/schema/index.ts';
import type { XInbound } from './x-events.ts';

export async function conversationForX(db: Db, channel: { id: string; orgId: string }, message: XInbound): Promise<string | null> {
  if (message.inReplyToTweetId) {
    const [answered] = await db.select({ conversationId: messages.conversationId }).from(messages)
      .where(and(eq(messages.channelId, channel.id), eq(messages.externalId, message.inReplyToTweetId)));
    if (answered) return answered.conversationId;
  }
  const [open] = await db.select({ id: conversations.id }).from(conversations)
    .innerJoin(contactIdentities, eq(contactIdentities.contactId, conversations.contactId))
    .where(and(
      eq(contactIdentities.orgId, channel.orgId), eq(contactIdentities.channelType, 'x'), eq(contactIdentities.externalId, message.sender.externalId),
      eq(conversations.channelId, channel.id), eq(conversations.visibility, message.visibility), inArray(conversations.status, ['open', 'pending']),
    ))
    .orderBy(desc(conversations.lastMessageAt)).limit(1);
  return open?.id ?? null;
}
