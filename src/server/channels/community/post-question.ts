// Storing a community post. A follow-up goes through intake as is. A new question needs a conversation of its
// own, but intake continues the author's open conversation on the channel (right for email or chat, wrong
// for a forum: two questions would merge into one thread). So the question's conversation is created here,
// then the message is stored by intake into it, all in one transaction.
// (If intake gains a "start a new conversation" option, this file reduces to one intake call.)
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contactIdentities, contacts, conversations, messages } from '../../db/schema/index.ts';
import { receiveInboundMessage, type IntakeResult } from '../../intake/receive-inbound-message.ts';
import { acceptInbound, afterIntake } from '../../intake/accept-inbound.ts';
import type { ChannelDeps, ChannelRecord } from '../channel-adapter.ts';
import { findPublicQuestion } from './questions.service.ts';

export type CommunityAuthor = { name: string; email: string };

const senderOf = (author: CommunityAuthor) => ({ externalId: author.email, displayName: author.name, email: author.email });

/** Rolls the transaction back when a concurrent request stored the same post first. */
class AlreadyStored extends Error {
  constructor(readonly result: IntakeResult) {
    super('already stored');
  }
}

async function contactFor(tx: Db, channel: ChannelRecord, author: CommunityAuthor): Promise<string> {
  const byIdentity = () => tx.select({ contactId: contactIdentities.contactId }).from(contactIdentities)
    .where(and(eq(contactIdentities.orgId, channel.orgId), eq(contactIdentities.channelType, 'community'), eq(contactIdentities.externalId, author.email)));
  const [known] = await byIdentity();
  if (known) return known.contactId;
  const [contact] = await tx.insert(contacts).values({ orgId: channel.orgId, name: author.name, email: author.email }).returning({ id: contacts.id });
  await tx.insert(contactIdentities).values({
    orgId: channel.orgId, contactId: contact!.id, channelType: 'community', externalId: author.email, displayName: author.name,
  }).onConflictDoNothing();
  const [winner] = await byIdentity();
  return winner?.contactId ?? contact!.id;
}

export async function postQuestion(deps: ChannelDeps, channel: ChannelRecord, input: { title: string; text: string; author: CommunityAuthor; externalId: string }) {
  const { db } = deps;
  const [existing] = await db.select({ id: messages.id, conversationId: messages.conversationId }).from(messages)
    .where(and(eq(messages.channelId, channel.id), eq(messages.externalId, input.externalId)));
  if (existing) return { messageId: existing.id, conversationId: existing.conversationId, duplicate: true };
  let result: IntakeResult;
  try {
    result = await db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const at = new Date();
      const contactId = await contactFor(tx, channel, input.author);
      const [conversation] = await tx.insert(conversations).values({
        orgId: channel.orgId, channelId: channel.id, contactId, subject: input.title, visibility: 'public',
        lastMessageAt: at, createdAt: at, updatedAt: at,
      }).returning({ id: conversations.id });
      // Intake's own transaction becomes a savepoint of this one.
      const stored = await receiveInboundMessage(tx, {
        orgId: channel.orgId, channelId: channel.id, externalId: input.externalId, conversationId: conversation!.id,
        sender: senderOf(input.author), subject: input.title, text: input.text, visibility: 'public',
        metadata: { authorName: input.author.name }, at,
      });
      if (stored.duplicate) throw new AlreadyStored(stored);
      return { ...stored, newConversation: true };
    });
  } catch (err) {
    if (err instanceof AlreadyStored) return { messageId: err.result.messageId, conversationId: err.result.conversationId, duplicate: true };
    throw err;
  }
  await afterIntake(deps, result);
  return { messageId: result.messageId, conversationId: result.conversationId, duplicate: false };
}

/** A customer's post under a public question of this channel (404 for any other conversation). */
export async function postFollowUp(deps: ChannelDeps, channel: ChannelRecord, conversationId: string, input: { text: string; author: CommunityAuthor; externalId: string }) {
  const question = await findPublicQuestion(deps.db, channel, conversationId);
  const result = await acceptInbound(deps, {
    orgId: channel.orgId, channelId: channel.id, externalId: input.externalId, conversationId: question.id,
    sender: senderOf(input.author), text: input.text, visibility: 'public', metadata: { authorName: input.author.name },
  });
  return { messageId: result.messageId, conversationId: result.conversationId, duplicate: result.duplicate };
}
