// The SLA sweeper's pass: warns once when a target's time is mostly used (warnAtShare), and on a breach
// escalates once: the conversation leaves its assignee for the team queue with a higher priority (or, already
// in the queue, goes to the team's fallback team), with a routing decision, and supervisors are alerted.
import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { conversations, teams } from '../db/schema/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import { raiseAlert } from '../alerts/alerts.service.ts';
import type { MailSettings } from '../alerts/deliver-alert.ts';
import { getOrgSettings } from '../organizations/org-settings.ts';
import { publishRealtime } from '../realtime/publish-realtime.ts';
import { recordRoutingDecision } from '../routing/record-routing-decision.ts';
import type { Clock } from './clock.ts';
import { readSla, type SlaPhase } from './sla-state.ts';
import type { SlaSettings } from './sla-targets.ts';

export type SlaCheckDeps = { db: Db; clock: Clock; mail: MailSettings; publicUrl?: string | undefined };
type ConversationRow = typeof conversations.$inferSelect;

const PHASE_NAME: Record<SlaPhase, string> = { first_response: 'first response', resolution: 'resolution' };
/** A pass's share of work; the next pass, 30 s later, takes the rest. */
const LIMIT = 5000;

/**
 * One warning and one breach per target: a mark made before the first response was about the first
 * response, so once it is answered the resolution target can be warned about and breached in its turn.
 */
const markedFor = (mark: Date | null, phase: SlaPhase, c: Pick<ConversationRow, 'firstResponseAt'>) =>
  mark !== null && (phase === 'first_response' || (c.firstResponseAt !== null && mark.getTime() >= c.firstResponseAt.getTime()));

export async function checkSla(deps: SlaCheckDeps): Promise<{ warned: number; breached: number }> {
  const { db } = deps;
  const now = deps.clock.now();
  const c = conversations;
  // Conversations still owing a target and not yet escalated for it (an escalated one waits for its people),
  // most urgent first. Pending ones wait for the customer: only their first response counts.
  const owing = await db.select().from(c).where(and(
    inArray(c.status, ['open', 'pending']),
    or(
      and(isNull(c.firstResponseAt), isNotNull(c.firstResponseDueAt)),
      and(eq(c.status, 'open'), isNull(c.resolvedAt), isNotNull(c.resolutionDueAt)),
    ),
    or(isNull(c.slaBreachedAt), and(isNotNull(c.firstResponseAt), lt(c.slaBreachedAt, c.firstResponseAt))),
  )).orderBy(sql`coalesce(${c.firstResponseDueAt}, ${c.resolutionDueAt})`).limit(LIMIT);
  const settingsByOrg = new Map<string, SlaSettings>();
  let warned = 0;
  let breached = 0;
  for (const conversation of owing) {
    let settings = settingsByOrg.get(conversation.orgId);
    if (!settings) {
      settings = (await getOrgSettings(db, conversation.orgId)).sla;
      settingsByOrg.set(conversation.orgId, settings);
    }
    const reading = readSla(conversation, settings, now);
    const phase = reading.owed;
    if (!phase || (phase === 'resolution' && conversation.status !== 'open')) continue;
    const target = phase === 'first_response' ? reading.firstResponse! : reading.resolution!;
    if (target.state === 'breached' && !markedFor(conversation.slaBreachedAt, phase, conversation)) {
      if (await breach(deps, conversation.id, phase, now)) breached++;
    } else if (target.state === 'warning' && !markedFor(conversation.slaWarnedAt, phase, conversation)) {
      if (await warn(deps, conversation.id, phase, now)) warned++;
    }
  }
  return { warned, breached };
}

/** The conversation, locked, if it still owes `phase` and was not yet marked for it (another process may have been first). */
async function lockUnmarked(tx: Db, id: string, phase: SlaPhase, mark: 'slaWarnedAt' | 'slaBreachedAt') {
  const [row] = await tx.select().from(conversations).where(eq(conversations.id, id)).for('update');
  if (!row || markedFor(row[mark], phase, row)) return null;
  const owes = phase === 'first_response' ? row.firstResponseAt === null : row.resolvedAt === null && row.status === 'open';
  return owes ? row : null;
}

