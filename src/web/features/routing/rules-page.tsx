// Routing rules: the preset's built-in rules in their order (read-only), the organization's own rules (tried in
// ascending position, first match wins: reorder, enable, edit, delete), and "test a message" to see where it
// would go and why. The server validates the whole set on every save (conflicts, rules that can never fire,
// confidential topics); its message is shown next to the field it concerns.
import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../../lib/api/directory.ts';
import { errorMessage, QueryState } from '../../lib/ui/query-state.tsx';
import { RuleModal, describeConditions } from './rule-modal.tsx';
import { SimulatePanel } from './simulate-panel.tsx';
import { useDeleteRule, useRules, useSaveRule, type RoutingRule } from './routing-api.ts';

export function RulesPage() {
  const { t } = useTranslation('routing');
  const { t: tc } = useTranslation('common');
  const rules = useRules();
  const { data: teams = [] } = useTeams();
  const save = useSaveRule();
  const remove = useDeleteRule();
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const fail = (err: unknown) => notifications.show({ message: errorMessage(err, tc), color: 'red' });
  if (!rules.data) return <QueryState isLoading={rules.isPending} error={rules.error} onRetry={() => void rules.refetch()} />;
  const custom = [...rules.data.items].sort((a, b) => a.position - b.position);
  const target = (r: RoutingRule) => (r.action.target === 'team' ? t('rules.toTeam', { name: teams.find((x) => x.id === r.action.teamId)?.name ?? '?' }) : t(`rules.targets.${r.action.target}`));
  const swap = async (i: number, j: number) => {
    const a = custom[i]!;
    const b = custom[j]!;
    try {
      await save.mutateAsync({ id: a.id, rule: { position: b.position } });
      await save.mutateAsync({ id: b.id, rule: { position: a.position } });
    } catch (err) {
      fail(err);
    }
  };
  return (
    <Stack p="lg" maw={1200}>
      <Group justify="space-between">
        <Title order={1} size="h2">{t('rules.title')}</Title>
        <Button onClick={() => setEditing('new')} data-testid="add-rule">{t('rules.add')}</Button>
      </Group>
      <Text size="sm" c="dimmed">{t('rules.help', { preset: t(`presets.${rules.data.preset}.name`) })}</Text>
      <Paper withBorder p="sm">
        <Text size="sm" fw={600} mb={4}>{t('rules.order')}</Text>
        <Group gap={6} data-testid="built-in-rules">
          {rules.data.builtIn.map((b, i) => (
            <Badge key={i} variant={b.stage === 'custom' ? 'filled' : 'light'} color={b.stage === 'safety' ? 'red' : b.stage === 'custom' ? 'blue' : 'gray'}>
              {i + 1}. {b.stage === 'custom' ? t('rules.yours') : b.name}
            </Badge>
          ))}
        </Group>
        <Text size="xs" c="dimmed" mt={4}>{t('rules.builtInHelp')}</Text>
      </Paper>
      {custom.length === 0 ? <Text c="dimmed">{t('rules.empty')}</Text> : (
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing="xs" data-testid="rules-table">
            <Table.Thead><Table.Tr>
              <Table.Th>{t('rules.position')}</Table.Th><Table.Th>{t('rules.name')}</Table.Th><Table.Th>{t('rules.when')}</Table.Th>
              <Table.Th>{t('rules.then')}</Table.Th><Table.Th>{t('rules.enabled')}</Table.Th><Table.Th />
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {custom.map((r, i) => (
                <Table.Tr key={r.id} data-testid="rule-row">
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon size="sm" variant="subtle" disabled={i === 0 || save.isPending} onClick={() => void swap(i, i - 1)} aria-label={t('rules.up', { name: r.name })}>↑</ActionIcon>
                      <ActionIcon size="sm" variant="subtle" disabled={i === custom.length - 1 || save.isPending} onClick={() => void swap(i, i + 1)} aria-label={t('rules.down', { name: r.name })}>↓</ActionIcon>
                    </Group>
                  </Table.Td>
                  <Table.Td><Text size="sm" fw={500}>{r.name}</Text></Table.Td>
                  <Table.Td><Text size="xs">{describeConditions(r.conditions, t, tc) || t('rules.always')}</Text></Table.Td>
                  <Table.Td><Text size="sm">{target(r)}{r.action.priority !== undefined ? ` · P${r.action.priority}` : ''}</Text></Table.Td>
                  <Table.Td><Switch size="xs" checked={r.enabled} aria-label={t('rules.enabledName', { name: r.name })}
                    onChange={(e) => save.mutate({ id: r.id, rule: { enabled: e.currentTarget.checked } }, { onError: fail })} /></Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(r)}>{t('rules.edit')}</Button>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => {
                        if (window.confirm(t('rules.confirmDelete', { name: r.name }))) remove.mutate(r.id, { onError: fail });
                      }}>{t('rules.delete')}</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {save.error && !editing ? <Alert color="red" role="alert">{errorMessage(save.error, tc)}</Alert> : null}
      <SimulatePanel />
      {editing && <RuleModal rule={editing === 'new' ? null : editing} teams={teams} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
