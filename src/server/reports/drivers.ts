// Contact drivers: why customers write. The intents with the most conversations received in the range, each
// against the period of the same length just before it, with its severity mix.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { SEVERITIES, conversations, type Severity } from '../db/schema/index.ts';
import type { CsvTable } from './csv.ts';
import type { ReportRange } from './report-range.ts';
import { num, rowsOf, scopeConditions, share, type ReportFilters } from './report-query.ts';

export const driversQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(10).describe('How many intents, largest first'),
});

const severityMix = z.object(Object.fromEntries(SEVERITIES.map((s) => [s, z.number().int()])) as Record<Severity, z.ZodNumber>);
export const driversSchema = z.object({
  from: z.string(), to: z.string(), interval: z.string(), timezone: z.string(),
  previousFrom: z.string(), previousTo: z.string(),
  total: z.number().int(), previousTotal: z.number().int(),
  /** Conversations with no intent (not triaged, or below the model's threshold). */
  unclassified: z.number().int(),
  rows: z.array(z.object({
    intent: z.string(),
    count: z.number().int(),
    share: z.number().nullable(),
    previousCount: z.number().int(),
    change: z.number().int(),
    /** (count - previous) / previous; null when the intent had none before. */
    changeRatio: z.number().nullable(),
    severities: severityMix,
  })),
});
export type DriversReport = z.infer<typeof driversSchema>;

export async function driversReport(
  db: Db, orgId: string, range: ReportRange, filters: ReportFilters, options: z.infer<typeof driversQuery>,
): Promise<DriversReport> {
  const c = conversations;
  const previousFrom = new Date(range.from.getTime() - (range.to.getTime() - range.from.getTime()));
  const from = sql`${range.from.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    WITH scoped AS (
      SELECT ${c.intent} AS intent, ${c.severity}::text AS severity, ${c.createdAt} >= ${from} AS current
      FROM ${c}
      WHERE ${scopeConditions(orgId, filters)}
        AND ${c.createdAt} >= ${previousFrom.toISOString()}::timestamptz AND ${c.createdAt} < ${range.to.toISOString()}::timestamptz
    )
    SELECT intent, severity, count(*) FILTER (WHERE current)::int AS n, count(*) FILTER (WHERE NOT current)::int AS previous
    FROM scoped GROUP BY intent, severity`);

  type Acc = { count: number; previousCount: number; severities: Record<Severity, number> };
  const byIntent = new Map<string, Acc>();
  let total = 0;
  let previousTotal = 0;
  let unclassified = 0;
  for (const row of rowsOf<{ intent: string | null; severity: Severity; n: unknown; previous: unknown }>(result)) {
    const n = num(row.n);
    const previous = num(row.previous);
    total += n;
    previousTotal += previous;
    if (row.intent === null) { unclassified += n; continue; }
    const acc = byIntent.get(row.intent)
      ?? { count: 0, previousCount: 0, severities: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number> };
    acc.count += n;
    acc.previousCount += previous;
    acc.severities[row.severity] += n;
    byIntent.set(row.intent, acc);
  }
  const rows = [...byIntent.entries()]
    .filter(([, a]) => a.count > 0)
    .sort(([ia, a], [ib, b]) => b.count - a.count || ia.localeCompare(ib))
    .slice(0, options.limit)
    .map(([intent, a]) => ({
      intent, count: a.count, share: share(a.count, total), previousCount: a.previousCount,
      change: a.count - a.previousCount,
      changeRatio: a.previousCount > 0 ? Math.round(((a.count - a.previousCount) / a.previousCount) * 10_000) / 10_000 : null,
      severities: a.severities,
    }));
  return {
    from: range.from.toISOString(), to: range.to.toISOString(), interval: range.interval, timezone: range.timezone,
    previousFrom: previousFrom.toISOString(), previousTo: range.from.toISOString(),
    total, previousTotal, unclassified, rows,
  };
}

export function driversCsv(report: DriversReport): CsvTable {
  return {
    header: ['intent', 'count', 'share', 'previousCount', 'change', 'changeRatio', ...SEVERITIES],
    rows: report.rows.map((r) => [r.intent, r.count, r.share, r.previousCount, r.change, r.changeRatio, ...SEVERITIES.map((s) => r.severities[s])]),
  };
}
