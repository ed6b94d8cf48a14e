import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannels } from '../../lib/api/directory.ts';
import type { Channel } from '../../lib/api/types.ts';
import { formatDateTime } from '../../lib/ui/format.ts';
import { QueryState } from '../../lib/ui/query-state.tsx';
import { ChannelDrawer } from './channel-drawer.tsx';
import { CreateChannelModal } from './create-channel-modal.tsx';

export function ChannelsPage() {
  const { t } = useTranslation('channels');
  const { t: tc } = useTranslation('common');
  const channels = useChannels();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<Channel | null>(null);
  return (
    <Stack p="lg" maw={1100}>
      <Group justify="space-between">
        <Title order={1} size="h2">{t('title')}</Title>
        <Button onClick={() => setCreating(true)} data-testid="add-channel">{t('add')}</Button>
      </Group>
      <Text c="dimmed" size="sm">{t('intro')}</Text>
      {!channels.data
        ? <QueryState isLoading={channels.isPending} error={channels.error} onRetry={() => void channels.refetch()} />
        : channels.data.length === 0
          ? <Text c="dimmed">{t('empty')}</Text>
          : (
            <Table.ScrollContainer minWidth={600}>
              <Table highlightOnHover verticalSpacing="sm" data-testid="channels-table">
                <Table.Thead>
                  <Table.Tr><Table.Th>{t('name')}</Table.Th><Table.Th>{t('type')}</Table.Th><Table.Th>{t('settings')}</Table.Th><Table.Th>{t('created')}</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {channels.data.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <UnstyledButton onClick={() => setShown(c)} fw={600} c="blue.8" data-testid="channel-row">{c.name}</UnstyledButton>
                        {c.isPublic && <Badge size="xs" ml={6} variant="light" color="orange">{t('public')}</Badge>}
                      </Table.Td>
                      <Table.Td>{tc(`channels.${c.type}`)}</Table.Td>
                      <Table.Td>{c.settingsConfigured ? <Badge variant="light" color="teal">{t('configured')}</Badge> : <Badge variant="light" color="gray">{t('notConfigured')}</Badge>}</Table.Td>
                      <Table.Td>{formatDateTime(c.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
      <CreateChannelModal opened={creating} onClose={() => setCreating(false)} />
      <ChannelDrawer channel={shown} onClose={() => setShown(null)} />
    </Stack>
  );
}
