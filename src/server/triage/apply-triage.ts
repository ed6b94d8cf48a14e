// Triage of a stored inbound message, and what follows from it: the result stored on the message and the
// conversation, the automatic answer or the hand-off, the crisis alert, and an audit event for each decision.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { channels, conversations, messages, SEVERITIES, type Severity } from '../db/schema/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import { raiseAlert } from '../alerts/alerts.service.ts';
import type { MailSettings } from '../alerts/deliver-alert.ts';
import { composeAutoAnswer, fromSource, readFeedback, type LevelOneContent } from './compose-auto-answer.ts';
import type { LlmClient } from './generative/llm-client.ts';
import { tryGenerativeAnswer } from './generative-level1.ts';
import { enqueueReply } from '../outbox/enqueue-reply.ts';
import { publishRealtime } from '../realtime/publish-realtime.ts';
import { triageForOrg } from './triage-for-org.ts';
import { applySlaTargets } from '../sla/apply-sla-targets.ts';
import type { TriageResult } from './triage.types.ts';
import { alertUnrouted, applyRoute, handOffToPeople, planRoute, type AppliedRoute } from '../routing/route-conversation.ts';
import type { RouteDecision } from '../routing/routing.types.ts';

export type TriageDeps = { db: Db; mail: MailSettings; publicUrl?: string | undefined; llm?: LlmClient | undefined };
export type TriageOutcome = { status: 'skipped' | 'triaged' | 'feedback' | 'failed'; result?: TriageResult; error?: string };

const rank = (s: Severity) => SEVERITIES.indexOf(s);

