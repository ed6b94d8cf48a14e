import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
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
import { seesEverything, type Caller } from '../access/conversation-scope.ts';
import { redactionFor, type Redaction } from '../access/redaction.ts';
import { redactMessage } from '../access/redact-message.ts';

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

export type MessageDto = z.infer<typeof messageSchema>;

/** With a redaction (community experts), personal data is masked: see access/redact-message.ts. */
export const presentMessage = (m: MessageRow, redaction: Redaction | null = null): MessageDto => redactMessage(presentStoredMessage(m), redaction);

const presentStoredMessage = (m: MessageRow): MessageDto => ({
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

export async function listMessages(db: Db, caller: Caller, conversationId: string, q: { cursor?: string | undefined; limit: number }) {
  const { orgId } = caller;
  await getConversation(db, caller, conversationId);
  const redaction = await redactionFor(db, caller);
  const rows = await db.select().from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.conversationId, conversationId), afterInThread(decodeCursor(q.cursor))))
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (m) => ({ at: m.createdAt, id: m.id }), (m) => presentMessage(m, redaction));
}

/**
 * Stores a reply written by a person in the desk and queues its delivery on the conversation's channel
 * (the outbox). The first reply sets the first-response time.
 */
export async function addStaffReply(db: Db, auth: AuthContext, conversationId: string, input: { body: string; isPublic: boolean }) {
  return db.transaction(async (tx) => {
    const conversation = await getConversation(tx as unknown as Db, auth, conversationId);
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

export const NOTE_KINDS = ['note', 'instruction', 'escalation'] as const;
export const noteSchema = z.object({
  id: z.uuid(), conversationId: z.uuid(), authorUserId: z.uuid().nullable(), authorName: z.string().nullable(),
  /** note: staff only · instruction: the core team to whoever handles it · escalation: "beyond my competence" */
  kind: z.enum(NOTE_KINDS), body: z.string(), createdAt: z.string(),
});

/**
 * The core team reads every note. Experts and provider agents read the instructions and escalations
 * written for them, and their own notes: plain notes stay with the core team.
 */
export async function listNotes(db: Db, caller: Caller, conversationId: string) {
  const { orgId } = caller;
  await getConversation(db, caller, conversationId);
  const redaction = await redactionFor(db, caller);
  const theirs = seesEverything(caller) ? undefined
    : or(inArray(notes.kind, ['instruction', 'escalation']), caller.userId ? eq(notes.authorUserId, caller.userId) : undefined);
  const rows = await db.select({ note: notes, authorName: users.name }).from(notes)
    .leftJoin(users, eq(users.id, notes.authorUserId))
    .where(and(eq(notes.orgId, orgId), eq(notes.conversationId, conversationId), theirs))
    .orderBy(asc(notes.createdAt), asc(notes.id));
  return rows.map(({ note, authorName }) => presentNote(note, authorName, redaction));
}

export function presentNote(note: typeof notes.$inferSelect, authorName: string | null, redaction: Redaction | null = null): z.infer<typeof noteSchema> {
  return {
    id: note.id, conversationId: note.conversationId, authorUserId: note.authorUserId, authorName,
    kind: (NOTE_KINDS as readonly string[]).includes(note.kind) ? note.kind as (typeof NOTE_KINDS)[number] : 'note',
    body: redaction ? redaction.text(note.body) : note.body, createdAt: note.createdAt.toISOString(),
  };
}

export async function addNote(db: Db, auth: AuthContext, conversationId: string, body: string) {
  await getConversation(db, auth, conversationId);
  const [note] = await db.insert(notes).values({ orgId: auth.orgId, conversationId, authorUserId: auth.userId, body }).returning();
  return note!;
}

/** The whole thread, oldest first, for readers that need all of it (suggestions, summaries). */
export async function conversationThread(db: Db, caller: Caller, conversationId: string) {
  const { orgId } = caller;
  const conversation = await getConversation(db, caller, conversationId);
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
