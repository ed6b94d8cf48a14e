// The one query every report takes (range, interval, filters, format) and the SQL it turns into:
// the tenant and filter conditions on conversations, and the time buckets.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { CHANNEL_TYPES, SEVERITIES, channels, conversations, type ChannelType, type Severity } from '../db/schema/index.ts';
import { INTERVALS, type ReportRange } from './report-range.ts';

const dateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const reportQuery = z.object({
  from: dateOrDateTime.optional().describe('Inclusive start: a date (midnight in the organization\'s time zone) or a date-time. Default: 29 days before today'),
  to: dateOrDateTime.optional().describe('Exclusive end: a date includes that whole day. Default: now'),
  interval: z.enum(INTERVALS).optional().describe('Bucket size (hours are cut in UTC). Default: hour up to 2 days, day up to 92, week up to a year, month beyond'),
  channelType: z.enum(CHANNEL_TYPES).optional(),
  channelId: z.uuid().optional(),
  level: z.coerce.number().int().min(1).max(3).optional(),
  teamId: z.uuid().optional(),
  severity: z.enum(SEVERITIES).optional(),
  language: z.string().min(2).max(8).optional(),
  intent: z.string().min(1).max(100).optional(),
  format: z.enum(['json', 'csv']).optional().describe('csv: the same data as a CSV download (also with Accept: text/csv)'),
});

export type ReportQuery = z.infer<typeof reportQuery>;

export type ReportFilters = {
  channelType?: ChannelType | undefined;
  channelId?: string | undefined;
  level?: number | undefined;
  teamId?: string | undefined;
  severity?: Severity | undefined;
  language?: string | undefined;
  intent?: string | undefined;
};

/** The tenant and the filters, as conditions on `conversations`: every report starts from these. */
export function scopeConditions(orgId: string, f: ReportFilters): SQL {
  const c = conversations;
  return and(
    eq(c.orgId, orgId),
    f.channelId ? eq(c.channelId, f.channelId) : undefined,
    f.channelType
      ? sql`${c.channelId} IN (SELECT ${channels.id} FROM ${channels} WHERE ${channels.orgId} = ${orgId} AND ${channels.type} = ${f.channelType})`
      : undefined,
    f.level ? eq(c.level, f.level) : undefined,
    f.teamId ? eq(c.teamId, f.teamId) : undefined,
    f.severity ? eq(c.severity, f.severity) : undefined,
    f.language ? eq(c.language, f.language) : undefined,
    f.intent ? eq(c.intent, f.intent) : undefined,
  )!;
}

/** `column` within [from, to). */
export const within = (column: SQL | AnyPgColumn, r: ReportRange) =>
  sql`(${column} >= ${r.from.toISOString()}::timestamptz AND ${column} < ${r.to.toISOString()}::timestamptz)`;

/**
 * The bucket holding `column`, as a local timestamp (truncated in the organization's zone, so a day is its
 * day). Select it as a subquery column and group by that column: PostgreSQL does not see two copies of a
 * parameterized expression as the same one in GROUP BY. Label the groups with `bucketLabel`, which matches
 * the `local` of `bucketStarts`: the costly conversion to an instant is done once per bucket, not per row.
 */
export const bucketOf = (column: SQL | AnyPgColumn, r: ReportRange) =>
  sql`date_trunc(${r.interval}, ${column} AT TIME ZONE ${bucketZone(r)})`;

export const bucketLabel = (local: SQL) => sql`to_char(${local}, 'YYYY-MM-DD"T"HH24:MI:SS')`;

/**
 * Hours are cut in UTC: the same hours as local ones in every whole-hour zone, and no hour vanishes or
 * repeats at a daylight-saving change. Days, weeks and months follow the organization's calendar.
 */
const bucketZone = (r: ReportRange) => (r.interval === 'hour' ? 'UTC' : r.timezone);

/** An instant as ISO text in UTC, identical on both engines whatever the session's zone. */
const isoUtc = (instant: SQL) => sql`to_char((${instant}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export type Bucket = { local: string; start: string };

/**
 * Every bucket of the range, in order: its `local` label (as `bucketLabel` writes it) and its `start` as an
 * ISO instant. Generated in local time so that days, weeks and months follow the organization's calendar
 * across daylight-saving changes.
 */
export async function bucketStarts(db: Db, r: ReportRange): Promise<Bucket[]> {
  const zone = bucketZone(r);
  const first = sql`date_trunc(${r.interval}, ${r.from.toISOString()}::timestamptz AT TIME ZONE ${zone})`;
  const last = sql`date_trunc(${r.interval}, (${r.to.toISOString()}::timestamptz - interval '1 microsecond') AT TIME ZONE ${zone})`;
  const step = sql`(${`1 ${r.interval}`})::interval`;
  const rows = await db.execute(sql`
    SELECT ${bucketLabel(sql`b`)} AS local, ${isoUtc(sql`b AT TIME ZONE ${zone}`)} AS start
    FROM generate_series(${first}, ${last}, ${step}) AS g(b) ORDER BY b`);
  return rowsOf<Bucket>(rows);
}

/** node-postgres returns { rows }, PGlite's drizzle driver too; keep the difference in one place. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[]));
}

/** Numbers from SQL: counts and percentiles come back as numbers or numeric strings depending on the driver. */
export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
export const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
/** A share rounded to 4 decimals, null when nothing to divide by. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);
