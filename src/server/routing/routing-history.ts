// "Why is this here?": a conversation's current routing with the rules that fired, and every move before it;
// and the unrouted queue supervisors watch.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { conversations, routingDecisions } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { isCoreTeam, type AuthContext } from '../accounts/roles.ts';

type DecisionRow = typeof routingDecisions.$inferSelect;
export const presentDecision = (d: DecisionRow) => ({
  id: d.id, kind: d.kind, messageId: d.messageId,
  from: d.fromLevel === null && d.fromTeamId === null && d.fromAssigneeId === null ? null : { level: d.fromLevel, teamId: d.fromTeamId, assigneeId: d.fromAssigneeId },
  to: { level: d.toLevel, teamId: d.toTeamId, assigneeId: d.toAssigneeId },
  priority: d.priority, rules: d.rules, actorUserId: d.actorUserId, note: d.note, createdAt: d.createdAt.toISOString(),
});

export async function conversationRouting(db: Db, auth: Pick<AuthContext, 'orgId' | 'role'>, id: string) {
  const [c] = await db.select().from(conversations).where(and(eq(conversations.id, id), eq(conversations.orgId, auth.orgId)));
  // A confidential conversation does not exist for anyone outside the core team.
  if (!c || (c.confidential && !isCoreTeam(auth))) throw notFound('conversation');
  const history = await db.select().from(routingDecisions).where(eq(routingDecisions.conversationId, c.id)).orderBy(asc(routingDecisions.createdAt), asc(routingDecisions.id));
  return {
    conversationId: c.id, level: c.level, teamId: c.teamId, assigneeId: c.assigneeId, priority: c.priority,
    confidential: c.confidential, unrouted: c.unrouted, current: c.routing ?? null, history: history.map(presentDecision),
  };
}

export async function listUnrouted(db: Db, orgId: string) {
  const rows = await db.select().from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.unrouted, true), inArray(conversations.status, ['open', 'pending'])))
    // The most urgent first, then the longest waiting.
    .orderBy(desc(conversations.priority), asc(conversations.lastMessageAt)).limit(500);
  return rows.map((c) => ({
    id: c.id, level: c.level, priority: c.priority, severity: c.severity, intent: c.intent, language: c.language,
    confidential: c.confidential, channelId: c.channelId, contactId: c.contactId, routing: c.routing ?? null,
    lastMessageAt: c.lastMessageAt.toISOString(),
  }));
}
