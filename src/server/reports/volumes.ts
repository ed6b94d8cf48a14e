// Conversations received per bucket, split by one attribute: a zero for every bucket and group, the largest
// groups kept and the rest summed as `_other`, so a chart gets a fixed set of series.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { SEVERITIES, channels, conversations } from '../db/schema/index.ts';
import type { CsvTable } from './csv.ts';
import type { ReportRange } from './report-range.ts';
import { bucketLabel, bucketOf, bucketStarts, num, rowsOf, scopeConditions, within, type ReportFilters } from './report-query.ts';

export const VOLUME_GROUPS = ['channel', 'channelType', 'intent', 'severity', 'level', 'language'] as const;
export type VolumeGroup = (typeof VOLUME_GROUPS)[number];
/** Keys of the two groups that are not values: conversations without the attribute, and the groups past the top N. */
export const NONE_KEY = '_none';
export const OTHER_KEY = '_other';

export const volumesQuery = z.object({
  groupBy: z.enum(VOLUME_GROUPS).default('channelType'),
  top: z.coerce.number().int().min(1).max(50).default(10).describe('Groups kept before the rest is summed as _other'),
});

const groupSchema = z.object({ key: z.string(), label: z.string(), total: z.number().int() });
export const volumesSchema = z.object({
  from: z.string(), to: z.string(), interval: z.string(), timezone: z.string(),
  groupBy: z.enum(VOLUME_GROUPS),
  total: z.number().int(),
  groups: z.array(groupSchema),
  series: z.array(z.object({ bucket: z.string(), total: z.number().int(), counts: z.record(z.string(), z.number().int()) })),
});
export type VolumesReport = z.infer<typeof volumesSchema>;

/** What a conversation is grouped by; channel and channel type both come from the channel id. */
function keyExpression(groupBy: VolumeGroup) {
  const c = conversations;
  switch (groupBy) {
    case 'channel': case 'channelType': return sql`${c.channelId}::text`;
    case 'intent': return sql`coalesce(${c.intent}, ${NONE_KEY})`;
    case 'language': return sql`coalesce(${c.language}, ${NONE_KEY})`;
    case 'severity': return sql`${c.severity}::text`;
    case 'level': return sql`${c.level}::text`;
  }
}

/** Groups that always show, in their natural order, even at zero: a chart's legend stays the same. */
const FIXED_GROUPS: Partial<Record<VolumeGroup, readonly string[]>> = { severity: SEVERITIES, level: ['1', '2', '3'] };

export async function volumesReport(
  db: Db, orgId: string, range: ReportRange, filters: ReportFilters, options: z.infer<typeof volumesQuery>,
): Promise<VolumesReport> {
  const c = conversations;
  const [buckets, result, channelRows] = await Promise.all([
    bucketStarts(db, range),
    db.execute(sql`
      WITH scoped AS (
        SELECT ${bucketOf(c.createdAt, range)} AS b, ${keyExpression(options.groupBy)} AS key
        FROM ${c} WHERE ${scopeConditions(orgId, filters)} AND ${within(c.createdAt, range)}
      )
      SELECT ${bucketLabel(sql`b`)} AS bucket, key, count(*)::int AS n FROM scoped GROUP BY b, key`),
    options.groupBy.startsWith('channel')
      ? db.select({ id: channels.id, name: channels.name, type: channels.type }).from(channels).where(eq(channels.orgId, orgId))
      : Promise.resolve([]),
  ]);
  const channelById = new Map(channelRows.map((ch) => [ch.id, ch]));
  const keyOf = (raw: string) => (options.groupBy === 'channelType' ? (channelById.get(raw)?.type ?? NONE_KEY) : raw);

  // counts[bucket][key]
  const counts = new Map<string, Map<string, number>>(buckets.map((b) => [b.local, new Map()]));
  const totals = new Map<string, number>((FIXED_GROUPS[options.groupBy] ?? []).map((k) => [k, 0]));
  for (const row of rowsOf<{ bucket: string; key: string; n: number }>(result)) {
    const key = keyOf(row.key);
    const n = num(row.n);
    const inBucket = counts.get(row.bucket);
    if (inBucket) inBucket.set(key, (inBucket.get(key) ?? 0) + n);
    totals.set(key, (totals.get(key) ?? 0) + n);
  }

  const ranked = FIXED_GROUPS[options.groupBy]
    ? [...totals.keys()]
    : [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b));
  const kept = ranked.slice(0, options.top);
  const folded = new Set(ranked.slice(options.top));
  const label = (key: string) => {
    if (key === NONE_KEY) return 'none';
    if (options.groupBy === 'channel') return channelById.get(key)?.name ?? key;
    return key;
  };
  const groups = kept.map((key) => ({ key, label: label(key), total: totals.get(key)! }));
  if (folded.size > 0) groups.push({ key: OTHER_KEY, label: 'other', total: [...folded].reduce((s, k) => s + totals.get(k)!, 0) });

  const series = buckets.map(({ local, start }) => {
    const inBucket = counts.get(local)!;
    const row: Record<string, number> = Object.fromEntries(groups.map((g) => [g.key, 0]));
    let total = 0;
    for (const [key, n] of inBucket) {
      row[folded.has(key) ? OTHER_KEY : key]! += n;
      total += n;
    }
    return { bucket: start, total, counts: row };
  });
  return {
    from: range.from.toISOString(), to: range.to.toISOString(), interval: range.interval, timezone: range.timezone,
    groupBy: options.groupBy, total: groups.reduce((s, g) => s + g.total, 0), groups, series,
  };
}

export function volumesCsv(report: VolumesReport): CsvTable {
  return {
    header: ['bucket', ...report.groups.map((g) => g.label), 'total'],
    rows: report.series.map((s) => [s.bucket, ...report.groups.map((g) => s.counts[g.key] ?? 0), s.total]),
  };
}
