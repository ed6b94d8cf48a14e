// The dashboards' charts (recharts, loaded only with the dashboards): volumes over time, the pyramid, response
// times against targets, and the providers' autonomy against the 70 % target.
import { Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from 'recharts';
import { ChartCard } from './chart-card.tsx';
import { csvUrl, useAutonomy, usePyramid, useResponseTimes, useVolumes, type ReportParams } from './reports-api.ts';

const COLORS = ['#1c7ed6', '#f76707', '#2f9e44', '#ae3ec9', '#e03131', '#0c8599', '#f59f00', '#5c940d', '#868e96'];
const HEIGHT = 260;
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10} %`);
const minutes = (s: number | null) => (s === null ? null : Math.round((s / 60) * 10) / 10);
/** Bucket labels as the server writes them (local time): the date, with the hour when buckets are hours. */
const bucketLabel = (bucket: string) => (bucket.slice(11, 16) !== '00:00' ? `${bucket.slice(5, 10)} ${bucket.slice(11, 16)}` : bucket.slice(0, 10));

export function VolumesChart(props: { params: ReportParams; groupBy: string; onGroupBy(v: string): void }) {
  const { t } = useTranslation('dashboards');
  const volumes = useVolumes(props.params, props.groupBy);
  const data = volumes.data;
  const rows = (data?.series ?? []).map((s) => ({ bucket: bucketLabel(s.bucket), ...s.counts }));
  return (
    <ChartCard title={t('volumes.title')} testId="chart-volumes" csv={{ href: csvUrl('volumes', props.params, { groupBy: props.groupBy, top: 8 }) }}
      isLoading={volumes.isPending} error={volumes.error} empty={data?.total === 0}
      aside={<SegmentedControl size="xs" value={props.groupBy} onChange={props.onGroupBy} data-testid="volumes-group"
        data={['channelType', 'intent', 'severity'].map((g) => ({ value: g, label: t(`volumes.by.${g}`) }))} />}>
      <Text size="sm" c="dimmed" mb="xs">{t('volumes.total', { count: data?.total ?? 0 })}</Text>
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <AreaChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="bucket" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Legend />
          {(data?.groups ?? []).map((g, i) => (
            <Area key={g.key} type="monotone" dataKey={g.key} name={g.label} stackId="1" stroke={COLORS[i % COLORS.length]} fill={COLORS[i % COLORS.length]} fillOpacity={0.5} isAnimationActive={false} />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function PyramidChart(props: { params: ReportParams }) {
  const { t } = useTranslation('dashboards');
  const pyramid = usePyramid(props.params);
  const totals = pyramid.data?.totals;
  const rows = (pyramid.data?.series ?? []).map((s) => ({
    bucket: bucketLabel(s.bucket), level1: s.level1Share ?? 0, level2: s.level2Share ?? 0, level3: s.level3Share ?? 0, auto: s.autoAnswerRate,
  }));
  return (
    <ChartCard title={t('pyramid.title')} testId="chart-pyramid" csv={{ href: csvUrl('pyramid', props.params) }}
      isLoading={pyramid.isPending} error={pyramid.error} empty={totals?.received === 0 && totals?.resolved === 0}>
      <SimpleGrid cols={4} mb="sm">
        <Stat label={t('pyramid.level1')} value={pct(totals?.level1Share)} testId="stat-level1" />
        <Stat label={t('pyramid.level2')} value={pct(totals?.level2Share)} testId="stat-level2" />
        <Stat label={t('pyramid.level3')} value={pct(totals?.level3Share)} testId="stat-level3" />
        <Stat label={t('pyramid.autoAnswer')} value={pct(totals?.autoAnswerRate)} testId="stat-auto" />
      </SimpleGrid>
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="bucket" fontSize={11} />
          <YAxis tickFormatter={(v: number) => `${Math.round(v * 100)} %`} domain={[0, 1]} fontSize={11} />
          <Tooltip formatter={(v) => pct(Number(v))} />
          <Legend />
          <Bar dataKey="level1" name={t('pyramid.level1')} stackId="p" fill={COLORS[2]} isAnimationActive={false} />
          <Bar dataKey="level2" name={t('pyramid.level2')} stackId="p" fill={COLORS[0]} isAnimationActive={false} />
          <Bar dataKey="level3" name={t('pyramid.level3')} stackId="p" fill={COLORS[3]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function ResponseTimesChart(props: { params: ReportParams }) {
  const { t } = useTranslation('dashboards');
  const { t: tc } = useTranslation('common');
  const times = useResponseTimes(props.params);
  const o = times.data?.overall;
  const byChannel = (times.data?.byChannelType ?? []).map((r) => ({
    channel: tc(`channels.${r.channelType}`, { defaultValue: r.channelType }),
    firstMedian: minutes(r.firstResponse.medianSeconds), firstP90: minutes(r.firstResponse.p90Seconds),
    resolutionMedian: minutes(r.resolution.medianSeconds), resolutionP90: minutes(r.resolution.p90Seconds),
  }));
  const breaches = (times.data?.series ?? []).map((s) => ({ bucket: bucketLabel(s.bucket), breached: s.breached, firstMet: s.firstResponse.metShare, resolutionMet: s.resolution.metShare }));
  return (
    <ChartCard title={t('times.title')} testId="chart-response-times" csv={{ href: csvUrl('response-times', props.params) }}
      isLoading={times.isPending} error={times.error} empty={o?.received === 0}>
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="sm">
        <Stat label={t('times.firstMedian')} value={fmtMinutes(o?.firstResponse.medianSeconds, t)} sub={t('times.p90', { value: fmtMinutes(o?.firstResponse.p90Seconds, t) })} testId="stat-first" />
        <Stat label={t('times.firstMet')} value={pct(o?.firstResponse.metShare)} sub={t('times.breaches', { count: o?.firstResponse.breached ?? 0 })} />
        <Stat label={t('times.resolutionMedian')} value={fmtMinutes(o?.resolution.medianSeconds, t)} sub={t('times.p90', { value: fmtMinutes(o?.resolution.p90Seconds, t) })} />
        <Stat label={t('times.resolutionMet')} value={pct(o?.resolution.metShare)} sub={t('times.breaches', { count: o?.resolution.breached ?? 0 })} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Stack gap={4}>
          <Text size="xs" c="dimmed">{t('times.byChannel')}</Text>
          <ResponsiveContainer width="100%" height={HEIGHT}>
            <BarChart data={byChannel}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="channel" fontSize={11} />
              <YAxis fontSize={11} unit=" min" />
              <Tooltip />
              <Legend />
              <Bar dataKey="firstMedian" name={t('times.firstMedian')} fill={COLORS[0]} isAnimationActive={false} />
              <Bar dataKey="firstP90" name={t('times.firstP90')} fill="#74c0fc" isAnimationActive={false} />
              <Bar dataKey="resolutionMedian" name={t('times.resolutionMedian')} fill={COLORS[3]} isAnimationActive={false} />
              <Bar dataKey="resolutionP90" name={t('times.resolutionP90')} fill="#e599f7" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Stack>
        <Stack gap={4}>
          <Text size="xs" c="dimmed">{t('times.overTime')}</Text>
          <ResponsiveContainer width="100%" height={HEIGHT}>
            <LineChart data={breaches}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="bucket" fontSize={11} />
              <YAxis yAxisId="share" domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)} %`} fontSize={11} />
              <YAxis yAxisId="count" orientation="right" allowDecimals={false} fontSize={11} />
              <Tooltip />
              <Legend />
              <Line yAxisId="share" dataKey="firstMet" name={t('times.firstMet')} stroke={COLORS[0]} dot={false} isAnimationActive={false} connectNulls />
              <Line yAxisId="share" dataKey="resolutionMet" name={t('times.resolutionMet')} stroke={COLORS[3]} dot={false} isAnimationActive={false} connectNulls />
              <Line yAxisId="count" dataKey="breached" name={t('times.breached')} stroke={COLORS[4]} dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </Stack>
      </SimpleGrid>
    </ChartCard>
  );
}

