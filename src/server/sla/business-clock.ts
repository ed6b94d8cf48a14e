// Target time for response-time targets: around the clock, or only during the organization's business hours
// (its week, in its time zone, outside its holidays). Time zones and daylight saving come from Intl, so a
// 09:00 opening is 09:00 local on both sides of a clock change.
import type { OrgSettings } from '../organizations/org-settings.ts';

export type ClockSettings = Pick<OrgSettings['sla'], 'clock' | 'timezone' | 'week' | 'holidays'>;

const MINUTE = 60_000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Far enough for any target (90 days) on the thinnest week (one minute a week), plus a year of holidays. */
const MAX_DAYS = 366 * 3;

type LocalDate = { y: number; m: number; d: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading in `timeZone` at `ms`, expressed as if it were UTC. */
function wallClockMs(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

/** The zone's offset from UTC at the instant `ms`. */
const offsetAt = (ms: number, timeZone: string) => wallClockMs(Math.floor(ms / 1000) * 1000, timeZone) - Math.floor(ms / 1000) * 1000;

/**
 * The instant a local wall-clock time happens, tried with the offsets a day before and a day after (at most
 * one change lies between). A time that happens twice (autumn) is its first occurrence; a time skipped by a
 * spring-forward change moves forward by the gap, as clocks do (02:30 becomes 03:30).
 */
function instantOf(day: LocalDate, minutes: number, timeZone: string): number {
  const naive = Date.UTC(day.y, day.m - 1, day.d) + minutes * MINUTE;
  const before = naive - offsetAt(naive - 86_400_000, timeZone);
  const after = naive - offsetAt(naive + 86_400_000, timeZone);
  const valid = [before, after].filter((ms) => wallClockMs(ms, timeZone) === naive);
  return valid.length > 0 ? Math.min(...valid) : before;
}

function localDate(ms: number, timeZone: string): LocalDate {
  const wall = new Date(wallClockMs(ms, timeZone));
  return { y: wall.getUTCFullYear(), m: wall.getUTCMonth() + 1, d: wall.getUTCDate() };
}

const nextDay = (day: LocalDate): LocalDate => {
  const next = new Date(Date.UTC(day.y, day.m - 1, day.d + 1));
  return { y: next.getUTCFullYear(), m: next.getUTCMonth() + 1, d: next.getUTCDate() };
};
const isoDate = (day: LocalDate) => `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A week with no hours at all would never let time pass: such a clock runs around the clock instead. */
const hasBusinessHours = (c: ClockSettings) => Object.values(c.week).some((day) => day.some(([open, close]) => toMinutes(close) > toMinutes(open)));
const runsAlways = (c: ClockSettings) => c.clock === 'always' || !hasBusinessHours(c) || !isValidTimeZone(c.timezone);

/** The business intervals (as instants) of each local day from the one containing `fromMs`, in order. */
function* businessIntervals(fromMs: number, c: ClockSettings): Generator<[number, number]> {
  const holidays = new Set(c.holidays);
  let day = localDate(fromMs, c.timezone);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    if (holidays.has(isoDate(day))) continue;
    const weekday = WEEKDAYS[new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay()]!;
    const hours = [...c.week[weekday]].sort((a, b) => toMinutes(a[0]) - toMinutes(b[0]));
    for (const [open, close] of hours) {
      const start = instantOf(day, toMinutes(open), c.timezone);
      const end = instantOf(day, toMinutes(close), c.timezone);
      if (end > start) yield [start, end];
    }
  }
}

/** The instant at which `minutes` of target time have run from `start`. */
export function addTargetMinutes(start: Date, minutes: number, c: ClockSettings): Date {
  if (runsAlways(c)) return new Date(start.getTime() + minutes * MINUTE);
  let remaining = minutes * MINUTE;
  for (const [open, close] of businessIntervals(start.getTime(), c)) {
    const from = Math.max(open, start.getTime());
    if (from >= close) continue;
    if (remaining <= close - from) return new Date(from + remaining);
    remaining -= close - from;
  }
  // Only a calendar of holidays covering years gets here: the clock then runs around the clock.
  return new Date(start.getTime() + minutes * MINUTE);
}

/** Minutes of target time between two instants (0 when `to` is not after `from`). */
export function elapsedTargetMinutes(from: Date, to: Date, c: ClockSettings): number {
  if (to.getTime() <= from.getTime()) return 0;
  if (runsAlways(c)) return (to.getTime() - from.getTime()) / MINUTE;
  let total = 0;
  for (const [open, close] of businessIntervals(from.getTime(), c)) {
    if (open >= to.getTime()) break;
    total += Math.max(0, Math.min(close, to.getTime()) - Math.max(open, from.getTime()));
  }
  return total / MINUTE;
}
