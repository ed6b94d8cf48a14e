// The experts' space (level 2): their queue as the server scopes it, the conversation (personal data redacted
// by the server) with suggestions, "beyond my competence" and "propose an article", and their reputation.
import { useState } from 'react';
import { Badge, Center, Group, NavLink, Paper, ScrollArea, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { formatShort } from '../../lib/ui/format.ts';
import { QueryState } from '../../lib/ui/query-state.tsx';
import { ConversationView } from '../conversation/conversation-view.tsx';
import { useExpertQueue, useMyExpertProfile } from './experts-api.ts';

export function ExpertSpacePage() {
  const { t } = useTranslation('experts');
  const { id: openId } = useParams<{ id?: string }>();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const queue = useExpertQueue(status);
  return (
    <div style={{ display: 'flex', height: '100%', minHeight: 0 }}>
      <section aria-labelledby="expert-queue-title" style={{ width: 340, flexShrink: 0, display: 'flex', flexDirection: 'column', borderRight: '1px solid var(--mantine-color-gray-3)' }}>
        <Stack gap="xs" p="sm">
          <Title order={1} size="h4" id="expert-queue-title">{t('space.title')}</Title>
          <Reputation />
          <SegmentedControl size="xs" value={status} onChange={(v) => setStatus(v as 'open' | 'resolved')}
            data={[{ value: 'open', label: t('space.open') }, { value: 'resolved', label: t('space.resolved') }]} />
        </Stack>
        <ScrollArea style={{ flex: 1 }}>
          {!queue.data
            ? <QueryState isLoading={queue.isPending} error={queue.error} onRetry={() => void queue.refetch()} />
            : queue.data.length === 0
              ? <Text p="md" c="dimmed" size="sm">{t('space.empty')}</Text>
              : (
                <nav aria-label={t('space.queue')} data-testid="expert-queue">
                  {queue.data.map((c) => (
                    <NavLink key={c.id} component={Link} href={`/expert/${c.id}`} active={c.id === openId} data-testid="expert-row"
                      label={c.subject ?? c.intent ?? t('space.noSubject')}
                      description={<Group gap={4}><Text size="xs">{formatShort(c.lastMessageAt)}</Text>{c.language && <Badge size="xs" variant="outline">{c.language.toUpperCase()}</Badge>}{c.intent && <Badge size="xs" variant="light">{c.intent}</Badge>}</Group>} />
                  ))}
                </nav>
              )}
        </ScrollArea>
      </section>
      <section style={{ flex: 1, minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        {openId ? <ConversationView key={openId} id={openId} /> : <Center h="100%" p="xl"><Text c="dimmed">{t('space.select')}</Text></Center>}
      </section>
    </div>
  );
}

function Reputation() {
  const { t } = useTranslation('experts');
  const profile = useMyExpertProfile();
  if (!profile.data) return null;
  const { expert, history } = profile.data;
  return (
    <Paper withBorder p="xs" radius="md" data-testid="expert-reputation">
      <Group justify="space-between">
        <Text size="sm">{t('space.reputation')}</Text>
        <Text fw={700} size="lg" data-testid="reputation-points">{expert.reputation}</Text>
      </Group>
      {history[0] && <Text size="xs" c="dimmed">{t('space.lastChange', { points: history[0].points > 0 ? `+${history[0].points}` : history[0].points, reason: history[0].reason })}</Text>}
      {expert.topics.length > 0 && <Text size="xs" c="dimmed">{t('space.topics', { topics: expert.topics.join(', ') })}</Text>}
    </Paper>
  );
}
