// The dashboards' data: GET /api/reports/<report>, JSON by default, CSV with ?format=csv or Accept: text/csv.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Role } from '../db/schema/index.ts';
import { authOf, requireRole } from '../http/authenticate.ts';
import { getOrgSettings } from '../organizations/org-settings.ts';
import { toCsv, type CsvTable } from './csv.ts';
import { resolveRange } from './report-range.ts';
import { reportQuery, type ReportFilters, type ReportQuery } from './report-query.ts';
import { volumesCsv, volumesQuery, volumesReport, volumesSchema } from './volumes.ts';
import { pyramidCsv, pyramidReport, pyramidSchema } from './pyramid.ts';
import { responseTimesCsv, responseTimesReport, responseTimesSchema } from './response-times.ts';
import { driversCsv, driversQuery, driversReport, driversSchema } from './drivers.ts';

/**
 * The brand's own people. Reports count every conversation, confidential ones included, and show how the
 * brand's teams perform: community experts and provider agents get 403. Agents are included because
 * the figures are aggregates with no one's name in them.
 */
export const REPORT_ROLES: readonly Role[] = ['admin', 'supervisor', 'agent'];

function wantsCsv(request: FastifyRequest): boolean {
  const format = (request.query as { format?: string }).format;
  if (format) return format === 'csv';
  return /\btext\/csv\b/i.test(request.headers.accept ?? '');
}

/** The report as JSON, or its table as a CSV download named after the report and the range. */
function answer<R extends { from: string; to: string }>(
  request: FastifyRequest, reply: FastifyReply, name: string, report: R, table: (r: R) => CsvTable,
) {
  if (!wantsCsv(request)) return report;
  const filename = `relais-${name}-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv`;
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .serializer((payload: unknown) => payload as string)
    .send(toCsv(table(report)));
}

export async function reportsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['reports'];
  const preHandler = requireRole(REPORT_ROLES);

  async function scope(request: FastifyRequest, query: ReportQuery) {
    const { orgId } = authOf(request);
    const settings = await getOrgSettings(db, orgId);
    const { from, to, interval, channelType, channelId, level, teamId, severity, language, intent } = query;
    const filters: ReportFilters = { channelType, channelId, level, teamId, severity, language, intent };
    return { orgId, range: resolveRange({ from, to, interval }, settings.sla.timezone), filters };
  }

  r.get('/reports/volumes', {
    schema: {
      tags, summary: 'Conversations received per bucket, by channel, channel type, intent, severity, level or language',
      querystring: reportQuery.extend(volumesQuery.shape), response: { 200: volumesSchema },
    },
    preHandler,
  }, async (request, reply) => {
    const { orgId, range, filters } = await scope(request, request.query);
    const { groupBy, top } = request.query;
    return answer(request, reply, 'volumes', await volumesReport(db, orgId, range, filters, { groupBy, top }), volumesCsv);
  });

  r.get('/reports/pyramid', {
    schema: { tags, summary: 'Share resolved at levels 1, 2 and 3; automatic-answer and deflection rates', querystring: reportQuery, response: { 200: pyramidSchema } },
    preHandler,
  }, async (request, reply) => {
    const { orgId, range, filters } = await scope(request, request.query);
    return answer(request, reply, 'pyramid', await pyramidReport(db, orgId, range, filters), pyramidCsv);
  });

  r.get('/reports/response-times', {
    schema: {
      tags, summary: 'First-response and resolution times (median, p90) against targets, overall, per channel type and per bucket',
      querystring: reportQuery, response: { 200: responseTimesSchema },
    },
    preHandler,
  }, async (request, reply) => {
    const { orgId, range, filters } = await scope(request, request.query);
    return answer(request, reply, 'response-times', await responseTimesReport(db, orgId, range, filters), responseTimesCsv);
  });

  r.get('/reports/drivers', {
    schema: {
      tags, summary: 'Top intents with their change against the previous period and their severity mix',
      querystring: reportQuery.extend(driversQuery.shape), response: { 200: driversSchema },
    },
    preHandler,
  }, async (request, reply) => {
    const { orgId, range, filters } = await scope(request, request.query);
    return answer(request, reply, 'drivers', await driversReport(db, orgId, range, filters, { limit: request.query.limit }), driversCsv);
  });
}
