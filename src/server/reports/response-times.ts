// First-response and resolution times of the conversations received in the range (median and p90), and how
// they did against the targets stored on each conversation when it arrived (first_response_due_at,
// resolution_due_at): met, breached (late, or still missing past the due time), or pending (not due yet).
// `breached` overall also counts conversations the SLA sweeper flagged (sla_breached_at).
// One query answers the whole range, each channel type and each bucket (GROUPING SETS).
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { CHANNEL_TYPES, channels, conversations } from '../db/schema/index.ts';
import type { CsvTable } from './csv.ts';
import type { ReportRange } from './report-range.ts';
import { bucketLabel, bucketOf, bucketStarts, num, numOrNull, rowsOf, scopeConditions, share, within, type ReportFilters } from './report-query.ts';

const target = {
  withTarget: z.number().int(), met: z.number().int(), breached: z.number().int(), pending: z.number().int(),
  /** met / (met + breached): pending ones are not decided yet. */
  metShare: z.number().nullable(),
};
const timing = { medianSeconds: z.number().nullable(), p90Seconds: z.number().nullable() };
const rowSchema = z.object({
  received: z.number().int(),
  firstResponse: z.object({ answered: z.number().int(), ...timing, ...target }),
  resolution: z.object({ resolved: z.number().int(), ...timing, ...target }),
  breached: z.number().int(),
});
type TimesRow = z.infer<typeof rowSchema>;

export const responseTimesSchema = z.object({
  from: z.string(), to: z.string(), interval: z.string(), timezone: z.string(),
  overall: rowSchema,
  byChannelType: z.array(rowSchema.extend({ channelType: z.enum(CHANNEL_TYPES) })),
  series: z.array(rowSchema.extend({ bucket: z.string() })),
});
export type ResponseTimesReport = z.infer<typeof responseTimesSchema>;

type Raw = Record<string, unknown> & { bucket: string | null; channel_type: string | null; by_bucket: number; by_channel: number };

function present(r: Raw | undefined): TimesRow {
  const n = (k: string) => num(r?.[k]);
  // Median and p90 come as one array: one sort per group for both.
  const seconds = (k: string, i: number) => {
    const v = numOrNull((r?.[k] as unknown[] | null | undefined)?.[i]);
    return v === null ? null : Math.round(v * 10) / 10;
  };
  return {
    received: n('received'),
    firstResponse: {
      answered: n('fr_count'), medianSeconds: seconds('fr_pct', 0), p90Seconds: seconds('fr_pct', 1),
      withTarget: n('fr_with'), met: n('fr_met'), breached: n('fr_breached'), pending: n('fr_with') - n('fr_met') - n('fr_breached'),
      metShare: share(n('fr_met'), n('fr_met') + n('fr_breached')),
    },
    resolution: {
      resolved: n('rs_count'), medianSeconds: seconds('rs_pct', 0), p90Seconds: seconds('rs_pct', 1),
      withTarget: n('rs_with'), met: n('rs_met'), breached: n('rs_breached'), pending: n('rs_with') - n('rs_met') - n('rs_breached'),
      metShare: share(n('rs_met'), n('rs_met') + n('rs_breached')),
    },
    breached: n('breached'),
  };
}

