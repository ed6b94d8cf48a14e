// The delegation-of-authority matrix: for each provider team and each kind of commitment, whether the provider
// acts alone, needs the brand's approval, or may not; money actions may carry a ceiling (above it: approval).
// Each cell saves on change; the server's refusal is shown in the cell it concerns.
import { useState } from 'react';
import { Alert, Badge, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api/api-client.ts';
import { ApiError } from '../../lib/api/api-error.ts';
import { useTeams } from '../../lib/api/directory.ts';
import { ACTION_TYPES, DELEGATION_MODES, MONEY_ACTIONS, type ActionType, type DelegationMode, type DelegationRule, type Team } from '../../lib/api/types.ts';
import { errorMessage, QueryState } from '../../lib/ui/query-state.tsx';

const KEY = ['delegation', 'rules'] as const;
/** What applies without a rule (the server's defaults): answering is the provider's job, the rest needs approval. */
const DEFAULT_MODES: Record<ActionType, DelegationMode> = { answer_topic: 'autonomous', commercial_gesture: 'approval', refund: 'approval', account_change: 'approval', public_statement: 'approval' };
const MODE_COLOR: Record<DelegationMode, string> = { autonomous: 'teal', approval: 'orange', forbidden: 'red' };

export function DelegationPage() {
  const { t } = useTranslation('delegation');
  const teams = useTeams();
  const rules = useQuery({ queryKey: KEY, queryFn: () => api<{ items: DelegationRule[] }>('/delegation/rules').then((r) => r.items) });
  const providers = (teams.data ?? []).filter((x) => x.providerOrgId);
  return (
    <Stack p="lg" maw={1200}>
      <Title order={1} size="h2">{t('title')}</Title>
      <Text size="sm" c="dimmed">{t('help')}</Text>
      {!teams.data || !rules.data
        ? <QueryState isLoading={teams.isPending || rules.isPending} error={teams.error ?? rules.error} onRetry={() => { void teams.refetch(); void rules.refetch(); }} />
        : providers.length === 0 ? <Text c="dimmed">{t('noProvider')}</Text> : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" withColumnBorders data-testid="delegation-matrix">
              <Table.Thead><Table.Tr><Table.Th>{t('team')}</Table.Th>{ACTION_TYPES.map((a) => <Table.Th key={a}>{t(`common:actionTypes.${a}`)}</Table.Th>)}</Table.Tr></Table.Thead>
              <Table.Tbody>
                {providers.map((team) => (
                  <Table.Tr key={team.id}>
                    <Table.Td><Text size="sm" fw={500}>{team.name}</Text></Table.Td>
                    {ACTION_TYPES.map((a) => <Table.Td key={a}><Cell team={team} action={a} rule={rules.data!.find((r) => r.teamId === team.id && r.actionType === a && r.topic === '*')} /></Table.Td>)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
    </Stack>
  );
}

function Cell(props: { team: Team; action: ActionType; rule: DelegationRule | undefined }) {
  const { t } = useTranslation('delegation');
  const { t: tc } = useTranslation('common');
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const mode = props.rule?.mode ?? DEFAULT_MODES[props.action];
  const money = MONEY_ACTIONS.includes(props.action);
  const [amount, setAmount] = useState<number | string>(props.rule?.maxAmount ?? '');
  const save = useMutation({
    mutationFn: (input: { mode: DelegationMode; maxAmount: number | null }) =>
      api('/delegation/rules', { method: 'PUT', body: { teamId: props.team.id, actionType: props.action, mode: input.mode, maxAmount: input.maxAmount } }),
    onSuccess: () => {
      setError(null);
      void client.invalidateQueries({ queryKey: KEY });
      notifications.show({ message: t('saved'), color: 'teal' });
    },
    onError: (err) => setError(err instanceof ApiError ? (Object.values(err.fieldErrors())[0] ?? err.message) : errorMessage(err, tc)),
  });
  const amountValue = typeof amount === 'number' ? amount : null;
  return (
    <Stack gap={4} data-testid={`cell-${props.team.name}-${props.action}`}>
      <Group gap={4} wrap="nowrap">
        <Select size="xs" w={150} aria-label={`${props.team.name} — ${tc(`actionTypes.${props.action}`)}`} value={mode} allowDeselect={false}
          data={DELEGATION_MODES.map((m) => ({ value: m, label: tc(`delegationModes.${m}`) }))}
          onChange={(v) => v && save.mutate({ mode: v as DelegationMode, maxAmount: money ? amountValue : null })} />
        {!props.rule && <Badge size="xs" variant="outline" color="gray" title={t('defaultHelp')}>{t('default')}</Badge>}
        <Badge size="xs" color={MODE_COLOR[mode]} variant="dot" aria-hidden />
      </Group>
      {money && mode === 'autonomous' && (
        <NumberInput size="xs" w={150} label={t('maxAmount')} min={0} decimalScale={2} suffix=" €" value={amount} onChange={setAmount}
          onBlur={() => amountValue !== (props.rule?.maxAmount ?? null) && save.mutate({ mode, maxAmount: amountValue })} />
      )}
      {error && <Alert p={4} color="red" role="alert"><Text size="xs">{error}</Text></Alert>}
    </Stack>
  );
}
