// Where a conversation stands against its response-time targets at an instant: a pure reading of its
// stored due dates, so the sweeper, the API and the tests agree.
import type { Severity } from '../db/schema/index.ts';
import { elapsedTargetMinutes } from './business-clock.ts';
import { clockFor, type SlaSettings } from './sla-targets.ts';

export const SLA_STATES = ['ok', 'warning', 'breached', 'met'] as const;
export type SlaState = (typeof SLA_STATES)[number];
export type SlaPhase = 'first_response' | 'resolution';

export type SlaConversation = {
  status: 'open' | 'pending' | 'resolved' | 'closed';
  severity: Severity;
  createdAt: Date;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
};

export type TargetReading = {
  dueAt: Date;
  /** When it was met (the first response, the resolution), or null while still owed. */
  doneAt: Date | null;
  /** Target time allowed, and used so far (until done), in minutes of the organization's clock. */
  targetMinutes: number;
  elapsedMinutes: number;
  state: SlaState;
};

function readTarget(c: SlaConversation, dueAt: Date | null, doneAt: Date | null, settings: SlaSettings, now: Date): TargetReading | null {
  if (!dueAt) return null;
  const clock = clockFor(settings, c.severity);
  const targetMinutes = elapsedTargetMinutes(c.createdAt, dueAt, clock);
  const elapsedMinutes = elapsedTargetMinutes(c.createdAt, doneAt ?? now, clock);
  let state: SlaState;
  if (doneAt) state = doneAt.getTime() <= dueAt.getTime() ? 'met' : 'breached';
  else if (now.getTime() >= dueAt.getTime()) state = 'breached';
  else state = elapsedMinutes >= settings.warnAtShare * targetMinutes ? 'warning' : 'ok';
  return { dueAt, doneAt, targetMinutes, elapsedMinutes, state };
}

export type SlaReading = {
  firstResponse: TargetReading | null;
  resolution: TargetReading | null;
  /** The target still owed: the first response, then the resolution; null once both are done (or none is set). */
  owed: SlaPhase | null;
  state: SlaState;
};

export function readSla(c: SlaConversation, settings: SlaSettings, now: Date): SlaReading {
  const firstResponse = readTarget(c, c.firstResponseDueAt, c.firstResponseAt, settings, now);
  // A closed conversation is done even if nobody marked it resolved.
  const resolvedAt = c.resolvedAt ?? (c.status === 'closed' ? now : null);
  const resolution = readTarget(c, c.resolutionDueAt, resolvedAt, settings, now);
  const owed: SlaPhase | null = firstResponse && !firstResponse.doneAt ? 'first_response'
    : resolution && !resolution.doneAt ? 'resolution' : null;
  const readings = [firstResponse, resolution].filter((r): r is TargetReading => r !== null);
  const state: SlaState = readings.some((r) => r.state === 'breached') ? 'breached'
    : readings.some((r) => r.state === 'warning') ? 'warning'
    : readings.length > 0 && readings.every((r) => r.state === 'met') ? 'met' : 'ok';
  return { firstResponse, resolution, owed, state };
}
