// The date range and bucket size every report shares. Dates without a time are days in the organization's
// time zone (its SLA clock zone), so a day bucket is that brand's day, not UTC's.
import { AppError } from '../errors.ts';

export const INTERVALS = ['hour', 'day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

const DAY_MS = 86_400_000;
const MAX_RANGE_MS = 731 * DAY_MS; // two years, a leap day included
export const MAX_BUCKETS = 1000;
// Shortest length of each interval: a range gives at most span / this many buckets.
const SHORTEST_MS: Record<Interval, number> = { hour: 3_600_000, day: DAY_MS, week: 7 * DAY_MS, month: 28 * DAY_MS };

export type ReportRange = { from: Date; to: Date; interval: Interval; timezone: string };

/** A time zone PostgreSQL and Intl both know, or UTC: a bad setting must not break every report. */
export function usableTimezone(tz: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC';
  }
}

/** How far ahead of UTC the zone is at `at`, in ms. */
function zoneOffsetMs(at: number, tz: string): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** Midnight starting the calendar day `ymd` (YYYY-MM-DD) in `tz`, plus `addDays`. */
export function localMidnight(ymd: string, tz: string, addDays = 0): Date {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d + addDays);
  // Twice: the offset at the guess may differ from the offset at the answer across a DST change.
  let at = naive - zoneOffsetMs(naive, tz);
  at = naive - zoneOffsetMs(at, tz);
  return new Date(at);
}

/** Today's date (YYYY-MM-DD) in `tz`. */
export function localDate(at: Date, tz: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function defaultInterval(spanMs: number): Interval {
  if (spanMs <= 2 * DAY_MS) return 'hour';
  if (spanMs <= 92 * DAY_MS) return 'day';
  if (spanMs <= 366 * DAY_MS) return 'week';
  return 'month';
}

/**
 * `from` is inclusive, `to` exclusive. A date-only `from` is that day's midnight; a date-only `to` includes
 * that whole day. Default: the last 30 days, today included, up to now.
 */
export function resolveRange(
  input: { from?: string | undefined; to?: string | undefined; interval?: Interval | undefined },
  timezone: string,
  now = new Date(),
): ReportRange {
  const tz = usableTimezone(timezone);
  const parse = (value: string, end: boolean) => (DATE_ONLY.test(value) ? localMidnight(value, tz, end ? 1 : 0) : new Date(value));
  const to = input.to ? parse(input.to, true) : now;
  const from = input.from ? parse(input.from, false)
    : input.to ? new Date(to.getTime() - 30 * DAY_MS)
    : localMidnight(localDate(now, tz), tz, -29);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new AppError('bad_request', 'from and to must be ISO 8601 dates or date-times');
  const span = to.getTime() - from.getTime();
  if (span <= 0) throw new AppError('bad_request', `from (${from.toISOString()}) must be before to (${to.toISOString()})`);
  if (span > MAX_RANGE_MS) throw new AppError('bad_request', 'the range may cover at most two years: narrow from and to');
  const interval = input.interval ?? defaultInterval(span);
  const buckets = Math.ceil(span / SHORTEST_MS[interval]);
  if (buckets > MAX_BUCKETS) {
    throw new AppError('bad_request', `interval ${interval} gives about ${buckets} buckets over this range (at most ${MAX_BUCKETS}): choose a longer interval or a shorter range`);
  }
  return { from, to, interval, timezone: tz };
}
