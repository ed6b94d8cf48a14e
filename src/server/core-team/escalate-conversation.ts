// "Beyond my competence": an expert (or a provider agent) hands a conversation to the core team with a note.
// It moves to level 3, in the core team's queue (unrouted when there is none), unassigned; the note is kept as
// a note of kind 'escalation' and on the routing decision. The one who escalated loses it from their scope
// (it is no longer in a level-2 or provider queue, nor assigned to them): the core team owns it now.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { conversations, notes } from '../db/schema/index.ts';
import type { AuthContext } from '../accounts/roles.ts';
import { recordEvent } from '../audit/record-event.ts';
import { publishRealtime } from '../realtime/publish-realtime.ts';
import { recordRoutingDecision } from '../routing/record-routing-decision.ts';
import { getConversation } from '../conversations/conversations.service.ts';
import { coreTeamOf } from './core-team-queue.ts';

export async function escalateConversation(db: Db, auth: AuthContext, conversationId: string, note: string) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const before = await getConversation(tx, auth, conversationId); // 404 out of scope, confidential included
    const coreTeam = await coreTeamOf(tx, auth.orgId);
    const to = { level: 3, teamId: coreTeam?.id ?? null, assigneeId: null };
    const now = new Date();
    await tx.update(conversations)
      .set({ level: to.level, teamId: to.teamId, assigneeId: null, unrouted: !coreTeam, updatedAt: now })
      .where(eq(conversations.id, conversationId));
    const [escalation] = await tx.insert(notes)
      .values({ orgId: auth.orgId, conversationId, authorUserId: auth.userId, kind: 'escalation', body: note, createdAt: now }).returning();
    const decision = await recordRoutingDecision(tx, {
      orgId: auth.orgId, conversationId, kind: 'escalate',
      from: { level: before.level, teamId: before.teamId, assigneeId: before.assigneeId }, to, priority: before.priority,
      rules: [{ id: null, name: 'beyond my competence', reason: coreTeam ? "escalated by the person handling it to the core team's queue" : 'escalated, but the organization has no core team (level 3): unrouted' }],
      actorUserId: auth.userId, note,
    });
    await publishRealtime(tx, auth.orgId, { kind: 'conversation.updated', conversationId });
    await publishRealtime(tx, auth.orgId, { kind: 'note.created', conversationId, noteId: escalation!.id });
    await recordEvent(tx, {
      orgId: auth.orgId, type: 'conversation.escalated', actor: { kind: 'user', id: auth.userId },
      subject: { type: 'conversation', id: conversationId }, data: { decisionId: decision.id, fromLevel: before.level, toTeamId: to.teamId },
    });
    return { conversationId, level: to.level, teamId: to.teamId, unrouted: !coreTeam, noteId: escalation!.id, decisionId: decision.id };
  });
}