const dueOf = (row: ConversationRow, phase: SlaPhase) => (phase === 'first_response' ? row.firstResponseDueAt : row.resolutionDueAt)!;

async function warn(deps: SlaCheckDeps, id: string, phase: SlaPhase, now: Date): Promise<boolean> {
  const row = await deps.db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const locked = await lockUnmarked(t, id, phase, 'slaWarnedAt');
    if (!locked) return null;
    await t.update(conversations).set({ slaWarnedAt: now }).where(eq(conversations.id, id));
    await publishRealtime(t, locked.orgId, { kind: 'conversation.sla', conversationId: id, state: 'warning' });
    await recordEvent(t, {
      orgId: locked.orgId, type: 'sla.warning', actor: { kind: 'system' }, subject: { type: 'conversation', id },
      data: { phase, dueAt: dueOf(locked, phase).toISOString() },
    });
    return locked;
  });
  if (!row) return false;
  await raiseAlert(deps.db, {
    orgId: row.orgId, kind: 'sla_warning', conversationId: id, messageId: null, severity: row.severity,
    summary: `SLA : ${PHASE_NAME[phase]} attendue avant / due by ${dueOf(row, phase).toISOString()}`,
  }, deps.mail, deps.publicUrl);
  return true;
}

async function breach(deps: SlaCheckDeps, id: string, phase: SlaPhase, now: Date): Promise<boolean> {
  const row = await deps.db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const locked = await lockUnmarked(t, id, phase, 'slaBreachedAt');
    if (!locked) return null;
    const due = dueOf(locked, phase);
    const [team] = locked.teamId ? await t.select().from(teams).where(eq(teams.id, locked.teamId)) : [];
    const [fallback] = !locked.assigneeId && team?.fallbackTeamId ? await t.select().from(teams).where(eq(teams.id, team.fallbackTeamId)) : [];
    // Taken from its assignee back to the team's queue; already waiting in the queue, on to the fallback team.
    const to = locked.assigneeId
      ? { level: locked.level, teamId: locked.teamId, assigneeId: null }
      : fallback ? { level: fallback.level ?? locked.level, teamId: fallback.id, assigneeId: null }
      : { level: locked.level, teamId: locked.teamId, assigneeId: null };
    const priority = Math.min(4, locked.priority + 1);
    await t.update(conversations).set({ slaBreachedAt: now, ...to, priority, updatedAt: now }).where(eq(conversations.id, id));
    const reason = `${PHASE_NAME[phase]} was due at ${due.toISOString()}`;
    await recordRoutingDecision(t, {
      orgId: locked.orgId, conversationId: id, kind: 'sla_escalate', priority,
      from: { level: locked.level, teamId: locked.teamId, assigneeId: locked.assigneeId }, to,
      rules: [{ id: null, name: 'sla', reason }],
      note: locked.assigneeId ? 'back to the team queue' : fallback ? 'to the fallback team' : 'priority raised in the queue',
    });
    await publishRealtime(t, locked.orgId, { kind: 'conversation.sla', conversationId: id, state: 'breached' });
    await publishRealtime(t, locked.orgId, { kind: 'conversation.updated', conversationId: id });
    await recordEvent(t, {
      orgId: locked.orgId, type: 'sla.breached', actor: { kind: 'system' }, subject: { type: 'conversation', id },
      data: { phase, dueAt: due.toISOString(), from: { teamId: locked.teamId, assigneeId: locked.assigneeId }, to, priority },
    });
    return locked;
  });
  if (!row) return false;
  await raiseAlert(deps.db, {
    orgId: row.orgId, kind: 'sla_breach', conversationId: id, messageId: null, severity: row.severity,
    summary: `SLA dépassé / breached: ${PHASE_NAME[phase]} was due at ${dueOf(row, phase).toISOString()}`,
  }, deps.mail, deps.publicUrl);
  return true;
}
