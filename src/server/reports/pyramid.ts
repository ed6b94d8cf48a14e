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
import { bucketLabel, bucketOf, bucketStarts, num, rowsOf, scopeConditions, share, within, type ReportFilters } from './report-query.ts';

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
  const person = (kind: 'expert' | 'agent') => sql`max(${m.createdAt}) FILTER (WHERE ${m.authorKind} = ${kind})`;
  const inScope = sql`${scopeConditions(orgId, filters)} AND (${within(c.createdAt, range)} OR ${within(c.resolvedAt, range)})`;
  const noPerson = sql`last_expert IS NULL AND last_agent IS NULL`;
  // Replies are summed per conversation before the join (latest expert and agent reply times rather than an
  // ordered aggregate: no sort), and one pass groups by both time bases (GROUPING SETS).
  const [buckets, result] = await Promise.all([bucketStarts(db, range), db.execute(sql`
    SELECT GROUPING(rb) AS by_received, ${bucketLabel(sql`rb`)} AS resolved_bucket, ${bucketLabel(sql`cb`)} AS received_bucket,
           count(*) FILTER (WHERE resolved)::int AS resolved,
           count(*) FILTER (WHERE resolved AND resolved_level = 1)::int AS l1,
           count(*) FILTER (WHERE resolved AND resolved_level = 2)::int AS l2,
           count(*) FILTER (WHERE resolved AND resolved_level = 3)::int AS l3,
           count(*) FILTER (WHERE resolved AND NOT bot AND ${noPerson})::int AS without_reply,
           count(*) FILTER (WHERE received)::int AS received,
           count(*) FILTER (WHERE received AND bot)::int AS auto,
           count(*) FILTER (WHERE received AND bot AND ${noPerson} AND level = 1)::int AS deflected
    FROM (
      SELECT x.*,
             CASE WHEN solved THEN 1
                  WHEN last_expert IS NOT NULL AND (last_agent IS NULL OR last_expert > last_agent) THEN 2
                  WHEN last_agent IS NOT NULL THEN 3
                  WHEN bot THEN 1 ELSE level END AS resolved_level
      FROM (
        SELECT ${c.level} AS level,
               coalesce(${within(c.createdAt, range)}, false) AS received, coalesce(${within(c.resolvedAt, range)}, false) AS resolved,
               ${bucketOf(c.createdAt, range)} AS cb, ${bucketOf(c.resolvedAt, range)} AS rb,
               coalesce(r.bot, false) AS bot, r.last_expert, r.last_agent,
               ${c.id}::text IN (
                 SELECT ${e.subjectId} FROM ${e}
                 WHERE ${e.type} = 'level1.solved' AND ${e.orgId} = ${orgId} AND ${e.subjectType} = 'conversation'
               ) AS solved
        FROM ${c} LEFT JOIN (
          SELECT ${m.conversationId} AS id, bool_or(${m.authorKind} = 'bot') AS bot, ${person('expert')} AS last_expert, ${person('agent')} AS last_agent
          FROM ${m}
          WHERE ${m.direction} = 'outbound' AND ${m.conversationId} IN (SELECT ${c.id} FROM ${c} WHERE ${inScope})
          GROUP BY ${m.conversationId}
        ) r ON r.id = ${c.id}
        WHERE ${inScope}
      ) x
    ) classified
    GROUP BY GROUPING SETS ((rb), (cb))`)]);

  const byBucket = new Map<string, Counts>(buckets.map((b) => [b.local, zero()]));
  const totals = zero();
  type Row = Record<'resolved' | 'l1' | 'l2' | 'l3' | 'without_reply' | 'received' | 'auto' | 'deflected', unknown>
    & { by_received: unknown; resolved_bucket: string | null; received_bucket: string | null };
  for (const row of rowsOf<Row>(result)) {
    // Each grouping counts one basis: levels among the resolved (by resolution time), automatic answers
    // among the received (by arrival time).
    const byReceived = num(row.by_received) === 1;
    const bucket = byReceived ? row.received_bucket : row.resolved_bucket;
    for (const k of [bucket === null ? undefined : byBucket.get(bucket), totals]) {
      if (!k) continue;
      if (byReceived) {
        k.received += num(row.received); k.auto += num(row.auto); k.deflected += num(row.deflected);
      } else {
        k.resolved += num(row.resolved); k.l1 += num(row.l1); k.l2 += num(row.l2); k.l3 += num(row.l3); k.withoutReply += num(row.without_reply);
      }
    }
  }
  return {
    from: range.from.toISOString(), to: range.to.toISOString(), interval: range.interval, timezone: range.timezone,
    totals: present(totals),
    series: buckets.map(({ local, start }) => ({ bucket: start, ...present(byBucket.get(local)!) })),
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