export function AutonomyChart(props: { params: ReportParams }) {
  const { t } = useTranslation('dashboards');
  const autonomy = useAutonomy(props.params);
  const data = autonomy.data;
  if (autonomy.data === null) return null;
  const rows = (data?.teams ?? []).map((x) => ({ name: x.name, rate: x.rate, closed: x.closed }));
  const csv = data ? { filename: `relais-autonomy-${data.from.slice(0, 10)}-${data.to.slice(0, 10)}.csv`,
    rows: [['team', 'closed', 'needed_approval', 'autonomy_rate', 'target'], ...data.teams.map((x) => [x.name, x.closed, x.neededApproval, x.rate, data.target])] } : null;
  return (
    <ChartCard title={t('autonomy.title')} testId="chart-autonomy" csv={csv} isLoading={autonomy.isPending} error={autonomy.error} empty={rows.length === 0}>
      <Text size="sm" c="dimmed" mb="xs">{t('autonomy.help', { target: pct(data?.target ?? 0.7) })}</Text>
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={rows} layout="vertical" margin={{ left: 40 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)} %`} fontSize={11} />
          <YAxis type="category" dataKey="name" fontSize={11} width={120} />
          <Tooltip formatter={(v) => pct(Number(v))} />
          <ReferenceLine x={data?.target ?? 0.7} stroke={COLORS[4]} strokeDasharray="4 4" label={{ value: t('autonomy.target'), fontSize: 11, position: 'top' }} />
          <Bar dataKey="rate" name={t('autonomy.rate')} fill={COLORS[5]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function fmtMinutes(seconds: number | null | undefined, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 3600) return t('times.minutes', { value: Math.round(seconds / 60) });
  return t('times.hours', { value: Math.round((seconds / 3600) * 10) / 10 });
}

function Stat(props: { label: string; value: string; sub?: string; testId?: string }) {
  return (
    <Stack gap={0} data-testid={props.testId}>
      <Text size="xs" c="dimmed">{props.label}</Text>
      <Group gap={4} align="baseline"><Text fw={700} size="lg">{props.value}</Text></Group>
      {props.sub && <Text size="xs" c="dimmed">{props.sub}</Text>}
    </Stack>
  );
}