export async function triageStoredMessage(deps: TriageDeps, messageId: string): Promise<TriageOutcome> {
  const { db } = deps;
  const [row] = await db.select({ message: messages, conversation: conversations, channel: channels }).from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(channels, eq(channels.id, messages.channelId))
    .where(eq(messages.id, messageId));
  // Already triaged (a redelivered job) or not a customer's message: nothing to do.
  if (!row || row.message.triage !== null || row.message.direction !== 'inbound') return { status: 'skipped' };
  const { message, conversation, channel } = row;
  // Auto-replies and bounces (flagged by the email channel) are kept but never answered: no reply loops.
  const flags = message.metadata as { autoReply?: boolean; bounce?: boolean };
  if (flags.autoReply || flags.bounce) {
    await db.update(messages).set({ triage: { skipped: flags.bounce ? 'bounce' : 'auto_reply', triagedAt: new Date().toISOString() } })
      .where(eq(messages.id, message.id));
    return { status: 'skipped' };
  }

  const feedback = await pendingFeedback(db, conversation.id) ? readFeedback(message.body) : null;
  if (feedback) return applyFeedback(deps, message, conversation, feedback);

  let result: TriageResult & { answerBody?: string };
  try {
    // The message's own visibility: one Facebook channel carries both private DMs and public comments.
    result = await triageForOrg(db, message.orgId, message.body, { type: channel.type, isPublic: message.isPublic },
      (message.metadata as { audience?: { followers?: number } }).audience);
  } catch (err) {
    return routeToHumanAfterFailure(deps, message, conversation, err as Error);
  }
  // The organization's routing (preset, rules, safety) decides whether level 1 may answer at all.
  let route = await planRoute(db, message.orgId, result, { contactId: conversation.contactId, channelType: channel.type, isPublic: message.isPublic });
  let answer: LevelOneContent | null = route.target === 'auto_answer' && result.answer && result.answerBody !== undefined
    ? fromSource({ kind: result.answer.kind === 'template' ? 'template' : 'article', id: result.answer.id, title: result.answer.title, body: result.answerBody, language: result.language === 'en' ? 'en' : 'fr' })
    : null;
  if (result.abstained && route.autoAnswerAllowed && deps.llm && result.language !== 'other') {
    const attempt = await tryGenerativeAnswer(db, deps.llm, message.orgId, message.body.slice(0, 4000), result.language);
    result.reasons.push(attempt.reason);
    if (attempt.content) {
      answer = attempt.content;
      Object.assign(result, {
        decision: 'auto_answer', level: 1, abstained: false,
        answer: { kind: 'generated', id: attempt.content.citations[0]!.id, title: attempt.content.citations[0]!.title, citations: attempt.content.citations },
      });
      route = { ...route, target: 'auto_answer', level: 1, fired: [...route.fired, { id: null, name: 'level 1: grounded generative answer', reason: attempt.reason }] };
    }
  }
  if (route.target !== 'auto_answer' || !answer) answer = null;
  const routed = await db.transaction(async (tx) => {
    // A conversation keeps its worst severity and highest level: a calmer follow-up does not undo an escalation.
    const severity = rank(result.severity) > rank(conversation.severity) ? result.severity : conversation.severity;
    await tx.update(conversations).set({
      language: result.language === 'other' ? conversation.language : result.language,
      intent: result.intent ?? conversation.intent, intentConfidence: result.intent ? result.confidence : conversation.intentConfidence,
      severity,
      status: answer ? 'pending' : 'open',
      tags: route.target === 'spam' ? sql`array_append(array_remove(${conversations.tags}, 'spam'), 'spam')` : undefined,
      updatedAt: new Date(),
    }).where(eq(conversations.id, conversation.id));
    const applied = await applyRoute(tx, { orgId: message.orgId, conversation, messageId: message.id, decision: route, triage: result });
    Object.assign(result, routedResult(result, route, applied));
    const { answerBody: _answerBody, ...stored } = result;
    await applySlaTargets(tx, conversation.id, { previousSeverity: conversation.severity, at: new Date() });
    await tx.update(messages).set({ triage: { ...stored, triagedAt: new Date().toISOString() } }).where(eq(messages.id, message.id));
    if (answer) {
      const composed = composeAutoAnswer(answer);
      const now = new Date();
      const [reply] = await tx.insert(messages).values({
        orgId: message.orgId, conversationId: conversation.id, channelId: channel.id, direction: 'outbound', authorKind: 'bot',
        body: composed.body, isPublic: message.isPublic, metadata: { ...composed.metadata, inReplyTo: message.id }, createdAt: now,
      }).returning({ id: messages.id });
      await enqueueReply(tx, { orgId: message.orgId, messageId: reply!.id, channelId: channel.id });
      await publishRealtime(tx, message.orgId, { kind: 'message.created', conversationId: conversation.id, messageId: reply!.id, direction: 'outbound' });
      await tx.update(conversations).set({ lastMessageAt: now, firstResponseAt: sql`coalesce(${conversations.firstResponseAt}, ${now})` })
        .where(eq(conversations.id, conversation.id));
    }
    await publishRealtime(tx, message.orgId, { kind: 'conversation.updated', conversationId: conversation.id });
    await recordEvent(tx, {
      orgId: message.orgId, type: result.severity === 'crisis' ? 'triage.crisis' : 'triage.decided', actor: { kind: 'system' },
      subject: { type: 'message', id: message.id },
      data: { conversationId: conversation.id, decision: result.decision, level: result.level, severity: result.severity,
        intent: result.intent, confidence: result.confidence, modelVersion: result.modelVersion, reasons: result.reasons },
    });
    return applied;
  });
  if (result.severity === 'crisis') {
    await raiseAlert(db, {
      orgId: message.orgId, kind: 'crisis', conversationId: conversation.id, messageId: message.id, severity: result.severity,
      summary: `${result.crisisKind === 'violence' ? 'Menace de violence / violence threat' : 'Risque suicidaire / self-harm risk'}: « ${message.body.slice(0, 200)} »`,
    }, deps.mail, deps.publicUrl);
  }
  if (routed.placement.unrouted && !conversation.unrouted) {
    await alertUnrouted(db, { orgId: message.orgId, conversationId: conversation.id, messageId: message.id, severity: result.severity, fired: routed.fired }, deps.mail, deps.publicUrl);
  }
  return { status: 'triaged', result };
}

/** What was decided, as the triage record tells it: routing may overrule level 1's own proposal. */
function routedResult(result: TriageResult, route: RouteDecision, applied: AppliedRoute): Pick<TriageResult, 'decision' | 'level' | 'priority' | 'reasons'> {
  const people = route.target !== 'auto_answer' && route.target !== 'spam';
  const level = people ? applied.placement.level : route.level;
  return {
    decision: people ? (level === 2 ? 'level2' : 'level3') : route.target as 'auto_answer' | 'spam', level, priority: route.priority,
    reasons: [...result.reasons, ...applied.fired.map((f) => `routing: ${f.name}: ${f.reason}`)],
  };
}

