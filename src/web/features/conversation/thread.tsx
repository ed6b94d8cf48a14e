// The thread: the customer's messages, the replies and the internal notes in one timeline. Everything a
// customer wrote is shown as text (React escapes it; HTML bodies are never rendered), so no markup or script
// from outside can run in the desk.
import { useEffect, useRef } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message, Note } from '../../lib/api/types.ts';
import { formatDateTime } from '../../lib/ui/format.ts';
import { PaperclipIcon } from '../../lib/ui/icons.tsx';

type Entry = { kind: 'message'; at: string; message: Message } | { kind: 'note'; at: string; note: Note };

/** Only web addresses become links: a javascript: URL in an attachment must never be clickable. */
const safeUrl = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

export function Thread(props: { messages: Message[]; notes: Note[]; social: boolean; customerName: string; typing: boolean }) {
  const { t } = useTranslation('conversation');
  const end = useRef<HTMLDivElement>(null);
  const entries: Entry[] = [
    ...props.messages.map((m): Entry => ({ kind: 'message', at: m.createdAt, message: m })),
    ...props.notes.map((n): Entry => ({ kind: 'note', at: n.createdAt, note: n })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [entries.length, props.typing]);

  return (
    <Stack gap="sm" p="md" role="log" aria-label={t('threadLabel')} aria-live="polite" data-testid="thread">
      {entries.map((e) => (e.kind === 'note'
        ? <NoteEntry key={`n${e.note.id}`} note={e.note} />
        : <MessageEntry key={`m${e.message.id}`} message={e.message} social={props.social} customerName={props.customerName} />))}
      {props.typing && <Text size="sm" c="dimmed" fs="italic">{t('typing')}</Text>}
      <div ref={end} />
    </Stack>
  );
}

function MessageEntry(props: { message: Message; social: boolean; customerName: string }) {
  const { t } = useTranslation('conversation');
  const m = props.message;
  const inbound = m.direction === 'inbound';
  const delivery = m.delivery?.status;
  return (
    <Paper withBorder p="sm" radius="md" maw="85%" data-testid="message" data-direction={m.direction}
      style={{ alignSelf: inbound ? 'flex-start' : 'flex-end', background: inbound ? 'white' : 'var(--mantine-color-blue-0)' }}>
      <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
        <Text size="xs" fw={600}>{inbound ? props.customerName : t(`author.${m.authorKind}`)}</Text>
        <Group gap={4} wrap="nowrap">
          {props.social && <Badge size="xs" variant="outline" color={m.isPublic ? 'orange' : 'gray'}>{m.isPublic ? t('public') : t('private')}</Badge>}
          <Text size="xs" c="dimmed">{formatDateTime(m.createdAt)}</Text>
        </Group>
      </Group>
      <Text size="sm" className="message-body" data-testid="message-body">{m.body}</Text>
      {m.attachments.length > 0 && (
        <Group gap="xs" mt={6} aria-label={t('attachments')}>
          {m.attachments.map((a, i) => {
            const href = safeUrl(a.url);
            return href
              ? <Anchor key={i} size="xs" href={href} target="_blank" rel="noopener noreferrer nofollow"><PaperclipIcon /> {a.name}</Anchor>
              : <Text key={i} size="xs"><PaperclipIcon /> {a.name}</Text>;
          })}
        </Group>
      )}
      {!inbound && delivery && delivery !== 'sent' && (
        <Text size="xs" mt={4} c={delivery === 'failed' ? 'red.8' : 'dimmed'}>
          {t(`delivery.${delivery}`, { error: m.delivery?.error ?? '', defaultValue: delivery })}
        </Text>
      )}
    </Paper>
  );
}

function NoteEntry(props: { note: Note }) {
  const { t } = useTranslation('conversation');
  return (
    <Paper p="sm" radius="md" data-testid="note" style={{ background: 'var(--mantine-color-yellow-0)', border: '1px dashed var(--mantine-color-yellow-7)' }}>
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="xs" fw={600}>{props.note.authorName ? t('noteBy', { name: props.note.authorName }) : t('note')}</Text>
        <Text size="xs" c="dimmed">{formatDateTime(props.note.createdAt)}</Text>
      </Group>
      <Text size="sm" className="message-body">{props.note.body}</Text>
    </Paper>
  );
}
