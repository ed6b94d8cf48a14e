// Sets a conversation's due dates when triage reads it, and moves them when its severity changes: an
// escalation can only bring them closer (a crisis is due 15 minutes after it is known, or sooner if the
// earlier target was sooner); a correction downwards recomputes them from the start.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { channels, conversations, SEVERITIES, type Severity } from '../db/schema/index.ts';
import { getOrgSettings } from '../organizations/org-settings.ts';
import { computeSlaDueDates } from './sla-targets.ts';

const rank = (s: Severity) => SEVERITIES.indexOf(s);
const earlier = (a: Date | null, b: Date | null) => (a && b ? (a.getTime() <= b.getTime() ? a : b) : a ?? b);

/** Call inside the transaction that changed the conversation, after the change. */
export async function applySlaTargets(db: Db, conversationId: string, change: { previousSeverity: Severity; at: Date }): Promise<void> {
  const [row] = await db.select({ conversation: conversations, channelType: channels.type }).from(conversations)
    .innerJoin(channels, eq(channels.id, conversations.channelId)).where(eq(conversations.id, conversationId));
  if (!row) return;
  const { conversation: c, channelType } = row;
  const firstTime = c.firstResponseDueAt === null && c.resolutionDueAt === null;
  const escalated = rank(c.severity) > rank(change.previousSeverity);
  const lowered = rank(c.severity) < rank(change.previousSeverity);
  if (!firstTime && !escalated && !lowered) return;
  const { sla } = await getOrgSettings(db, c.orgId);
  const subject = { channelType, visibility: c.visibility, severity: c.severity };
  const due = computeSlaDueDates(sla, subject, escalated && !firstTime ? change.at : c.createdAt);
  if (!due) return;
  const next = escalated && !firstTime
    ? { firstResponseDueAt: earlier(c.firstResponseDueAt, due.firstResponseDueAt), resolutionDueAt: earlier(c.resolutionDueAt, due.resolutionDueAt) }
    : { firstResponseDueAt: due.firstResponseDueAt, resolutionDueAt: due.resolutionDueAt };
  await db.update(conversations).set(next).where(eq(conversations.id, conversationId));
}
