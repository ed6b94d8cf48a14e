// What a batch of inbound messages needs to know before writing, read with a few statements run side by side
// (on several pooled connections) before its transaction begins: the transaction then holds its locks for
// the writes only. Reading first is as safe as reading inside a READ COMMITTED transaction, which sees each
// statement's own snapshot anyway; the writes cover the races (ON CONFLICT, the identity that won).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { channels, contactIdentities, conversations, messages, type ChannelType } from '../db/schema/index.ts';
import type { InboundMessage } from './inbound-message.ts';
import type { OpenConversation } from './plan-conversations.ts';

export type BatchChannel = { id: string; orgId: string; type: ChannelType; isPublic: boolean };
export type StoredMessage = { messageId: string; conversationId: string; contactId: string };
export type NamedConversation = OpenConversation & { orgId: string };

export type BatchContext = {
  channels: Map<string, BatchChannel>;
  /** Messages already stored, by `messageKey`. */
  stored: Map<string, StoredMessage>;
  /** Conversations the messages name (threads), by id. */
  named: Map<string, NamedConversation>;
  /** Known senders' contacts, by `senderKey`. */
  contacts: Map<string, string>;
  /** Open or pending conversations of those contacts on the batch's channels. */
  open: OpenConversation[];
};

const distinct = <T>(values: T[]) => [...new Set(values)];
export const messageKey = (channelId: string, externalId: string) => `${channelId}\n${externalId}`;
export const senderKey = (orgId: string, type: ChannelType, externalId: string) => `${orgId}|${type}|${externalId}`;

export async function readBatchContext(db: Db, inputs: InboundMessage[]): Promise<BatchContext> {
  const channelIds = distinct(inputs.map((i) => i.channelId));
  const orgIds = distinct(inputs.map((i) => i.orgId));
  const [channelRows, stored, named, senders] = await Promise.all([
    db.select({ id: channels.id, orgId: channels.orgId, type: channels.type, isPublic: channels.isPublic }).from(channels).where(inArray(channels.id, channelIds)),
    storedMessages(db, channelIds, inputs.flatMap((i) => (i.externalId ? [i.externalId] : []))),
    namedConversations(db, inputs.flatMap((i) => (i.conversationId ? [i.conversationId] : []))),
    // Each known sender with the open conversations of their contact, in one statement.
    db.select({
      orgId: contactIdentities.orgId, channelType: contactIdentities.channelType, externalId: contactIdentities.externalId, contactId: contactIdentities.contactId,
      conversation: { id: conversations.id, channelId: conversations.channelId, contactId: conversations.contactId, visibility: conversations.visibility, lastMessageAt: conversations.lastMessageAt },
    }).from(contactIdentities)
      .leftJoin(conversations, and(eq(conversations.contactId, contactIdentities.contactId), eq(conversations.orgId, contactIdentities.orgId),
        inArray(conversations.channelId, channelIds), inArray(conversations.status, ['open', 'pending'])))
      .where(and(inArray(contactIdentities.orgId, orgIds), inArray(contactIdentities.externalId, distinct(inputs.map((i) => i.sender.externalId))))),
  ]);
  const contacts = new Map<string, string>();
  const open = new Map<string, OpenConversation>();
  for (const s of senders) {
    contacts.set(senderKey(s.orgId, s.channelType, s.externalId), s.contactId);
    if (s.conversation) open.set(s.conversation.id, s.conversation);
  }
  return { channels: new Map(channelRows.map((c) => [c.id, c])), stored, named, contacts, open: [...open.values()] };
}

/** Channels × ids is a superset of the pairs asked for (usually one channel): callers look up exact pairs. */
export async function storedMessages(db: Db, channelIds: string[], externalIds: string[]): Promise<Map<string, StoredMessage>> {
  const found = new Map<string, StoredMessage>();
  if (externalIds.length === 0) return found;
  const rows = await db.select({ id: messages.id, conversationId: messages.conversationId, contactId: messages.authorContactId, channelId: messages.channelId, externalId: messages.externalId })
    .from(messages).where(and(inArray(messages.channelId, distinct(channelIds)), inArray(messages.externalId, distinct(externalIds))));
  for (const r of rows) found.set(messageKey(r.channelId, r.externalId!), { messageId: r.id, conversationId: r.conversationId, contactId: r.contactId! });
  return found;
}

async function namedConversations(db: Db, ids: string[]): Promise<Map<string, NamedConversation>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: conversations.id, orgId: conversations.orgId, channelId: conversations.channelId, contactId: conversations.contactId, visibility: conversations.visibility, lastMessageAt: conversations.lastMessageAt })
    .from(conversations).where(inArray(conversations.id, distinct(ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Open or pending conversations of contacts found only inside the transaction (first-time senders). */
export function openConversationsOf(db: Db, contactIds: string[], channelIds: string[]): Promise<OpenConversation[]> {
  if (contactIds.length === 0) return Promise.resolve([]);
  return db.select({ id: conversations.id, channelId: conversations.channelId, contactId: conversations.contactId, visibility: conversations.visibility, lastMessageAt: conversations.lastMessageAt })
    .from(conversations).where(and(inArray(conversations.contactId, distinct(contactIds)), inArray(conversations.channelId, distinct(channelIds)),
      inArray(conversations.status, ['open', 'pending'])));
}
