// A core-team member takes a conversation over from an expert or a provider: it becomes theirs at level 3.
// The customer sees nothing change: same conversation, same channel thread; the next reply simply comes
// from the core team. Taking over what one already holds at level 3 changes nothing.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { conversations, teams } from '../db/schema/index.ts';
import type { AuthContext } from '../accounts/roles.ts';
import { recordEvent } from '../audit/record-event.ts';
import { publishRealtime } from '../realtime/publish-realtime.ts';
import { recordRoutingDecision } from '../routing/record-routing-decision.ts';
import { getConversation } from '../conversations/conversations.service.ts';
import { coreTeamOf } from './core-team-queue.ts';

/** The taker's own team when it is one of the brand's, else the core team's queue. */
async function teamOfTaker(db: Db, auth: AuthContext): Promise<string | null> {
  if (auth.teamId) {
    const [own] = await db.select({ id: teams.id }).from(teams)
      .where(and(eq(teams.id, auth.teamId), eq(teams.orgId, auth.orgId), isNull(teams.providerOrgId)));
    if (own) return own.id;
  }
  return (await coreTeamOf(db, auth.orgId))?.id ?? null;
}

export async function takeOverConversation(db: Db, auth: AuthContext, conversationId: string) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const before = await getConversation(tx, auth, conversationId);
    if (before.assigneeId === auth.userId && before.level === 3) return before;
    const to = { level: 3, teamId: await teamOfTaker(tx, auth), assigneeId: auth.userId };
    await tx.update(conversations)
      .set({ level: to.level, teamId: to.teamId, assigneeId: to.assigneeId, unrouted: false, updatedAt: new Date() })
      .where(eq(conversations.id, conversationId));
    const decision = await recordRoutingDecision(tx, {
      orgId: auth.orgId, conversationId, kind: 'takeover',
      from: { level: before.level, teamId: before.teamId, assigneeId: before.assigneeId }, to, priority: before.priority,
      rules: [{ id: null, name: 'takeover', reason: 'taken over by a member of the core team' }], actorUserId: auth.userId,
    });
    await publishRealtime(tx, auth.orgId, { kind: 'conversation.updated', conversationId });
    await recordEvent(tx, {
      orgId: auth.orgId, type: 'conversation.taken_over', actor: { kind: 'user', id: auth.userId },
      subject: { type: 'conversation', id: conversationId }, data: { decisionId: decision.id, fromAssigneeId: before.assigneeId, fromLevel: before.level },
    });
    return getConversation(tx, auth, conversationId);
  });
}