/** Is the conversation's last message an automatic answer still waiting for "solved" / "talk to a person"? */
async function pendingFeedback(db: Db, conversationId: string): Promise<boolean> {
  const [last] = await db.select({ direction: messages.direction, metadata: messages.metadata }).from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'outbound')))
    .orderBy(desc(messages.createdAt)).limit(1);
  return Boolean(last && (last.metadata as { awaitingFeedback?: boolean }).awaitingFeedback);
}

export async function applyFeedback(
  deps: TriageDeps, message: typeof messages.$inferSelect, conversation: typeof conversations.$inferSelect, outcome: 'solved' | 'handoff',
): Promise<TriageOutcome> {
  const handedOff = await deps.db.transaction(async (tx) => {
    await tx.update(messages).set({ triage: { feedback: outcome, triagedAt: new Date().toISOString() } }).where(eq(messages.id, message.id));
    await tx.update(messages).set({ metadata: sql`${messages.metadata} || '{"awaitingFeedback": false}'::jsonb` })
      .where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, 'outbound')));
    await tx.update(conversations).set(outcome === 'solved'
      ? { status: 'resolved', resolvedAt: new Date(), updatedAt: new Date() }
      : { status: 'open', updatedAt: new Date() })
      .where(eq(conversations.id, conversation.id));
    // "Talk to a person": level 1 had its chance; people take it from here, placed in a queue like any other.
    const routed = outcome === 'handoff'
      ? await handOffToPeople(tx, {
        orgId: message.orgId, conversation, messageId: message.id, level: 2, priority: conversation.priority,
        why: { id: null, name: 'level 1: talk to a person', reason: 'the customer asked for a person after the automatic answer' },
      })
      : null;
    await publishRealtime(tx, message.orgId, { kind: 'conversation.updated', conversationId: conversation.id });
    await recordEvent(tx, {
      orgId: message.orgId, type: outcome === 'solved' ? 'level1.solved' : 'level1.handoff', actor: { kind: 'contact', id: message.authorContactId },
      subject: { type: 'conversation', id: conversation.id },
    });
    return routed;
  });
  if (handedOff?.placement.unrouted) {
    await alertUnrouted(deps.db, { orgId: message.orgId, conversationId: conversation.id, messageId: message.id, severity: conversation.severity, fired: handedOff.fired }, deps.mail, deps.publicUrl);
  }
  return { status: 'feedback' };
}

async function routeToHumanAfterFailure(
  deps: TriageDeps, message: typeof messages.$inferSelect, conversation: typeof conversations.$inferSelect, err: Error,
): Promise<TriageOutcome> {
  const error = `${err.name}: ${err.message}`.slice(0, 500);
  const routed = await deps.db.transaction(async (tx) => {
    await tx.update(messages).set({ triage: { error, failedAt: new Date().toISOString() } }).where(eq(messages.id, message.id));
    await tx.update(conversations).set({ status: 'open', updatedAt: new Date() }).where(eq(conversations.id, message.conversationId));
    // Nothing was read, so nothing is assumed: the core team looks at it, with a response-time target.
    const applied = await handOffToPeople(tx, {
      orgId: message.orgId, conversation, messageId: message.id, level: 3, priority: Math.max(conversation.priority, 3),
      why: { id: null, name: 'triage failed', reason: `the message could not be read automatically (${error.slice(0, 120)}): the core team takes it` },
    });
    await applySlaTargets(tx, conversation.id, { previousSeverity: conversation.severity, at: new Date() });
    await publishRealtime(tx, message.orgId, { kind: 'conversation.updated', conversationId: conversation.id });
    await recordEvent(tx, {
      orgId: message.orgId, type: 'triage.failed', actor: { kind: 'system' }, subject: { type: 'message', id: message.id },
      data: { error, routedTo: 'level3' },
    });
    return applied;
  });
  if (routed.placement.unrouted) {
    await alertUnrouted(deps.db, { orgId: message.orgId, conversationId: conversation.id, messageId: message.id, severity: conversation.severity, fired: routed.fired }, deps.mail, deps.publicUrl);
  }
  return { status: 'failed', error };
}
