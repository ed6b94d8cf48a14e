// The customer beside the conversation: who they are, their identities on each channel, and their other
// conversations (on any channel) to open in one click.
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { QueryState } from '../../lib/ui/query-state.tsx';
import { formatShort } from '../../lib/ui/format.ts';
import { useContact, useContactConversations } from './conversation-api.ts';

export function ContactPanel(props: { contactId: string; conversationId: string }) {
  const { t } = useTranslation('conversation');
  const { t: tc } = useTranslation('common');
  const contact = useContact(props.contactId);
  const history = useContactConversations(props.contactId);
  const others = (history.data ?? []).filter((c) => c.id !== props.conversationId);
  if (!contact.data) return <QueryState isLoading={contact.isPending} error={contact.error} onRetry={() => void contact.refetch()} />;
  const c = contact.data;
  const field = (label: string, value: string | null) => value && (
    <Group gap={6} wrap="nowrap"><Text size="xs" c="dimmed" w={70}>{label}</Text><Text size="sm" truncate>{value}</Text></Group>
  );
  return (
    <Stack gap={6} data-testid="contact-panel">
      <Title order={3} size="h6">{t('contact.title')}</Title>
      <Text fw={600}>{c.name ?? '—'}</Text>
      {field(t('contact.email'), c.email)}
      {field(t('contact.phone'), c.phone)}
      {field(t('contact.segment'), c.segment)}
      {c.identities.length > 0 && (
        <>
          <Text size="xs" c="dimmed" mt={4}>{t('contact.identities')}</Text>
          {c.identities.map((i) => (
            <Group key={i.id} gap={4} wrap="nowrap">
              <Badge size="xs" variant="light" color="gray">{tc(`channels.${i.channelType}`)}</Badge>
              <Text size="xs" truncate>{i.displayName ?? i.externalId}</Text>
              {i.verified && <Text size="xs" c="teal.8">✓ {t('contact.verified')}</Text>}
            </Group>
          ))}
        </>
      )}
      <Text size="xs" c="dimmed" mt={4}>{t('contact.history')}</Text>
      {others.length === 0
        ? <Text size="sm" c="dimmed">{t('contact.noHistory')}</Text>
        : others.map((o) => (
          <Anchor key={o.id} component={Link} href={`/inbox/${o.id}`} size="sm">
            {formatShort(o.lastMessageAt)} · {tc(`channels.${o.channel.type}`)} · {o.subject ?? o.intent ?? tc(`status.${o.status}`)}
          </Anchor>
        ))}
    </Stack>
  );
}
