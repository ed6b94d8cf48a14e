// Community experts' reputation: points for answers the customer accepted and for good ratings, a penalty for
// poor ones. Each award is a row of reputation_events, unique per (expert, conversation, reason), so an event
// seen twice (a conversation resolved again, a retried rating) counts once; users.reputation is their sum,
// updated in the same transaction as the row.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { messages, reputationEvents, users } from '../db/schema/index.ts';

export const REPUTATION_POINTS = {
  /** The conversation was resolved with the expert's reply as the last staff answer. */
  accepted_answer: 10,
  /** The customer rated the conversation 4 or 5 out of 5: every expert who answered in it. */
  good_rating: 5,
  /** The customer rated it 1 or 2 out of 5: the customer rejected the help (3 is neutral). */
  poor_rating: -5,
} as const;
export type ReputationReason = keyof typeof REPUTATION_POINTS;

/** Awards once; returns whether this call counted. */
export async function awardReputation(tx: Db, a: { orgId: string; userId: string; conversationId: string; reason: ReputationReason }): Promise<boolean> {
  const points = REPUTATION_POINTS[a.reason];
  const inserted = await tx.insert(reputationEvents)
    .values({ orgId: a.orgId, userId: a.userId, conversationId: a.conversationId, points, reason: a.reason })
    .onConflictDoNothing().returning({ id: reputationEvents.id });
  if (inserted.length === 0) return false;
  await tx.update(users).set({ reputation: sql`${users.reputation} + ${points}` }).where(and(eq(users.id, a.userId), eq(users.orgId, a.orgId)));
  return true;
}

const STAFF_AUTHORS = ['agent', 'expert'] as const;

/** On resolution: +10 to the expert whose reply was the last staff answer, if it was an expert's. */
export async function awardAcceptedAnswer(tx: Db, orgId: string, conversationId: string): Promise<void> {
  const [last] = await tx.select({ userId: messages.authorUserId, role: users.role }).from(messages)
    .innerJoin(users, eq(users.id, messages.authorUserId))
    .where(and(eq(messages.orgId, orgId), eq(messages.conversationId, conversationId), eq(messages.direction, 'outbound'),
      inArray(messages.authorKind, [...STAFF_AUTHORS])))
    .orderBy(desc(messages.createdAt), desc(messages.id)).limit(1);
  if (last?.userId && last.role === 'expert') await awardReputation(tx, { orgId, userId: last.userId, conversationId, reason: 'accepted_answer' });
}

/** On the customer's rating (1 to 5): every expert who replied in the conversation gains or loses points. */
export async function awardRating(tx: Db, orgId: string, conversationId: string, score: number): Promise<void> {
  const reason: ReputationReason | null = score >= 4 ? 'good_rating' : score <= 2 ? 'poor_rating' : null;
  if (!reason) return;
  const experts = await tx.selectDistinct({ userId: users.id }).from(messages)
    .innerJoin(users, eq(users.id, messages.authorUserId))
    .where(and(eq(messages.orgId, orgId), eq(messages.conversationId, conversationId), eq(messages.direction, 'outbound'), eq(users.role, 'expert')));
  for (const { userId } of experts) await awardReputation(tx, { orgId, userId, conversationId, reason });
}
