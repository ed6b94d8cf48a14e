// "Test a message": triage and route a sample text with today's rules, nothing stored; shows where it would
// go and every reason.
import { useState } from 'react';
import { Alert, Badge, Button, Group, List, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../../lib/api/directory.ts';
import { CHANNEL_TYPES } from '../../lib/api/types.ts';
import { errorMessage } from '../../lib/ui/query-state.tsx';
import { useSimulate } from './routing-api.ts';

export function SimulatePanel() {
  const { t } = useTranslation('routing');
  const { t: tc } = useTranslation('common');
  const simulate = useSimulate();
  const { data: teams = [] } = useTeams();
  const [text, setText] = useState('');
  const [channelType, setChannelType] = useState('chat');
  const [visibility, setVisibility] = useState<'public' | 'private'>('private');
  const [error, setError] = useState<string | null>(null);
  const r = simulate.data;
  const run = () => {
    if (!text.trim()) return setError(t('simulate.required'));
    setError(null);
    simulate.mutate({ text: text.trim(), channelType, visibility });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="simulate-title" data-testid="simulate">
      <Title order={2} size="h5" id="simulate-title" mb="xs">{t('simulate.title')}</Title>
      <Stack gap="xs">
        <Textarea label={t('simulate.message')} value={text} onChange={(e) => { setText(e.currentTarget.value); setError(null); }} error={error} autosize minRows={2} data-testid="simulate-text" />
        <Group align="flex-end">
          <Select size="xs" label={t('simulate.channel')} value={channelType} allowDeselect={false} onChange={(v) => setChannelType(v ?? 'chat')} data={CHANNEL_TYPES.map((c) => ({ value: c, label: tc(`channels.${c}`) }))} />
          <Select size="xs" label={t('rules.visibility')} value={visibility} allowDeselect={false} onChange={(v) => setVisibility((v as 'public' | 'private') ?? 'private')}
            data={[{ value: 'private', label: t('rules.c.private') }, { value: 'public', label: t('rules.c.public') }]} />
          <Button size="xs" onClick={run} loading={simulate.isPending} data-testid="simulate-run">{t('simulate.run')}</Button>
        </Group>
        {simulate.error && <Alert color="red" role="alert">{errorMessage(simulate.error, tc)}</Alert>}
        {r && (
          <Stack gap={4} data-testid="simulate-result">
            <Group gap={6}>
              <Badge>{tc('level', { level: r.placement?.level ?? r.decision.level })}</Badge>
              <Badge variant="light">{t(`rules.targets.${r.decision.target}`, { defaultValue: r.decision.target })}</Badge>
              {(r.placement?.teamId ?? r.decision.teamId) && <Badge variant="light" color="grape">{teams.find((x) => x.id === (r.placement?.teamId ?? r.decision.teamId))?.name}</Badge>}
              {r.placement?.unrouted && <Badge color="red">{t('simulate.unrouted')}</Badge>}
              {r.decision.confidential && <Badge color="grape">{t('simulate.confidential')}</Badge>}
              {r.triage.intent && <Text size="xs" c="dimmed">{t('simulate.triage', { intent: r.triage.intent, severity: r.triage.severity, language: r.triage.language })}</Text>}
            </Group>
            <List size="sm" spacing={2}>
              {[...r.decision.fired, ...(r.placement?.notes ?? [])].map((f, i) => <List.Item key={i}><Text span size="sm" fw={600}>{f.name}</Text> — {f.reason}</List.Item>)}
            </List>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
