// Every move of a conversation through the pyramid (routing, re-routing, escalation, takeover, SLA
// escalation) is written here, with the rules and reasons behind it: the history behind "why is this here?".
import type { Db } from '../db/client.ts';
import { routingDecisions } from '../db/schema/index.ts';

export type RoutingDecisionKind = 'route' | 'reroute' | 'escalate' | 'takeover' | 'sla_escalate' | 'unrouted';
export type FiredRule = { id: string | null; name: string; reason: string };

export type RoutingDecisionInput = {
  orgId: string;
  conversationId: string;
  messageId?: string | null;
  kind: RoutingDecisionKind;
  from?: { level: number | null; teamId: string | null; assigneeId: string | null } | undefined;
  to: { level: number; teamId: string | null; assigneeId: string | null };
  priority: number;
  rules?: FiredRule[];
  actorUserId?: string | null;
  note?: string | null;
};

/** Call inside the transaction that moves the conversation, so the history and the move commit together. */
export async function recordRoutingDecision(tx: Db, d: RoutingDecisionInput) {
  const [row] = await tx.insert(routingDecisions).values({
    orgId: d.orgId, conversationId: d.conversationId, messageId: d.messageId ?? null, kind: d.kind,
    fromLevel: d.from?.level ?? null, fromTeamId: d.from?.teamId ?? null, fromAssigneeId: d.from?.assigneeId ?? null,
    toLevel: d.to.level, toTeamId: d.to.teamId, toAssigneeId: d.to.assigneeId,
    priority: d.priority, rules: d.rules ?? [], actorUserId: d.actorUserId ?? null, note: d.note ?? null,
  }).returning();
  return row!;
}
