// One chart of the dashboards: its title, a CSV export of exactly the data drawn, and the chart or its state.
import type { ReactNode } from 'react';
import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../lib/ui/query-state.tsx';

type Csv = { href: string } | { rows: (string | number | null)[][]; filename: string };

export function ChartCard(props: { title: string; testId: string; csv: Csv | null; isLoading: boolean; error: unknown; empty?: boolean; children: ReactNode; aside?: ReactNode }) {
  const { t } = useTranslation('dashboards');
  return (
    <Paper withBorder p="md" radius="md" data-testid={props.testId} component="section" aria-label={props.title}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h5">{props.title}</Title>
        <Group gap="xs" wrap="nowrap">
          {props.aside}
          {props.csv && <CsvButton csv={props.csv} label={t('csv')} title={t('csvTitle', { chart: props.title })} />}
        </Group>
      </Group>
      {props.isLoading || props.error
        ? <QueryState isLoading={props.isLoading} error={props.error} />
        : props.empty ? <Text c="dimmed" size="sm" py="xl" ta="center">{t('noData')}</Text> : props.children}
    </Paper>
  );
}

function CsvButton(props: { csv: Csv; label: string; title: string }) {
  if ('href' in props.csv) {
    return <Button component="a" href={props.csv.href} download size="compact-xs" variant="default" aria-label={props.title} data-testid="csv-export">{props.label}</Button>;
  }
  const { rows, filename } = props.csv;
  const download = () => {
    const text = rows.map((r) => r.map((v) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',')).join('\r\n');
    const url = URL.createObjectURL(new Blob([`${text}\r\n`], { type: 'text/csv;charset=utf-8' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: filename });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return <Button size="compact-xs" variant="default" onClick={download} aria-label={props.title} data-testid="csv-export">{props.label}</Button>;
}
