// Response-time targets for demo conversations, from the product's defaults (DEFAULT_SLA_TARGETS), and a
// timeline that mostly meets them: most first answers and resolutions land within the target, some late,
// so the dashboards show both.
import type { ChannelType, Severity } from '../db/schema/index.ts';
import { DEFAULT_SLA_TARGETS } from '../organizations/org-settings.ts';
import type { Rng } from './demo-random.ts';

const MINUTE = 60_000;
/** Share of first answers, and of resolutions, that miss their target. */
const LATE_SHARE = 0.08;

export type Targets = { firstResponseMs: number; resolutionMs: number | null };

/** The first default target that matches, as the SLA settings read them (most specific first). */
export function targetsFor(channel: ChannelType, visibility: 'public' | 'private', severity: Severity): Targets {
  const target = DEFAULT_SLA_TARGETS.find((t) =>
    (!('severity' in t) || t.severity === severity)
    && (!('channelTypes' in t) || (t.channelTypes as readonly string[]).includes(channel))
    && (!('visibility' in t) || t.visibility === visibility)) ?? DEFAULT_SLA_TARGETS[DEFAULT_SLA_TARGETS.length - 1]!;
  return { firstResponseMs: target.firstResponseMinutes * MINUTE, resolutionMs: target.resolutionMinutes * MINUTE };
}

/** A delay as a share of the target: mostly within (10–90%), sometimes late (110–250%). */
function againstTarget(rng: Rng, targetMs: number): number {
  return Math.round(targetMs * (rng.chance(LATE_SHARE) ? 1.1 + rng.next() * 1.4 : 0.1 + rng.next() * 0.8));
}

/**
 * Maps a thread's planned offsets (ms after the first message) onto a timeline fitted to the targets:
 * the first reply moves to its drawn time (the bot keeps its own seconds), the resolution to its own, and
 * everything between is stretched or squeezed in proportion, so the order of the thread never changes.
 */
export function fitToTargets(
  rng: Rng, targets: Targets, firstReply: number | undefined, resolved: number | null, botAnswers: boolean,
): (offset: number) => number {
  const f = firstReply;
  const f2 = f === undefined || botAnswers ? f : againstTarget(rng, targets.firstResponseMs);
  const base = f2 ?? 0;
  const r2 = resolved === null ? null
    : targets.resolutionMs === null ? resolved
    : Math.max(base + MINUTE, againstTarget(rng, targets.resolutionMs));
  return (t) => {
    if (f === undefined || f2 === undefined) return r2 !== null && resolved ? Math.round((t * r2) / resolved) : t;
    if (t <= f) return f === 0 ? t : Math.round((t * f2) / f);
    if (resolved !== null && r2 !== null && t <= resolved) return resolved === f ? f2 : Math.round(f2 + ((t - f) * (r2 - f2)) / (resolved - f));
    if (resolved !== null && r2 !== null) return r2 + (t - resolved);
    return f2 + (t - f);
  };
}
