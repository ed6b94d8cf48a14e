// Routing of a triaged message, in two steps around the triage transaction: `planRoute` decides (before,
// so the automatic answer is sent only where the route allows it) and `applyRoute` places the conversation,
// inside the transaction that stores the triage, with its routing_decisions row.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { contacts, conversations, type ChannelType } from '../db/schema/index.ts';
import { raiseAlert } from '../alerts/alerts.service.ts';
import type { MailSettings } from '../alerts/deliver-alert.ts';
import type { TriageResult } from '../triage/triage.types.ts';
import { placeConversation, type Placement } from './assign.ts';
import { decideRoute } from './decide-route.ts';
import { recordRoutingDecision, type FiredRule } from './record-routing-decision.ts';
import { compiledRoutingFor } from './routing-cache.ts';
import type { RouteDecision } from './routing.types.ts';

type Conversation = typeof conversations.$inferSelect;

export async function planRoute(db: Db, orgId: string, triage: TriageResult, where: { contactId: string; channelType: ChannelType; isPublic: boolean }): Promise<RouteDecision> {
  const [routing, [contact]] = await Promise.all([
    compiledRoutingFor(db, orgId),
    db.select({ segment: contacts.segment }).from(contacts).where(eq(contacts.id, where.contactId)),
  ]);
  return decideRoute({ triage, segment: contact?.segment ?? null, channelType: where.channelType, visibility: where.isPublic ? 'public' : 'private' }, routing);
}

export type AppliedRoute = { placement: Placement; fired: FiredRule[]; decisionId: string };

/**
 * Places the conversation where the decision says. A conversation keeps its highest level: a calmer
 * follow-up leaves it where it is (the decision is still recorded, with why it stayed).
 */
export async function applyRoute(tx: Db, input: { orgId: string; conversation: Conversation; messageId: string | null; decision: RouteDecision; triage: Pick<TriageResult, 'intent' | 'language'> }): Promise<AppliedRoute> {
  const { orgId, conversation: c, decision } = input;
  const confidential = c.confidential || decision.confidential;
  const from = { level: c.level, teamId: c.teamId, assigneeId: c.assigneeId };
  const fired = [...decision.fired];
  let placement: Placement;
  if (decision.target === 'auto_answer' || decision.target === 'spam') {
    placement = { level: c.level as 1 | 2 | 3, teamId: c.teamId, assigneeId: c.assigneeId, unrouted: c.unrouted, notes: [] };
  } else if (isPlaced(c) && decision.level <= c.level && !(confidential && !c.confidential)) {
    placement = { ...from, level: c.level as 2 | 3, unrouted: false, notes: [{ id: null, name: 'routing: stays', reason: `already with ${c.assigneeId ? 'a person' : 'a queue'} at level ${c.level}: a follow-up does not move it down` }] };
  } else {
    const level = Math.max(decision.level, c.level) as 2 | 3;
    if (level > decision.level) fired.push({ id: null, name: 'routing: keeps its level', reason: `already at level ${c.level}: a calmer follow-up does not undo an escalation` });
    placement = await placeConversation(tx, orgId, { level, teamId: level === decision.level ? decision.teamId : null, passUp: decision.passUp },
      { intent: input.triage.intent ?? c.intent, language: input.triage.language === 'other' ? 'other' : input.triage.language ?? c.language, confidential });
  }
  fired.push(...placement.notes);
  const priority = Math.max(c.priority, decision.priority);
  const at = new Date();
  await tx.update(conversations).set({
    level: placement.level, teamId: placement.teamId, assigneeId: placement.assigneeId, unrouted: placement.unrouted,
    priority, confidential,
    routing: { target: decision.target, level: placement.level, teamId: placement.teamId, assigneeId: placement.assigneeId, priority, fired, at: at.toISOString() },
    ...(decision.tags.length > 0 ? { tags: sql`(SELECT array_agg(DISTINCT t) FROM unnest(${conversations.tags} || ARRAY[${sql.join(decision.tags.map((tag) => sql`${tag}`), sql`, `)}]::text[]) t)` } : {}),
    updatedAt: at,
  }).where(eq(conversations.id, c.id));
  const row = await recordRoutingDecision(tx, {
    orgId, conversationId: c.id, messageId: input.messageId, kind: placement.unrouted && !c.unrouted ? 'unrouted' : 'route',
    from, to: { level: placement.level, teamId: placement.teamId, assigneeId: placement.assigneeId }, priority, rules: fired,
  });
  return { placement, fired, decisionId: row.id };
}

/**
 * People take a conversation without a triage decision to route from: the customer asked for a person after
 * an automatic answer, or triage itself failed. Placed like any routed conversation (queue, person, history),
 * at the level the preset hands to people first (experts, unless the preset has none).
 */
export async function handOffToPeople(tx: Db, input: { orgId: string; conversation: Conversation; messageId: string | null; level: 2 | 3; priority: number; why: FiredRule }): Promise<AppliedRoute> {
  const routing = await compiledRoutingFor(tx, input.orgId);
  const noExperts = routing.preset === 'b2c' || routing.preset === 'ia2c';
  const level = noExperts ? 3 : input.level;
  const fired = [input.why, ...(level !== input.level ? [{ id: null, name: `preset ${routing.preset}`, reason: 'no community experts in this support model: the core team takes it' }] : [])];
  const decision: RouteDecision = {
    target: level === 2 ? 'level2' : 'level3', level, teamId: null, priority: input.priority, autoAnswerAllowed: false,
    confidential: false, tags: [], passUp: level === 2, fired,
  };
  return applyRoute(tx, { orgId: input.orgId, conversation: input.conversation, messageId: input.messageId, decision, triage: { intent: input.conversation.intent, language: (input.conversation.language ?? 'other') as TriageResult['language'] } });
}

/** Has the conversation already a queue or a person (and is not waiting in the unrouted queue)? */
const isPlaced = (c: Conversation) => !c.unrouted && (c.teamId !== null || c.assigneeId !== null);

/** After COMMIT: the unrouted queue is visible in the app; supervisors are alerted (in the app, webhook, email). */
export async function alertUnrouted(db: Db, input: { orgId: string; conversationId: string; messageId: string | null; severity: string; fired: FiredRule[] }, mail: MailSettings, publicUrl?: string) {
  const why = input.fired.filter((f) => f.name.startsWith('assignment:')).map((f) => f.reason).join('; ');
  await raiseAlert(db, {
    orgId: input.orgId, kind: 'unrouted', conversationId: input.conversationId, messageId: input.messageId, severity: input.severity,
    summary: `Conversation sans file / unrouted conversation: ${why || 'no eligible queue or person'}`,
  }, mail, publicUrl);
}
