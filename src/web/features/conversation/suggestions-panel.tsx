// Knowledge that matches the customer's latest message (articles, similar resolved answers), to insert in the reply.
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../lib/ui/query-state.tsx';
import { useSuggestions } from './conversation-api.ts';

export function SuggestionsPanel(props: { conversationId: string; onInsert(text: string): void }) {
  const { t } = useTranslation('conversation');
  const suggestions = useSuggestions(props.conversationId);
  return (
    <Stack gap={6} data-testid="suggestions">
      <Title order={3} size="h6">{t('suggestions.title')}</Title>
      {!suggestions.data
        ? <QueryState isLoading={suggestions.isPending} error={suggestions.error} onRetry={() => void suggestions.refetch()} />
        : suggestions.data.hits.length === 0
          ? <Text size="sm" c="dimmed">{t('suggestions.none')}</Text>
          : suggestions.data.hits.map((hit) => (
            <Paper key={`${hit.kind}${hit.id}`} withBorder p="xs">
              <Group justify="space-between" gap={4} wrap="nowrap" mb={2}>
                <Text size="sm" fw={600} lineClamp={1}>{hit.title}</Text>
                <Badge size="xs" variant="light">{t(`suggestions.${hit.kind}`)}</Badge>
              </Group>
              <Text size="xs" lineClamp={3}>{hit.snippet}</Text>
              <Button size="compact-xs" variant="subtle" mt={4} onClick={() => props.onInsert(hit.snippet)}
                aria-label={t('suggestions.insertTitle', { title: hit.title })}>{t('suggestions.insert')}</Button>
            </Paper>
          ))}
    </Stack>
  );
}
