import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { AUTHOR_KINDS, conversations, messages, notes, teams, users } from '../db/schema/index.ts';
import { decodeCursor, toPage, type CursorKey } from '../http/pagination.ts';
import { notFound } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { AuthContext } from '../accounts/roles.ts';
import { getConversation } from './conversations.service.ts';
import { enqueueReply } from '../outbox/enqueue-reply.ts';
import { publishRealtime } from '../realtime/publish-realtime.ts';

export const messageSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  direction: z.enum(['inbound', 'outbound']),
  authorKind: z.enum(AUTHOR_KINDS),
  authorUserId: z.uuid().nullable(),
  authorContactId: z.uuid().nullable(),
  body: z.string(),
  bodyHtml: z.string().nullable(),
  externalId: z.string().nullable(),
  isPublic: z.boolean(),
  attachments: z.array(z.object({ name: z.string(), contentType: z.string(), size: z.number(), url: z.string().optional() })),
  triage: z.record(z.string(), z.unknown()).nullable(),
  /** For replies: where delivery stands (queued, sent, retrying, failed with the reason). */
  delivery: z.object({ status: z.string(), attempts: z.number().optional(), error: z.string().optional(), at: z.string().optional() }).nullable(),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

type MessageRow = typeof messages.$inferSelect;

export const presentMessage = (m: MessageRow): z.infer<typeof messageSchema> => ({
  id: m.id, conversationId: m.conversationId, direction: m.direction, authorKind: m.authorKind,
  authorUserId: m.authorUserId, authorContactId: m.authorContactId, body: m.body, bodyHtml: m.bodyHtml,
  externalId: m.externalId, isPublic: m.isPublic,
  attachments: m.attachments.map(({ name, contentType, size, url }) => ({ name, contentType, size, ...(url ? { url } : {}) })),
  triage: m.triage ?? null,
  delivery: m.direction === 'outbound'
    ? ((m.metadata as { delivery?: { status: string } }).delivery ?? { status: 'queued' }) as z.infer<typeof messageSchema>['delivery']
    : null,
  metadata: m.metadata,
  createdAt: m.createdAt.toISOString(),
});

/** Oldest first: a thread reads top to bottom. */
function afterInThread(cursor: CursorKey | undefined): SQL | undefined {
  if (!cursor) return undefined;
  return or(gt(messages.createdAt, cursor.at), and(eq(messages.createdAt, cursor.at), gt(messages.id, cursor.id)));
}

export async function listMessages(db: Db, orgId: string, conversationId: string, q: { cursor?: string | undefined; limit: number }) {
  await getConversation(db, orgId, conversationId);
  const rows = await db.select().from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.conversationId, conversationId), afterInThread(decodeCursor(q.cursor))))
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (m) => ({ at: m.createdAt, id: m.id }), presentMessage);
}

/**
 * Stores a reply written by a person in the desk and queues its delivery on the conversation's channel
 * (the outbox). The first reply sets the first-response time.
 */
export async function addStaffReply(db: Db, auth: AuthContext, conversationId: string, input: { body: string; isPublic: boolean }) {
  return db.transaction(async (tx) => {
    const conversation = await getConversation(tx as unknown as Db, auth.orgId, conversationId);
    const now = new Date();
    // The author's team signs its replies (channels that sign, such as email, append it).
    const [team] = auth.teamId
      ? await tx.select({ signature: teams.signature }).from(teams).where(and(eq(teams.id, auth.teamId), eq(teams.orgId, auth.orgId)))
      : [];
    const [message] = await tx.insert(messages).values({
      orgId: auth.orgId, conversationId, channelId: conversation.channelId, direction: 'outbound',
      authorKind: auth.role === 'expert' ? 'expert' : auth.role === 'bot' ? 'bot' : 'agent',
      authorUserId: auth.userId, body: input.body, isPublic: input.isPublic, createdAt: now,
      metadata: team?.signature ? { signature: team.signature } : {},
    }).returning();
    await tx.update(conversations)
      .set({ lastMessageAt: now, updatedAt: now, firstResponseAt: sql`coalesce(${conversations.firstResponseAt}, ${now})` })
      .where(eq(conversations.id, conversationId));
    await enqueueReply(tx, { orgId: auth.orgId, messageId: message!.id, channelId: conversation.channelId });
    await publishRealtime(tx, auth.orgId, { kind: 'message.created', conversationId, messageId: message!.id, direction: 'outbound' });
    await recordEvent(tx as unknown as Db, {
      orgId: auth.orgId, type: 'message.created', actor: { kind: 'user', id: auth.userId },
      subject: { type: 'message', id: message!.id }, data: { conversationId, direction: 'outbound' },
    });
    return { message: message!, channelType: conversation.channelType };
  });
}

export const noteSchema = z.object({
  id: z.uuid(), conversationId: z.uuid(), authorUserId: z.uuid().nullable(), authorName: z.string().nullable(),
  body: z.string(), createdAt: z.string(),
});

export async function listNotes(db: Db, orgId: string, conversationId: string) {
  await getConversation(db, orgId, conversationId);
  const rows = await db.select({ note: notes, authorName: users.name }).from(notes)
    .leftJoin(users, eq(users.id, notes.authorUserId))
    .where(and(eq(notes.orgId, orgId), eq(notes.conversationId, conversationId)))
    .orderBy(asc(notes.createdAt), asc(notes.id));
  return rows.map(({ note, authorName }) => ({
    id: note.id, conversationId: note.conversationId, authorUserId: note.authorUserId, authorName,
    body: note.body, createdAt: note.createdAt.toISOString(),
  }));
}

export async function addNote(db: Db, auth: AuthContext, conversationId: string, body: string) {
  await getConversation(db, auth.orgId, conversationId);
  const [note] = await db.insert(notes).values({ orgId: auth.orgId, conversationId, authorUserId: auth.userId, body }).returning();
  return note!;
}

/** The whole thread, oldest first, for readers that need all of it (suggestions, summaries). */
export async function conversationThread(db: Db, orgId: string, conversationId: string) {
  const conversation = await getConversation(db, orgId, conversationId);
  const thread = await db.select().from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.conversationId, conversationId))).orderBy(asc(messages.createdAt), asc(messages.id));
  return { conversation, thread };
}

/** A message of this tenant's conversation, or 404. */
export async function getMessageInConversation(db: Db, orgId: string, conversationId: string, messageId: string) {
  const [message] = await db.select({ id: messages.id }).from(messages)
    .where(and(eq(messages.id, messageId), eq(messages.conversationId, conversationId), eq(messages.orgId, orgId)));
  if (!message) throw notFound('message');
  return message;
}
