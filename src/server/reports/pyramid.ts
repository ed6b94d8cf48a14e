// The pyramid: at which level conversations get resolved, and how much automation answers by itself.
//
// A conversation resolved in the range counts at level 1 when the customer said an automatic answer solved it
// (`level1.solved`), else at the level of the last person who replied (expert 2, agent 3), else at level 1
// when only the bot replied; one nobody replied to counts at its conversation level (and in `withoutReply`).
// Among conversations received in the range: `autoAnswered` got an automatic answer; `deflected` got one,
// no person replied and it is still at level 1 (not handed over).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { conversations, events, messages } from '../db/schema/index.ts';
import type { CsvTable } from './csv.ts';
import type { ReportRange } from './report-range.ts';
import { bucketOf, bucketStarts, num, rowsOf, scopeConditions, share, within, type ReportFilters } from './report-query.ts';

const rowSchema = z.object({
  resolved: z.number().int(),
  level1: z.number().int(), level2: z.number().int(), level3: z.number().int(),
  level1Share: z.number().nullable(), level2Share: z.number().nullable(), level3Share: z.number().nullable(),
  withoutReply: z.number().int(),
  received: z.number().int(),
  autoAnswered: z.number().int(), autoAnswerRate: z.number().nullable(),
  deflected: z.number().int(), deflectionRate: z.number().nullable(),
});
type PyramidRow = z.infer<typeof rowSchema>;

export const pyramidSchema = z.object({
  from: z.string(), to: z.string(), interval: z.string(), timezone: z.string(),
  totals: rowSchema,
  series: z.array(rowSchema.extend({ bucket: z.string() })),
});
export type PyramidReport = z.infer<typeof pyramidSchema>;

type Counts = { resolved: number; l1: number; l2: number; l3: number; withoutReply: number; received: number; auto: number; deflected: number };
const zero = (): Counts => ({ resolved: 0, l1: 0, l2: 0, l3: 0, withoutReply: 0, received: 0, auto: 0, deflected: 0 });

function present(k: Counts): PyramidRow {
  return {
    resolved: k.resolved, level1: k.l1, level2: k.l2, level3: k.l3,
    level1Share: share(k.l1, k.resolved), level2Share: share(k.l2, k.resolved), level3Share: share(k.l3, k.resolved),
    withoutReply: k.withoutReply, received: k.received,
    autoAnswered: k.auto, autoAnswerRate: share(k.auto, k.received),
    deflected: k.deflected, deflectionRate: share(k.deflected, k.received),
  };
}

export async function pyramidReport(db: Db, orgId: string, range: ReportRange, filters: ReportFilters): Promise<PyramidReport> {
  const c = conversations;
  const m = messages;
  const e = events;
  const [buckets, result] = await Promise.all([bucketStarts(db, range), db.execute(sql`
    WITH scoped AS (
      SELECT ${c.id} AS id, ${c.level} AS level,
             coalesce(${within(c.createdAt, range)}, false) AS received, coalesce(${within(c.resolvedAt, range)}, false) AS resolved,
             ${bucketOf(c.createdAt, range)} AS received_bucket, ${bucketOf(c.resolvedAt, range)} AS resolved_bucket
      FROM ${c}
      WHERE ${scopeConditions(orgId, filters)} AND (${within(c.createdAt, range)} OR ${within(c.resolvedAt, range)})
    ),
    replies AS (
      SELECT ${m.conversationId} AS id, bool_or(${m.authorKind} = 'bot') AS bot,
             (array_agg(${m.authorKind}::text ORDER BY ${m.createdAt} DESC, ${m.id} DESC)
               FILTER (WHERE ${m.authorKind} IN ('expert', 'agent')))[1] AS last_person
      FROM ${m}
      WHERE ${m.conversationId} IN (SELECT id FROM scoped) AND ${m.direction} = 'outbound'
      GROUP BY ${m.conversationId}
    ),
    solved AS (
      SELECT DISTINCT ${e.subjectId} AS id FROM ${e}
      WHERE ${e.type} = 'level1.solved' AND ${e.orgId} = ${orgId} AND ${e.subjectType} = 'conversation'
    ),
    classified AS (
      SELECT s.*, coalesce(r.bot, false) AS bot, r.last_person,
             CASE WHEN v.id IS NOT NULL THEN 1 WHEN r.last_person = 'expert' THEN 2 WHEN r.last_person = 'agent' THEN 3
                  WHEN r.bot THEN 1 ELSE s.level END AS resolved_level
      FROM scoped s LEFT JOIN replies r ON r.id = s.id LEFT JOIN solved v ON v.id = s.id::text
    )
    SELECT 'resolved' AS basis, resolved_bucket AS bucket, count(*)::int AS n,
           count(*) FILTER (WHERE resolved_level = 1)::int AS l1, count(*) FILTER (WHERE resolved_level = 2)::int AS l2,
           count(*) FILTER (WHERE resolved_level = 3)::int AS l3,
           count(*) FILTER (WHERE NOT bot AND last_person IS NULL)::int AS without_reply, 0 AS auto, 0 AS deflected
    FROM classified WHERE resolved GROUP BY resolved_bucket
    UNION ALL
    SELECT 'received', received_bucket, count(*)::int, 0, 0, 0, 0,
           count(*) FILTER (WHERE bot)::int, count(*) FILTER (WHERE bot AND last_person IS NULL AND level = 1)::int
    FROM classified WHERE received GROUP BY received_bucket`)]);

  const byBucket = new Map<string, Counts>(buckets.map((b) => [b, zero()]));
  const totals = zero();
  type Row = { basis: 'resolved' | 'received'; bucket: string; n: unknown; l1: unknown; l2: unknown; l3: unknown; without_reply: unknown; auto: unknown; deflected: unknown };
  for (const row of rowsOf<Row>(result)) {
    for (const k of [byBucket.get(row.bucket), totals]) {
      if (!k) continue;
      if (row.basis === 'resolved') {
        k.resolved += num(row.n); k.l1 += num(row.l1); k.l2 += num(row.l2); k.l3 += num(row.l3); k.withoutReply += num(row.without_reply);
      } else {
        k.received += num(row.n); k.auto += num(row.auto); k.deflected += num(row.deflected);
      }
    }
  }
  return {
    from: range.from.toISOString(), to: range.to.toISOString(), interval: range.interval, timezone: range.timezone,
    totals: present(totals),
    series: buckets.map((bucket) => ({ bucket, ...present(byBucket.get(bucket)!) })),
  };
}

const COLUMNS = [
  'resolved', 'level1', 'level2', 'level3', 'level1Share', 'level2Share', 'level3Share', 'withoutReply',
  'received', 'autoAnswered', 'autoAnswerRate', 'deflected', 'deflectionRate',
] as const;

/** One row per bucket, then the whole range as `total`. */
export function pyramidCsv(report: PyramidReport): CsvTable {
  return {
    header: ['bucket', ...COLUMNS],
    rows: [
      ...report.series.map((s) => [s.bucket, ...COLUMNS.map((col) => s[col])]),
      ['total', ...COLUMNS.map((col) => report.totals[col])],
    ],
  };
}
