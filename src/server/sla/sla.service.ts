// A conversation's response-time targets as the desk shows them: which target applies, when each part is
// due, how much of it is used, and the state (ok, warning, breached, met).
import type { Caller } from '../access/conversation-scope.ts';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { getOrgSettings } from '../organizations/org-settings.ts';
import { getConversation } from '../conversations/conversations.service.ts';
import type { Clock } from './clock.ts';
import { pickSlaTarget } from './sla-targets.ts';
import { readSla, SLA_STATES, type TargetReading } from './sla-state.ts';

const readingSchema = z.object({
  dueAt: z.string(), doneAt: z.string().nullable(), targetMinutes: z.number(), elapsedMinutes: z.number(), state: z.enum(SLA_STATES),
}).nullable();

export const slaSchema = z.object({
  conversationId: z.uuid(),
  /** 'always' or 'business' (a crisis always runs around the clock). */
  clock: z.enum(['always', 'business']),
  /** The target that applies today to the conversation's channel, visibility and severity. */
  target: z.object({ firstResponseMinutes: z.number(), resolutionMinutes: z.number().nullable() }).nullable(),
  firstResponse: readingSchema,
  resolution: readingSchema,
  owed: z.enum(['first_response', 'resolution']).nullable(),
  warnedAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  state: z.enum(SLA_STATES),
});

const present = (r: TargetReading | null) => r && {
  dueAt: r.dueAt.toISOString(), doneAt: r.doneAt?.toISOString() ?? null,
  targetMinutes: Math.round(r.targetMinutes * 10) / 10, elapsedMinutes: Math.round(r.elapsedMinutes * 10) / 10, state: r.state,
};

export async function getConversationSla(db: Db, caller: Caller, conversationId: string, clock: Clock): Promise<z.infer<typeof slaSchema>> {
  const conversation = await getConversation(db, caller, conversationId);
  const { sla } = await getOrgSettings(db, caller.orgId);
  const reading = readSla(conversation, sla, clock.now());
  const target = pickSlaTarget(sla.targets, { channelType: conversation.channelType, visibility: conversation.visibility, severity: conversation.severity });
  return {
    conversationId,
    clock: conversation.severity === 'crisis' ? 'always' : sla.clock,
    target: target && { firstResponseMinutes: target.firstResponseMinutes, resolutionMinutes: target.resolutionMinutes },
    firstResponse: present(reading.firstResponse), resolution: present(reading.resolution), owed: reading.owed,
    warnedAt: conversation.slaWarnedAt?.toISOString() ?? null, breachedAt: conversation.slaBreachedAt?.toISOString() ?? null,
    state: reading.state,
  };
}
