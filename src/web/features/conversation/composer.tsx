// Answer the customer or write an internal note. On social channels the agent chooses to answer publicly (a
// comment under the post) or privately (a direct message). Drafts are kept per conversation (use-draft.ts).
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { Button, Group, SegmentedControl, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/api-error.ts';
import { useRealtimeSend } from '../../lib/realtime/realtime-provider.tsx';
import { errorMessage } from '../../lib/ui/query-state.tsx';
import { useAddNote, useSendReply } from './conversation-api.ts';
import { useDraft } from './use-draft.ts';

const MAX = 20_000;
const TYPING_EVERY_MS = 2_000;

export type ComposerHandle = { insert(text: string): void };

export const Composer = forwardRef<ComposerHandle, { conversationId: string; social: boolean; defaultPublic: boolean }>(function Composer(props, ref) {
  const { t } = useTranslation('conversation');
  const [tab, setTab] = useState<'reply' | 'note'>('reply');
  const reply = useDraft(props.conversationId, 'reply');
  const note = useDraft(props.conversationId, 'note');
  const [isPublic, setIsPublic] = useState(props.defaultPublic);
  const [error, setError] = useState<string | null>(null);
  const send = useSendReply(props.conversationId);
  const addNote = useAddNote(props.conversationId);
  const realtime = useRealtimeSend();
  const lastTyping = useRef(0);
  const input = useRef<HTMLTextAreaElement>(null);
  const draft = tab === 'reply' ? reply : note;
  const busy = send.isPending || addNote.isPending;

  useImperativeHandle(ref, () => ({
    insert(text: string) {
      setTab('reply');
      reply.setText(reply.text ? `${reply.text}\n\n${text}` : text);
      input.current?.focus();
    },
  }));

  const change = (value: string) => {
    draft.setText(value);
    setError(null);
    if (tab === 'reply' && Date.now() - lastTyping.current > TYPING_EVERY_MS) {
      lastTyping.current = Date.now();
      realtime({ type: 'typing', conversationId: props.conversationId });
    }
  };

  const submit = async () => {
    const body = draft.text.trim();
    if (!body) return setError(t('composer.required'));
    if (body.length > MAX) return setError(t('composer.tooLong'));
    try {
      if (tab === 'reply') {
        await send.mutateAsync({ body, isPublic: props.social ? isPublic : false });
        reply.clear();
        notifications.show({ message: t('composer.sent'), color: 'teal' });
      } else {
        await addNote.mutateAsync(body);
        note.clear();
        notifications.show({ message: t('composer.noteAdded'), color: 'teal' });
      }
    } catch (err) {
      // The draft stays: nothing written is lost when sending fails.
      setError(err instanceof ApiError ? (err.fieldErrors().body ?? err.message) : errorMessage(err, t));
    }
  };

  return (
    <Stack gap={6} p="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)', background: 'var(--mantine-color-gray-0)' }}>
      <Tabs value={tab} onChange={(v) => { setTab((v as 'reply' | 'note') ?? 'reply'); setError(null); }} variant="pills" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="reply" data-testid="tab-reply">{t('composer.reply')}</Tabs.Tab>
          <Tabs.Tab value="note" data-testid="tab-note">{t('composer.noteTab')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'reply' && props.social && (
        <Group gap="xs">
          <Text size="sm" id="visibility-label">{t('composer.visibility')}</Text>
          <SegmentedControl size="xs" aria-labelledby="visibility-label" value={isPublic ? 'public' : 'private'}
            onChange={(v) => setIsPublic(v === 'public')} data-testid="reply-visibility"
            data={[{ value: 'public', label: t('composer.publicly') }, { value: 'private', label: t('composer.privately') }]} />
        </Group>
      )}
      <Textarea
        ref={input}
        id="composer-input"
        label={tab === 'reply' ? t('composer.replyLabel') : t('composer.noteLabel')}
        placeholder={tab === 'reply' ? t('composer.replyPlaceholder') : t('composer.notePlaceholder')}
        value={draft.text}
        onChange={(e) => change(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
        error={error}
        autosize minRows={3} maxRows={10}
        data-testid="composer-input"
        styles={tab === 'note' ? { input: { background: 'var(--mantine-color-yellow-0)' } } : undefined}
      />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">{draft.text ? t('composer.draftKept') : ''}</Text>
        <Button onClick={() => void submit()} loading={busy} data-testid="composer-send" color={tab === 'note' ? 'yellow' : undefined}>
          {tab === 'reply' ? t('composer.send') : t('composer.addNote')}
        </Button>
      </Group>
    </Stack>
  );
});
