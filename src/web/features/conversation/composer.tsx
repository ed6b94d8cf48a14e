// Answer the customer or write an internal note. On social channels the agent chooses to answer publicly (a
// comment under the post) or privately (a direct message). Drafts are kept per conversation (use-draft.ts).
// A provider agent declares what the reply commits the brand to (a commercial gesture and its amount…): the
// server then sends it, files it for the brand's approval (202), or refuses it with the rule (403).
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { Alert, Button, Group, NumberInput, SegmentedControl, Select, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/api-error.ts';
import { useRealtimeSend } from '../../lib/realtime/realtime-provider.tsx';
import { errorMessage } from '../../lib/ui/query-state.tsx';
import { ACTION_TYPES, MONEY_ACTIONS, type ActionType } from '../../lib/api/types.ts';
import { isApproval, useAddNote, useSendReply, type DeclaredAction } from './conversation-api.ts';
import { useDraft } from './use-draft.ts';

const MAX = 20_000;
const TYPING_EVERY_MS = 2_000;

export type ComposerHandle = { insert(text: string): void };

type Props = { conversationId: string; social: boolean; defaultPublic: boolean; declaresActions?: boolean; notes?: boolean };

export const Composer = forwardRef<ComposerHandle, Props>(function Composer(props, ref) {
  const { t } = useTranslation('conversation');
  const [tab, setTab] = useState<'reply' | 'note'>('reply');
  const reply = useDraft(props.conversationId, 'reply');
  const note = useDraft(props.conversationId, 'note');
  const [isPublic, setIsPublic] = useState(props.defaultPublic);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<ActionType | ''>('');
  const [amount, setAmount] = useState<number | string>('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
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
    const money = action !== '' && MONEY_ACTIONS.includes(action);
    if (tab === 'reply' && money && (typeof amount !== 'number' || amount < 0)) return setAmountError(t('composer.amountRequired'));
    setRefusal(null);
    try {
      if (tab === 'reply') {
        const actions: DeclaredAction[] | undefined = action ? [{ type: action, ...(money ? { amount: amount as number } : {}) }] : undefined;
        const result = await send.mutateAsync({ body, isPublic: props.social ? isPublic : false, ...(actions ? { actions } : {}) });
        reply.clear();
        setAction('');
        setAmount('');
        notifications.show({ message: isApproval(result) ? t('composer.awaitingApproval') : t('composer.sent'), color: isApproval(result) ? 'blue' : 'teal' });
      } else {
        await addNote.mutateAsync(body);
        note.clear();
        notifications.show({ message: t('composer.noteAdded'), color: 'teal' });
      }
    } catch (err) {
      // The draft stays: nothing written is lost when sending fails.
      if (err instanceof ApiError && err.code === 'forbidden_action') return setRefusal(err.message);
      const fields = err instanceof ApiError ? err.fieldErrors() : {};
      const amountField = Object.keys(fields).find((k) => k.endsWith('amount'));
      if (amountField) return setAmountError(fields[amountField]!);
      setError(err instanceof ApiError ? (fields.body ?? err.message) : errorMessage(err, t));
    }
  };

  return (
    <Stack gap={6} p="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)', background: 'var(--mantine-color-gray-0)' }}>
      <Tabs value={tab} onChange={(v) => { setTab((v as 'reply' | 'note') ?? 'reply'); setError(null); }} variant="pills" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="reply" data-testid="tab-reply">{t('composer.reply')}</Tabs.Tab>
          {props.notes !== false && <Tabs.Tab value="note" data-testid="tab-note">{t('composer.noteTab')}</Tabs.Tab>}
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
      {tab === 'reply' && props.declaresActions && (
        <Group gap="xs" align="flex-start">
          <Select size="xs" w={260} label={t('composer.action')} value={action} allowDeselect={false} data-testid="composer-action"
            data={[{ value: '', label: t('composer.noAction') }, ...ACTION_TYPES.map((a) => ({ value: a, label: t(`common:actionTypes.${a}`) }))]}
            onChange={(v) => { setAction((v ?? '') as ActionType | ''); setAmountError(null); setRefusal(null); }} />
          {action !== '' && MONEY_ACTIONS.includes(action) && (
            <NumberInput size="xs" w={140} label={t('composer.amount')} min={0} decimalScale={2} value={amount} required
              onChange={(v) => { setAmount(v); setAmountError(null); }} error={amountError} data-testid="composer-amount" />
          )}
        </Group>
      )}
      {refusal && <Alert color="red" role="alert" title={t('composer.refused')} data-testid="action-refused">{refusal}</Alert>}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">{draft.text ? t('composer.draftKept') : ''}</Text>
        <Button onClick={() => void submit()} loading={busy} data-testid="composer-send" color={tab === 'note' ? 'yellow' : undefined}>
          {tab === 'reply' ? t('composer.send') : t('composer.addNote')}
        </Button>
      </Group>
    </Stack>
  );
});
