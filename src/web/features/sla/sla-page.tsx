// Response-time targets: the table of targets (first match wins, from the most specific to the most general),
// the clock (around the clock, or business hours of the week outside holidays), the time zone and when to warn.
import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, MultiSelect, NumberInput, SegmentedControl, Select, Stack, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api/api-client.ts';
import { CHANNEL_TYPES, SEVERITIES, type OrgSettings } from '../../lib/api/types.ts';
import { applyServerError } from '../../lib/forms/server-errors.ts';
import { QueryState } from '../../lib/ui/query-state.tsx';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof DAYS)[number];
type Target = { channelTypes?: string[]; visibility?: 'public' | 'private'; severity?: string; firstResponseMinutes: number; resolutionMinutes: number | null };
type Sla = { targets: Target[]; clock: 'always' | 'business'; timezone: string; week: Record<Day, [string, string][]>; holidays: string[]; warnAtShare: number };
const KEY = ['settings'] as const;
const HOURS = /^(([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)(\s*,\s*([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)*$/;

const weekText = (ranges: [string, string][]) => ranges.map(([a, b]) => `${a}-${b}`).join(', ');
const parseWeek = (text: string): [string, string][] => (text.trim() ? text.split(',').map((r) => r.trim().split('-') as [string, string]) : []);

export function SlaPage() {
  const query = useQuery({ queryKey: KEY, queryFn: () => api<OrgSettings>('/settings') });
  const sla = query.data?.sla as Sla | undefined;
  if (!sla) return <QueryState isLoading={query.isPending} error={query.error} onRetry={() => void query.refetch()} />;
  return <SlaForm sla={sla} />;
}

function SlaForm(props: { sla: Sla }) {
  const { t } = useTranslation('sla');
  const { t: tc } = useTranslation('common');
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (sla: Sla) => api<OrgSettings>('/settings', { method: 'PATCH', body: { sla } }),
    onSuccess: (settings) => client.setQueryData(KEY, settings),
  });
  const [formError, setFormError] = useState<string | null>(null);
  const s = props.sla;
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      targets: s.targets.map((x) => ({ channelTypes: x.channelTypes ?? [], visibility: x.visibility ?? '', severity: x.severity ?? '',
        firstResponseMinutes: x.firstResponseMinutes as number | string, resolutionMinutes: (x.resolutionMinutes ?? '') as number | string })),
      clock: s.clock, timezone: s.timezone, holidays: s.holidays, warnAtShare: Math.round(s.warnAtShare * 100) as number | string,
      week: Object.fromEntries(DAYS.map((d) => [d, weekText(s.week[d])])) as Record<Day, string>,
    },
    validate: {
      targets: { firstResponseMinutes: (v) => (typeof v === 'number' && v >= 1 ? null : t('minutesInvalid')), resolutionMinutes: (v) => (v === '' || (typeof v === 'number' && v >= 1) ? null : t('minutesInvalid')) },
      timezone: (v) => { try { new Intl.DateTimeFormat('en', { timeZone: v }); return null; } catch { return t('timezoneInvalid'); } },
      warnAtShare: (v) => (typeof v === 'number' && v >= 10 && v <= 99 ? null : t('warnInvalid')),
      holidays: (v) => (v.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)) ? null : t('holidaysInvalid')),
      week: Object.fromEntries(DAYS.map((d) => [d, (v: string) => (!v.trim() || HOURS.test(v.trim()) ? null : t('hoursInvalid'))])),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      await save.mutateAsync({
        targets: v.targets.map((x) => ({
          ...(x.channelTypes.length ? { channelTypes: x.channelTypes } : {}), ...(x.visibility ? { visibility: x.visibility as 'public' | 'private' } : {}),
          ...(x.severity ? { severity: x.severity } : {}), firstResponseMinutes: x.firstResponseMinutes as number,
          resolutionMinutes: x.resolutionMinutes === '' ? null : (x.resolutionMinutes as number),
        })),
        clock: v.clock, timezone: v.timezone.trim(), holidays: v.holidays, warnAtShare: (v.warnAtShare as number) / 100,
        week: Object.fromEntries(DAYS.map((d) => [d, parseWeek(v.week[d])])) as Sla['week'],
      });
      form.resetDirty();
      notifications.show({ message: t('saved'), color: 'teal' });
    } catch (err) {
      setFormError(applyServerError(form, err));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack p="lg" maw={1100}>
        <Title order={1} size="h2">{t('title')}</Title>
        <Text size="sm" c="dimmed">{t('help')}</Text>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={4} data-testid="sla-targets">
            <Table.Thead><Table.Tr>
              <Table.Th>{t('channels')}</Table.Th><Table.Th>{t('visibility')}</Table.Th><Table.Th>{t('severity')}</Table.Th>
              <Table.Th>{t('firstResponse')}</Table.Th><Table.Th>{t('resolution')}</Table.Th><Table.Th />
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {form.values.targets.map((_, i) => (
                <Table.Tr key={i}>
                  <Table.Td><MultiSelect size="xs" aria-label={t('channels')} placeholder={t('any')} data={CHANNEL_TYPES.map((c) => ({ value: c, label: tc(`channels.${c}`) }))} {...form.getInputProps(`targets.${i}.channelTypes`)} /></Table.Td>
                  <Table.Td><Select size="xs" w={110} aria-label={t('visibility')} allowDeselect={false} data={[{ value: '', label: t('any') }, { value: 'public', label: t('public') }, { value: 'private', label: t('private') }]} {...form.getInputProps(`targets.${i}.visibility`)} /></Table.Td>
                  <Table.Td><Select size="xs" w={120} aria-label={t('severity')} allowDeselect={false} data={[{ value: '', label: t('any') }, ...SEVERITIES.map((x) => ({ value: x, label: tc(`severity.${x}`) }))]} {...form.getInputProps(`targets.${i}.severity`)} /></Table.Td>
                  <Table.Td><NumberInput size="xs" w={110} aria-label={t('firstResponse')} min={1} suffix=" min" {...form.getInputProps(`targets.${i}.firstResponseMinutes`)} /></Table.Td>
                  <Table.Td><NumberInput size="xs" w={110} aria-label={t('resolution')} min={1} suffix=" min" placeholder={t('none')} {...form.getInputProps(`targets.${i}.resolutionMinutes`)} /></Table.Td>
                  <Table.Td><ActionIcon variant="subtle" color="red" aria-label={t('remove')} onClick={() => form.removeListItem('targets', i)}>×</ActionIcon></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Button variant="light" size="xs" style={{ alignSelf: 'flex-start' }}
          onClick={() => form.insertListItem('targets', { channelTypes: [], visibility: '', severity: '', firstResponseMinutes: 60, resolutionMinutes: '' })}>{t('addTarget')}</Button>
        <Group align="flex-end">
          <Stack gap={4}><Text size="sm" fw={500}>{t('clock')}</Text>
            <SegmentedControl data={[{ value: 'always', label: t('always') }, { value: 'business', label: t('business') }]} {...form.getInputProps('clock')} /></Stack>
          <TextInput label={t('timezone')} w={200} {...form.getInputProps('timezone')} />
          <NumberInput label={t('warnAt')} w={160} min={10} max={99} suffix=" %" {...form.getInputProps('warnAtShare')} />
        </Group>
        {form.values.clock === 'business' && (
          <Group gap="xs" align="flex-start">
            {DAYS.map((d) => <TextInput key={d} label={t(`days.${d}`)} w={140} placeholder={t('closed')} {...form.getInputProps(`week.${d}`)} />)}
          </Group>
        )}
        <TagsInput label={t('holidays')} description={t('holidaysHelp')} {...form.getInputProps('holidays')} />
        {formError && <Alert color="red" role="alert">{formError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>{tc('actions.cancel')}</Button>
          <Button type="submit" loading={save.isPending} data-testid="sla-save">{tc('actions.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