export async function responseTimesReport(
  db: Db, orgId: string, range: ReportRange, filters: ReportFilters, now = new Date(),
): Promise<ResponseTimesReport> {
  const c = conversations;
  const at = sql`${now.toISOString()}::timestamptz`;
  // true met, false breached, null pending or no target
  const verdict = (done: AnyPgColumn, due: AnyPgColumn) => sql`CASE
    WHEN ${due} IS NULL THEN NULL WHEN ${done} IS NOT NULL THEN ${done} <= ${due} WHEN ${due} < ${at} THEN false END`;
  const [buckets, result] = await Promise.all([bucketStarts(db, range), db.execute(sql`
    WITH scoped AS (
      SELECT ${bucketOf(c.createdAt, range)} AS b, ${channels.type}::text AS channel_type,
             extract(epoch FROM ${c.firstResponseAt} - ${c.createdAt})::float8 AS fr,
             extract(epoch FROM ${c.resolvedAt} - ${c.createdAt})::float8 AS rs,
             ${c.firstResponseDueAt} IS NOT NULL AS fr_target, ${verdict(c.firstResponseAt, c.firstResponseDueAt)} AS fr_ok,
             ${c.resolutionDueAt} IS NOT NULL AS rs_target, ${verdict(c.resolvedAt, c.resolutionDueAt)} AS rs_ok,
             ${c.slaBreachedAt} IS NOT NULL AS flagged
      FROM ${c} JOIN ${channels} ON ${channels.id} = ${c.channelId}
      WHERE ${scopeConditions(orgId, filters)} AND ${within(c.createdAt, range)}
    )
    SELECT ${bucketLabel(sql`b`)} AS bucket, channel_type, GROUPING(b) AS all_buckets, GROUPING(channel_type) AS all_channels,
           count(*)::int AS received,
           count(fr)::int AS fr_count, percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY fr) AS fr_pct,
           count(*) FILTER (WHERE fr_target)::int AS fr_with, count(*) FILTER (WHERE fr_ok)::int AS fr_met,
           count(*) FILTER (WHERE NOT fr_ok)::int AS fr_breached,
           count(rs)::int AS rs_count, percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY rs) AS rs_pct,
           count(*) FILTER (WHERE rs_target)::int AS rs_with, count(*) FILTER (WHERE rs_ok)::int AS rs_met,
           count(*) FILTER (WHERE NOT rs_ok)::int AS rs_breached,
           count(*) FILTER (WHERE flagged OR NOT fr_ok OR NOT rs_ok)::int AS breached
    FROM scoped GROUP BY GROUPING SETS ((b), (channel_type), ())`)]);

  const rows = rowsOf<Raw>(result);
  const overall = rows.find((r) => num(r.all_buckets) === 1 && num(r.all_channels) === 1);
  const perBucket = new Map(rows.filter((r) => num(r.all_buckets) === 0).map((r) => [r.bucket!, r]));
  const byChannelType = rows.filter((r) => num(r.all_channels) === 0 && num(r.all_buckets) === 1)
    .sort((a, b) => CHANNEL_TYPES.indexOf(a.channel_type as never) - CHANNEL_TYPES.indexOf(b.channel_type as never))
    .map((r) => ({ channelType: r.channel_type as (typeof CHANNEL_TYPES)[number], ...present(r) }));
  return {
    from: range.from.toISOString(), to: range.to.toISOString(), interval: range.interval, timezone: range.timezone,
    overall: present(overall),
    byChannelType,
    series: buckets.map(({ local, start }) => ({ bucket: start, ...present(perBucket.get(local)) })),
  };
}

const flat = (r: TimesRow) => [
  r.received,
  r.firstResponse.answered, r.firstResponse.medianSeconds, r.firstResponse.p90Seconds, r.firstResponse.withTarget,
  r.firstResponse.met, r.firstResponse.breached, r.firstResponse.pending, r.firstResponse.metShare,
  r.resolution.resolved, r.resolution.medianSeconds, r.resolution.p90Seconds, r.resolution.withTarget,
  r.resolution.met, r.resolution.breached, r.resolution.pending, r.resolution.metShare,
  r.breached,
];

/** Rows per bucket (all channel types), per channel type (whole range), and the whole range: `all` marks a total. */
export function responseTimesCsv(report: ResponseTimesReport): CsvTable {
  return {
    header: [
      'bucket', 'channelType', 'received',
      'firstResponseAnswered', 'firstResponseMedianSeconds', 'firstResponseP90Seconds', 'firstResponseWithTarget',
      'firstResponseMet', 'firstResponseBreached', 'firstResponsePending', 'firstResponseMetShare',
      'resolutionResolved', 'resolutionMedianSeconds', 'resolutionP90Seconds', 'resolutionWithTarget',
      'resolutionMet', 'resolutionBreached', 'resolutionPending', 'resolutionMetShare',
      'breached',
    ],
    rows: [
      ...report.series.map((s) => [s.bucket, 'all', ...flat(s)]),
      ...report.byChannelType.map((r) => ['all', r.channelType, ...flat(r)]),
      ['all', 'all', ...flat(report.overall)],
    ],
  };
}
