// The dashboards: a date range (default: the last 30 days), the bucket size and filters, kept in the URL so a
// view can be shared; then the charts, each with its CSV export.
import { useMemo } from 'react';
import { Group, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { useTeams } from '../../lib/api/directory.ts';
import { CHANNEL_TYPES, LANGUAGES, SEVERITIES } from '../../lib/api/types.ts';
import { AutonomyChart, PyramidChart, ResponseTimesChart, VolumesChart } from './charts.tsx';
import type { ReportParams } from './reports-api.ts';

const KEYS = ['from', 'to', 'interval', 'channelType', 'level', 'severity', 'language', 'teamId', 'groupBy'] as const;
const day = (d: Date) => d.toISOString().slice(0, 10);

function defaults(): Record<string, string> {
  const to = new Date();
  const from = new Date(to.getTime() - 29 * 86_400_000);
  return { from: day(from), to: day(to), interval: '', channelType: '', level: '', severity: '', language: '', teamId: '', groupBy: 'channelType' };
}

export function DashboardsPage() {
  const { t } = useTranslation('dashboards');
  const { t: tc } = useTranslation('common');
  const search = useSearch();
  const [location, navigate] = useLocation();
  const { data: teams = [] } = useTeams();
  const values = useMemo(() => {
    const params = new URLSearchParams(search);
    const base = defaults();
    for (const key of KEYS) if (params.has(key)) base[key] = params.get(key) ?? '';
    return base;
  }, [search]);
  const set = (key: (typeof KEYS)[number], value: string | null) => {
    const next = { ...values, [key]: value ?? '' };
    const base = defaults();
    const params = new URLSearchParams();
    for (const k of KEYS) if (next[k] !== base[k]) params.set(k, next[k]!);
    navigate(`${location}${params.size ? `?${params}` : ''}`, { replace: true });
  };
  const params: ReportParams = {
    from: values.from!, to: values.to!, interval: values.interval as ReportParams['interval'], channelType: values.channelType!,
    level: values.level!, severity: values.severity!, language: values.language!, teamId: values.teamId!,
  };
  const rangeError = params.from && params.to && params.from > params.to ? t('filters.rangeInvalid') : null;
  const any = { value: '', label: t('filters.any') };

  return (
    <Stack p="lg" gap="md" data-testid="dashboards">
      <Title order={1} size="h2">{t('title')}</Title>
      <Group gap="sm" align="flex-end" wrap="wrap" role="group" aria-label={t('filters.label')}>
        <TextInput type="date" size="xs" label={t('filters.from')} value={values.from} onChange={(e) => set('from', e.currentTarget.value)} error={rangeError} data-testid="range-from" />
        <TextInput type="date" size="xs" label={t('filters.to')} value={values.to} onChange={(e) => set('to', e.currentTarget.value)} data-testid="range-to" />
        <Select size="xs" w={120} label={t('filters.interval')} value={values.interval} allowDeselect={false} onChange={(v) => set('interval', v)}
          data={[{ value: '', label: t('filters.auto') }, ...(['hour', 'day', 'week', 'month'] as const).map((i) => ({ value: i, label: t(`filters.intervals.${i}`) }))]} />
        <Select size="xs" w={140} label={t('filters.channel')} value={values.channelType} allowDeselect={false} onChange={(v) => set('channelType', v)}
          data={[any, ...CHANNEL_TYPES.map((c) => ({ value: c, label: tc(`channels.${c}`) }))]} />
        <Select size="xs" w={110} label={t('filters.level')} value={values.level} allowDeselect={false} onChange={(v) => set('level', v)}
          data={[any, ...[1, 2, 3].map((l) => ({ value: String(l), label: tc('level', { level: l }) }))]} />
        <Select size="xs" w={130} label={t('filters.severity')} value={values.severity} allowDeselect={false} onChange={(v) => set('severity', v)}
          data={[any, ...SEVERITIES.map((s) => ({ value: s, label: tc(`severity.${s}`) }))]} />
        <Select size="xs" w={120} label={t('filters.language')} value={values.language} allowDeselect={false} onChange={(v) => set('language', v)}
          data={[any, ...LANGUAGES.map((l) => ({ value: l, label: tc(`languages.${l}`) }))]} />
        <Select size="xs" w={160} label={t('filters.team')} value={values.teamId} allowDeselect={false} searchable onChange={(v) => set('teamId', v)}
          data={[any, ...teams.map((x) => ({ value: x.id, label: x.name }))]} />
      </Group>
      {!rangeError && (
        <>
          <VolumesChart params={params} groupBy={values.groupBy!} onGroupBy={(v) => set('groupBy', v)} />
          <SimpleGrid cols={{ base: 1, xl: 2 }}>
            <PyramidChart params={params} />
            <AutonomyChart params={params} />
          </SimpleGrid>
          <ResponseTimesChart params={params} />
        </>
      )}
    </Stack>
  );
}
