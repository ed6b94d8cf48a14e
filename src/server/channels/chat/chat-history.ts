// What a visitor sees of their conversations on one chat channel, as protocol messages: their own messages and
// the replies the outbox sent (or is sending). Catch-up after a reconnection returns only what the widget missed.
import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { conversations, messages, outbox, users } from '../../db/schema/index.ts';
import type { ChatMessage, ConversationState } from '../../../widget/protocol.ts';

export const RECENT_LIMIT = 50;
const CATCH_UP_LIMIT = 200;
export const RATED_EVENT = 'conversation.rated';

export type VisitorScope = { orgId: string; channelId: string; contactId: string };
type Row = { message: typeof messages.$inferSelect; authorName: string | null };

const ownedBy = (v: VisitorScope) =>
  and(eq(conversations.orgId, v.orgId), eq(conversations.channelId, v.channelId), eq(conversations.contactId, v.contactId));

const REPLY_AUTHORS = ['agent', 'bot', 'expert'] as const;
/** A reply held back (not yet queued, failed for good) is not shown; notes live elsewhere and never are. */
const visibleToVisitor = or(
  eq(messages.direction, 'inbound'),
  and(eq(messages.direction, 'outbound'), inArray(messages.authorKind, [...REPLY_AUTHORS]),
    or(isNull(outbox.id), inArray(outbox.status, ['sending', 'sent']))),
);

function threadQuery(db: Db) {
  return db.select({ message: messages, authorName: users.name }).from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .leftJoin(users, eq(users.id, messages.authorUserId))
    .leftJoin(outbox, eq(outbox.messageId, messages.id));
}

export function presentChatMessage({ message: m, authorName }: Row): ChatMessage {
  const meta = m.metadata as { clientMessageId?: unknown; awaitingFeedback?: unknown; quickReplies?: unknown };
  const quickReplies = meta.awaitingFeedback === true && Array.isArray(meta.quickReplies)
    ? meta.quickReplies.filter((q): q is { id: string; label: string } => typeof q?.id === 'string' && typeof q?.label === 'string')
      .map(({ id, label }) => ({ id, label }))
    : [];
  return {
    id: m.id, conversationId: m.conversationId,
    from: m.direction === 'inbound' ? 'visitor' : m.authorKind === 'bot' ? 'bot' : 'agent',
    authorName: m.direction === 'outbound' && m.authorKind !== 'bot' ? authorName : null,
    text: m.body, createdAt: m.createdAt.toISOString(),
    clientMessageId: m.direction === 'inbound' && typeof meta.clientMessageId === 'string' ? meta.clientMessageId : null,
    quickReplies,
  };
}

/** The last messages of the visitor's thread, oldest first. */
export async function recentHistory(db: Db, v: VisitorScope): Promise<ChatMessage[]> {
  const rows = await threadQuery(db).where(and(ownedBy(v), visibleToVisitor))
    .orderBy(desc(messages.createdAt), desc(messages.id)).limit(RECENT_LIMIT);
  return rows.reverse().map(presentChatMessage);
}

/**
 * What the widget missed since `lastSeenId`: newer messages, and replies written earlier but sent after it
 * (delivered by the outbox while the visitor was away). Null when lastSeen is not this visitor's, or when the
 * gap is too long: the widget then gets the recent history instead.
 */
export async function historySince(db: Db, v: VisitorScope, lastSeenId: string): Promise<ChatMessage[] | null> {
  const [seen] = await db.select({ id: messages.id }).from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(messages.id, lastSeenId), ownedBy(v)));
  if (!seen) return null;
  // Compared in SQL: a JavaScript Date would round the microseconds away and return lastSeen itself again.
  const newer = sql`(${messages.createdAt}, ${messages.id}) > (SELECT s.created_at, s.id FROM messages s WHERE s.id = ${lastSeenId})`;
  const sentSince = sql`${outbox.sentAt} >= (SELECT s.created_at FROM messages s WHERE s.id = ${lastSeenId})`;
  const rows = await threadQuery(db)
    .where(and(ownedBy(v), visibleToVisitor, ne(messages.id, lastSeenId), or(newer, sentSince, eq(outbox.status, 'sending'))))
    .orderBy(asc(messages.createdAt), asc(messages.id)).limit(CATCH_UP_LIMIT + 1);
  return rows.length > CATCH_UP_LIMIT ? null : rows.map(presentChatMessage);
}

/** One message to push live, with the visitor it belongs to. */
export async function messageForPush(db: Db, orgId: string, messageId: string) {
  const [row] = await db.select({ message: messages, authorName: users.name, contactId: conversations.contactId, channelId: conversations.channelId })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .leftJoin(users, eq(users.id, messages.authorUserId))
    .where(and(eq(messages.id, messageId), eq(messages.orgId, orgId),
      or(eq(messages.direction, 'inbound'), inArray(messages.authorKind, [...REPLY_AUTHORS]))));
  return row ? { message: presentChatMessage(row), contactId: row.contactId, channelId: row.channelId } : null;
}

// Written out in full: drizzle leaves columns unqualified in a one-table select, which the subquery would misread.
const ratedSql = sql<boolean>`EXISTS (SELECT 1 FROM events e WHERE e.org_id = "conversations"."org_id"
  AND e.type = ${RATED_EVENT} AND e.subject_type = 'conversation' AND e.subject_id = "conversations"."id"::text)`;

const stateColumns = { id: conversations.id, status: conversations.status, rated: ratedSql, contactId: conversations.contactId, channelId: conversations.channelId };

/** The visitor's latest conversation on this channel: the one the widget shows, rates, answers quick replies in. */
export async function currentConversation(db: Db, v: VisitorScope): Promise<ConversationState | null> {
  const [row] = await db.select(stateColumns).from(conversations).where(ownedBy(v))
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id)).limit(1);
  return row ? { id: row.id, status: row.status, rated: Boolean(row.rated) } : null;
}

export async function conversationState(db: Db, orgId: string, conversationId: string) {
  const [row] = await db.select(stateColumns).from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.orgId, orgId)));
  return row ? { state: { id: row.id, status: row.status, rated: Boolean(row.rated) } as ConversationState, contactId: row.contactId, channelId: row.channelId } : null;
}
