// The unrouted queue (supervisors): conversations no queue or person could take, the most urgent first, with
// the reason routing gave. Each opens in the desk, where it can be re-routed or taken.
import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../lib/api/api-client.ts';
import type { FiredRule } from '../../lib/api/types.ts';
import { formatShort } from '../../lib/ui/format.ts';
import { QueryState } from '../../lib/ui/query-state.tsx';

type Unrouted = {
  id: string; level: number; priority: number; severity: string; intent: string | null; language: string | null;
  confidential: boolean; routing: { fired?: FiredRule[] } | null; lastMessageAt: string;
};

export const UNROUTED_KEY = ['routing', 'unrouted'] as const;

export function UnroutedPage() {
  const { t } = useTranslation('inbox');
  const { t: tc } = useTranslation('common');
  const list = useQuery({ queryKey: UNROUTED_KEY, queryFn: () => api<{ items: Unrouted[] }>('/routing/unrouted').then((r) => r.items) });
  return (
    <Stack p="lg" maw={1100}>
      <Title order={1} size="h2">{t('unrouted.title')}</Title>
      <Text c="dimmed" size="sm">{t('unrouted.help')}</Text>
      {!list.data
        ? <QueryState isLoading={list.isPending} error={list.error} onRetry={() => void list.refetch()} />
        : list.data.length === 0
          ? <Text c="dimmed" data-testid="unrouted-empty">{t('unrouted.empty')}</Text>
          : (
            <Table.ScrollContainer minWidth={700}>
              <Table verticalSpacing="xs" data-testid="unrouted-table">
                <Table.Thead>
                  <Table.Tr><Table.Th>{t('unrouted.waiting')}</Table.Th><Table.Th>{t('unrouted.what')}</Table.Th><Table.Th>{t('unrouted.why')}</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td><Anchor component={Link} href={`/inbox/${c.id}`} size="sm">{formatShort(c.lastMessageAt)}</Anchor></Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge size="xs" variant="light">{tc('level', { level: c.level })}</Badge>
                          {c.severity !== 'normal' && <Badge size="xs" color="orange" variant="light">{tc(`severity.${c.severity}`, { defaultValue: c.severity })}</Badge>}
                          {c.intent && <Badge size="xs" color="indigo" variant="light">{c.intent}</Badge>}
                          {c.language && <Badge size="xs" color="gray" variant="outline">{c.language.toUpperCase()}</Badge>}
                        </Group>
                      </Table.Td>
                      <Table.Td><Text size="xs">{(c.routing?.fired ?? []).map((f) => f.reason).join(' · ') || '—'}</Text></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
    </Stack>
  );
}
