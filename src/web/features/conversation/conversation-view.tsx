// One conversation: header (customer, channel, status, response-time state, assignment, the pyramid's moves),
// triage badges, the thread with notes, the composer; beside it the customer, the suggestions and why it is
// here (in a drawer on narrower screens). Experts see what the server gives them (personal data redacted):
// no customer card, no assignment, no internal notes tab.
import { useRef, useState } from 'react';
import { Badge, Button, Divider, Drawer, Group, ScrollArea, Select, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../lib/api/directory.ts';
import { CORE_ROLES, SOCIAL_CHANNELS, STAFF_ROLES, STATUSES, type Status } from '../../lib/api/types.ts';
import { useRealtimeEvent } from '../../lib/realtime/realtime-provider.tsx';
import { useCurrentUser } from '../../lib/session/session.ts';
import { QueryState, errorMessage } from '../../lib/ui/query-state.tsx';
import { ContactPanel } from './contact-panel.tsx';
import { Composer, type ComposerHandle } from './composer.tsx';
import { useConversation, useMessages, useNotes, useUpdateConversation, type ConversationPatch } from './conversation-api.ts';
import { SuggestionsPanel } from './suggestions-panel.tsx';
import { Thread } from './thread.tsx';
import { TriageBadges } from './triage-badges.tsx';
import { WhyHere } from './why-here.tsx';
import { ApprovalStatus } from './approval-status.tsx';
import { PyramidActions } from './pyramid-actions.tsx';
import { SlaBadge } from './sla-badge.tsx';

const TYPING_SHOWN_MS = 4_000;

export function ConversationView(props: { id: string }) {
  const { t } = useTranslation('conversation');
  const { t: tc } = useTranslation('common');
  const me = useCurrentUser();
  const conversation = useConversation(props.id);
  const messages = useMessages(props.id);
  const notes = useNotes(props.id);
  const staff = STAFF_ROLES.includes(me.role);
  const provider = me.role === 'provider_agent';
  const { data: users = [] } = useUsers(staff);
  const update = useUpdateConversation();
  const composer = useRef<ComposerHandle>(null);
  const wide = useMediaQuery('(min-width: 80em)', true);
  const [details, setDetails] = useState(false);
  const [typingUntil, setTypingUntil] = useState(0);
  const [, rerender] = useState(0);

  useRealtimeEvent((event) => {
    if (event.kind === 'typing' && event.conversationId === props.id && event.actor === 'customer') {
      setTypingUntil(Date.now() + TYPING_SHOWN_MS);
      setTimeout(() => rerender((n) => n + 1), TYPING_SHOWN_MS + 50);
    }
    if (event.kind === 'message.created' && event.conversationId === props.id && event.direction === 'inbound') setTypingUntil(0);
  });

  if (!conversation.data) {
    return <QueryState isLoading={conversation.isPending} error={conversation.error} onRetry={() => void conversation.refetch()} />;
  }
  const c = conversation.data;
  const social = SOCIAL_CHANNELS.includes(c.channel.type);
  const latestInbound = [...(messages.data ?? [])].reverse().find((m) => m.direction === 'inbound' && m.triage);
  const assignable = users.filter((u) => !u.disabled && (CORE_ROLES.includes(u.role) || u.role === 'provider_agent') && u.role !== 'bot');
  const change = (patch: ConversationPatch) => update.mutate({ id: c.id, patch }, {
    onError: (err) => notifications.show({ message: errorMessage(err, tc), color: 'red' }),
  });

  const side = (
    <Stack gap="lg" p="md">
      {staff && <><ContactPanel contactId={c.contact.id} conversationId={c.id} /><Divider /></>}
      <SuggestionsPanel conversationId={c.id} onInsert={(text) => { setDetails(false); composer.current?.insert(text); }} />
      <Divider />
      <WhyHere conversationId={c.id} triage={latestInbound?.triage ?? null} withRouting={staff} />
    </Stack>
  );

  return (
    <div style={{ display: 'flex', height: '100%', minHeight: 0 }} data-testid="conversation-view">
      <div style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        <Stack gap={6} p="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Title order={2} size="h4" lineClamp={1} data-testid="conversation-title">{c.contact.name ?? t('customer')}</Title>
              <Group gap={6}>
                <Badge size="sm" variant="light" color="gray">{c.channel.name}</Badge>
                <Badge size="sm" variant="light" color="blue">{tc('level', { level: c.level })}</Badge>
                {staff && <SlaBadge conversationId={c.id} />}
                {c.subject && <Text size="sm" c="dimmed" truncate maw={320}>{c.subject}</Text>}
              </Group>
            </div>
            <Group gap="xs" wrap="wrap">
              {staff && <>
              <Select size="xs" w={170} label={t('assignee')} data-testid="assignee-select"
                value={c.assigneeId ?? ''} allowDeselect={false} searchable
                data={[{ value: '', label: t('unassigned') }, ...assignable.map((u) => ({ value: u.id, label: u.name }))]}
                onChange={(v) => change({ assigneeId: v || null })} />
              <Select size="xs" w={130} label={t('status')} value={c.status} allowDeselect={false}
                data={STATUSES.map((s) => ({ value: s, label: tc(`status.${s}`) }))}
                onChange={(v) => v && change({ status: v as Status })} data-testid="status-select" />
              </>}
              <Stack gap={4} justify="flex-end" style={{ alignSelf: 'flex-end' }}>
                <Group gap={4}>
                  {staff && !provider && c.assigneeId !== me.id && <Button size="xs" variant="light" onClick={() => change({ assigneeId: me.id })}>{t('assignToMe')}</Button>}
                  {!wide && <Button size="xs" variant="default" onClick={() => setDetails(true)}>{t('details')}</Button>}
                </Group>
              </Stack>
            </Group>
          </Group>
          <Group justify="space-between" gap="xs">
            <TriageBadges conversation={c} sentiment={latestInbound?.triage?.sentiment} />
            <PyramidActions conversation={c} messages={messages.data ?? []} />
          </Group>
        </Stack>
        <ScrollArea style={{ flex: 1 }} type="auto">
          {messages.data && (notes.data || notes.error)
            ? <Thread messages={messages.data} notes={notes.data ?? []} social={social} customerName={c.contact.name ?? t('customer')} typing={typingUntil > Date.now()} />
            : <QueryState isLoading={messages.isPending || notes.isPending} error={messages.error ?? notes.error} onRetry={() => { void messages.refetch(); void notes.refetch(); }} />}
        </ScrollArea>
        {provider && <ApprovalStatus conversationId={c.id} />}
        <Composer ref={composer} conversationId={c.id} social={social} defaultPublic={c.visibility === 'public'} declaresActions={provider} notes={staff} />
      </div>
      {wide
        ? <aside style={{ width: 320, flexShrink: 0, borderLeft: '1px solid var(--mantine-color-gray-3)', overflowY: 'auto' }} aria-label={t('details')}>{side}</aside>
        : <Drawer opened={details} onClose={() => setDetails(false)} position="right" title={t('details')} size={360}>{side}</Drawer>}
    </div>
  );
}
