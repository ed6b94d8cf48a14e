// Which response-time target applies to a conversation, and when its first response and resolution are due.
import type { ChannelType, Severity } from '../db/schema/index.ts';
import type { OrgSettings } from '../organizations/org-settings.ts';
import { addTargetMinutes, type ClockSettings } from './business-clock.ts';

export type SlaSettings = OrgSettings['sla'];
export type SlaTarget = SlaSettings['targets'][number];
export type SlaSubject = { channelType: ChannelType; visibility: 'public' | 'private'; severity: Severity };

/** The first target whose conditions all hold (an absent or empty condition holds for everything). */
export function pickSlaTarget(targets: SlaTarget[], s: SlaSubject): SlaTarget | null {
  return targets.find((t) =>
    (!t.channelTypes || t.channelTypes.length === 0 || t.channelTypes.includes(s.channelType)) &&
    (!t.visibility || t.visibility === s.visibility) &&
    (!t.severity || t.severity === s.severity)) ?? null;
}

/** A crisis does not wait for Monday: its target runs around the clock whatever the organization's clock. */
export function clockFor(settings: SlaSettings, severity: Severity): ClockSettings {
  return severity === 'crisis' ? { ...settings, clock: 'always' } : settings;
}

export type SlaDueDates = { target: SlaTarget; firstResponseDueAt: Date; resolutionDueAt: Date | null };

/** Due dates counted from `start`; null when no target applies. */
export function computeSlaDueDates(settings: SlaSettings, s: SlaSubject, start: Date): SlaDueDates | null {
  const target = pickSlaTarget(settings.targets, s);
  if (!target) return null;
  const clock = clockFor(settings, s.severity);
  return {
    target,
    firstResponseDueAt: addTargetMinutes(start, target.firstResponseMinutes, clock),
    resolutionDueAt: target.resolutionMinutes === null ? null : addTargetMinutes(start, target.resolutionMinutes, clock),
  };
}
