// The public face of the community space: questions (public conversations of a community channel) and their
// public posts. Only what anyone may read leaves here: titles, texts, display names, author kinds and dates;
// never an email address, a phone number, a contact or user id, a note, triage or a private reply.
import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { conversations, messages, users } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import type { ChannelRecord } from '../channel-adapter.ts';

export const MAX_THREAD_POSTS = 500;
const EXCERPT_LENGTH = 280;

const author = z.object({ name: z.string().nullable(), kind: z.enum(['customer', 'expert', 'agent', 'bot', 'system']) });
export const questionSummarySchema = z.object({
  id: z.uuid(), title: z.string(), excerpt: z.string(), author, status: z.enum(['open', 'pending', 'resolved', 'closed']),
  replyCount: z.number().int(), createdAt: z.string(), lastActivityAt: z.string(),
});
export const postSchema = z.object({ id: z.uuid(), author, text: z.string(), createdAt: z.string() });
export const threadSchema = z.object({
  id: z.uuid(), title: z.string(), status: questionSummarySchema.shape.status, createdAt: z.string(), posts: z.array(postSchema),
});

/** Customers' posts carry the name they typed when posting; staff are shown by their user name. */
const authorName = (metadata: Record<string, unknown>, userName: string | null) =>
  userName ?? (typeof metadata.authorName === 'string' ? metadata.authorName : null);

const publicQuestion = (channel: ChannelRecord) =>
  and(eq(conversations.orgId, channel.orgId), eq(conversations.channelId, channel.id), eq(conversations.visibility, 'public'));

/** Newest first, keyset on (created_at, id): creation dates never change, so pages stay stable. */
export async function listQuestions(db: Db, channel: ChannelRecord, q: { cursor?: string | undefined; limit: number }) {
  const cursor = decodeCursor(q.cursor);
  const rows = await db.select({
    id: conversations.id, subject: conversations.subject, status: conversations.status,
    createdAt: conversations.createdAt, lastMessageAt: conversations.lastMessageAt,
  }).from(conversations)
    .where(and(publicQuestion(channel), cursor
      ? or(lt(conversations.createdAt, cursor.at), and(eq(conversations.createdAt, cursor.at), lt(conversations.id, cursor.id)))
      : undefined))
    .orderBy(desc(conversations.createdAt), desc(conversations.id))
    .limit(q.limit + 1);
  const ids = rows.slice(0, q.limit).map((r) => r.id);
  // The question's text is its first public customer post; replies are the public posts of the brand's side.
  const firsts = ids.length === 0 ? [] : await db.selectDistinctOn([messages.conversationId], {
    conversationId: messages.conversationId, body: messages.body, metadata: messages.metadata,
  }).from(messages)
    .where(and(inArray(messages.conversationId, ids), eq(messages.isPublic, true), eq(messages.direction, 'inbound')))
    .orderBy(messages.conversationId, asc(messages.createdAt), asc(messages.id));
  const counts = ids.length === 0 ? [] : await db.select({
    conversationId: messages.conversationId, replies: sql<number>`count(*)::int`,
  }).from(messages)
    .where(and(inArray(messages.conversationId, ids), eq(messages.isPublic, true), eq(messages.direction, 'outbound')))
    .groupBy(messages.conversationId);
  const firstOf = new Map(firsts.map((f) => [f.conversationId, f]));
  const repliesOf = new Map(counts.map((c) => [c.conversationId, Number(c.replies)]));
  return toPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }), (r): z.infer<typeof questionSummarySchema> => {
    const first = firstOf.get(r.id);
    const text = first?.body ?? '';
    return {
      id: r.id, title: r.subject ?? text.slice(0, 80), excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text,
      author: { name: first ? authorName(first.metadata, null) : null, kind: 'customer' }, status: r.status,
      replyCount: repliesOf.get(r.id) ?? 0, createdAt: r.createdAt.toISOString(), lastActivityAt: r.lastMessageAt.toISOString(),
    };
  });
}

/** A public question of this channel, or 404 (a private conversation or another channel's is not found). */
export async function findPublicQuestion(db: Db, channel: ChannelRecord, conversationId: string) {
  const [row] = await db.select({ id: conversations.id, subject: conversations.subject, status: conversations.status, createdAt: conversations.createdAt })
    .from(conversations).where(and(publicQuestion(channel), eq(conversations.id, conversationId)));
  if (!row) throw notFound('question');
  return row;
}

export async function getThread(db: Db, channel: ChannelRecord, conversationId: string): Promise<z.infer<typeof threadSchema>> {
  const question = await findPublicQuestion(db, channel, conversationId);
  const rows = await db.select({
    id: messages.id, body: messages.body, authorKind: messages.authorKind, metadata: messages.metadata,
    createdAt: messages.createdAt, userName: users.name,
  }).from(messages)
    .leftJoin(users, eq(users.id, messages.authorUserId))
    .where(and(eq(messages.orgId, channel.orgId), eq(messages.conversationId, question.id), eq(messages.isPublic, true)))
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .limit(MAX_THREAD_POSTS);
  const posts = rows.map((m) => ({
    id: m.id, author: { name: authorName(m.metadata, m.userName), kind: m.authorKind }, text: m.body, createdAt: m.createdAt.toISOString(),
  }));
  return {
    id: question.id, title: question.subject ?? (posts[0]?.text.slice(0, 80) ?? ''), status: question.status,
    createdAt: question.createdAt.toISOString(), posts,
  };
}
