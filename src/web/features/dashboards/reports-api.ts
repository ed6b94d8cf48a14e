// The dashboards' data: GET /api/reports/{volumes,pyramid,response-times} and /api/delegation/autonomy with the
// page's range and filters. Each chart's CSV is the server's own (?format=csv), downloaded with the session.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery, type Query } from '../../lib/api/api-client.ts';
import { ApiError } from '../../lib/api/api-error.ts';

export type ReportParams = {
  from: string; to: string; interval: '' | 'hour' | 'day' | 'week' | 'month';
  channelType: string; level: string; severity: string; language: string; teamId: string;
};

export type VolumesReport = {
  from: string; to: string; interval: string; groupBy: string; total: number;
  groups: { key: string; label: string; total: number }[];
  series: { bucket: string; total: number; counts: Record<string, number> }[];
};
type PyramidRow = {
  resolved: number; level1: number; level2: number; level3: number;
  level1Share: number | null; level2Share: number | null; level3Share: number | null;
  withoutReply: number; received: number; autoAnswered: number; autoAnswerRate: number | null; deflected: number; deflectionRate: number | null;
};
export type PyramidReport = { from: string; to: string; interval: string; totals: PyramidRow; series: (PyramidRow & { bucket: string })[] };
type Target = { withTarget: number; met: number; breached: number; pending: number; metShare: number | null };
type Timing = { medianSeconds: number | null; p90Seconds: number | null };
export type TimesRow = { received: number; firstResponse: { answered: number } & Timing & Target; resolution: { resolved: number } & Timing & Target; breached: number };
export type ResponseTimesReport = { from: string; to: string; interval: string; overall: TimesRow; byChannelType: (TimesRow & { channelType: string })[]; series: (TimesRow & { bucket: string })[] };
export type AutonomyReport = { from: string; to: string; target: number; teams: { teamId: string; name: string; closed: number; neededApproval: number; rate: number | null; meetsTarget: boolean | null }[] };

/** The API's query: empty filters left out; `to` is exclusive, so the last day chosen is included by going one day further. */
export function reportQuery(p: ReportParams, extra: Query = {}): Query {
  return {
    from: p.from || undefined, to: p.to ? nextDay(p.to) : undefined, interval: p.interval || undefined,
    channelType: p.channelType || undefined, level: p.level || undefined, severity: p.severity || undefined,
    language: p.language || undefined, teamId: p.teamId || undefined, ...extra,
  };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export const csvUrl = (report: string, p: ReportParams, extra: Query = {}) => withQuery(`/api/reports/${report}`, { ...reportQuery(p, extra), format: 'csv' });

const report = <T,>(name: string, p: ReportParams, extra: Query = {}) => ({
  queryKey: ['reports', name, p, extra],
  queryFn: () => api<T>(`/reports/${name}`, { query: reportQuery(p, extra) }),
  placeholderData: keepPreviousData,
});

export const useVolumes = (p: ReportParams, groupBy: string) => useQuery(report<VolumesReport>('volumes', p, { groupBy, top: 8 }));
export const usePyramid = (p: ReportParams) => useQuery(report<PyramidReport>('pyramid', p));
export const useResponseTimes = (p: ReportParams) => useQuery(report<ResponseTimesReport>('response-times', p));

/** Autonomy takes date-times; null when the server has no delegation (no provider teams to show). */
export function useAutonomy(p: ReportParams) {
  return useQuery({
    queryKey: ['reports', 'autonomy', p.from, p.to, p.teamId],
    queryFn: async () => {
      try {
        return await api<AutonomyReport>('/delegation/autonomy', {
          query: { from: p.from ? `${p.from}T00:00:00.000Z` : undefined, to: p.to ? `${nextDay(p.to)}T00:00:00.000Z` : undefined },
        });
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    placeholderData: keepPreviousData,
  });
}
