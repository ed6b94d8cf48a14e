// The autonomy rate: the share of the conversations a provider team closed without needing the brand's
// approval. The practice Relais is built on aims at 70% or more.
import { and, asc, eq, exists, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { approvalRequests, conversations, messages, teams, users } from '../db/schema/index.ts';

export const AUTONOMY_TARGET = 0.7;

export const autonomySchema = z.object({
  from: z.string(), to: z.string(), target: z.number(),
  teams: z.array(z.object({
    teamId: z.uuid(), name: z.string(),
    /** Conversations resolved or closed in the period that the team handled. */
    closed: z.number().int(),
    /** Of those, how many needed at least one approval request (approved, rejected or still pending). */
    neededApproval: z.number().int(),
    /** closed without approval / closed; null when the team closed nothing. */
    rate: z.number().nullable(),
    meetsTarget: z.boolean().nullable(),
  })),
});

/**
 * A team handled a conversation when it sits in the team's queue, when one of the team's provider agents
 * replied in it, or when the team asked the brand's approval in it. A conversation counts in the period in
 * which it was resolved (closed ones never resolved count when they were last changed).
 */
export async function autonomyRate(db: Db, orgId: string, q: { from: Date; to: Date; teamId?: string | undefined }) {
  const providerTeams = await db.select({ id: teams.id, name: teams.name }).from(teams)
    .where(and(eq(teams.orgId, orgId), isNotNull(teams.providerOrgId), q.teamId ? eq(teams.id, q.teamId) : undefined))
    .orderBy(asc(teams.name));
  const c = conversations;
  const closedAt = sql`coalesce(${c.resolvedAt}, ${c.updatedAt})`;
  const result = [];
  for (const team of providerTeams) {
    const repliedByTeam = db.select({ one: sql`1` }).from(messages)
      .innerJoin(users, eq(users.id, messages.authorUserId))
      .where(and(eq(messages.conversationId, c.id), eq(messages.direction, 'outbound'), eq(users.teamId, team.id), eq(users.role, 'provider_agent')));
    const askedApproval = db.select({ one: sql`1` }).from(approvalRequests)
      .where(and(eq(approvalRequests.conversationId, c.id), eq(approvalRequests.teamId, team.id)));
    const [counts] = await db.select({
      closed: sql<number>`count(*)::int`,
      neededApproval: sql<number>`(count(*) filter (where ${exists(askedApproval)}))::int`,
    }).from(c).where(and(
      eq(c.orgId, orgId), inArray(c.status, ['resolved', 'closed']), gte(closedAt, q.from), lt(closedAt, q.to),
      or(eq(c.teamId, team.id), exists(repliedByTeam), exists(askedApproval)),
    ));
    const closed = counts?.closed ?? 0;
    const neededApproval = counts?.neededApproval ?? 0;
    const rate = closed === 0 ? null : (closed - neededApproval) / closed;
    result.push({ teamId: team.id, name: team.name, closed, neededApproval, rate, meetsTarget: rate === null ? null : rate >= AUTONOMY_TARGET });
  }
  return { from: q.from.toISOString(), to: q.to.toISOString(), target: AUTONOMY_TARGET, teams: result };
}
