// The moves through the pyramid, by role. Core team: take it, re-route or escalate (level, team, person, with a
// note), take over from an expert or a provider, write an instruction to whoever handles it. Experts and
// provider agents: take it, and "beyond my competence" (to the core team, with a note). Experts also propose
// a knowledge-base article from their answer.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '../../lib/api/directory.ts';
import { CORE_ROLES, type Conversation, type Message } from '../../lib/api/types.ts';
import { applyServerError } from '../../lib/forms/server-errors.ts';
import { useCurrentUser } from '../../lib/session/session.ts';
import { errorMessage } from '../../lib/ui/query-state.tsx';
import { useEscalate, useInstruct, usePick, useProposeArticle, useReroute, useTakeover } from './pyramid-api.ts';

type Dialog = 'reroute' | 'escalate' | 'instruct' | 'article' | null;

export function PyramidActions(props: { conversation: Conversation; messages: Message[] }) {
  const { t } = useTranslation('conversation');
  const { t: tc } = useTranslation('common');
  const me = useCurrentUser();
  const c = props.conversation;
  const core = CORE_ROLES.includes(me.role);
  const [dialog, setDialog] = useState<Dialog>(null);
  const pick = usePick(c.id);
  const takeover = useTakeover(c.id);
  const escalate = useEscalate(c.id);
  const instruct = useInstruct(c.id);
  const fail = (err: unknown) => notifications.show({ message: errorMessage(err, tc), color: 'red' });
  const handledByMe = c.assigneeId === me.id;
  const lastAnswer = [...props.messages].reverse().find((m) => m.direction === 'outbound' && m.authorUserId === me.id);

  return (
    <Group gap={4} data-testid="pyramid-actions">
      {!c.assigneeId && (
        <Button size="xs" variant="light" loading={pick.isPending} data-testid="pick"
          onClick={() => pick.mutate(undefined, { onSuccess: () => notifications.show({ message: t('pyramid.picked'), color: 'teal' }), onError: fail })}>
          {t('pyramid.pick')}
        </Button>
      )}
      {core && (
        <>
          <Button size="xs" variant="default" onClick={() => setDialog('reroute')} data-testid="reroute">{t('pyramid.reroute')}</Button>
          {!(handledByMe && c.level === 3) && (
            <Button size="xs" variant="default" loading={takeover.isPending} data-testid="takeover"
              onClick={() => takeover.mutate(undefined, { onSuccess: () => notifications.show({ message: t('pyramid.tookOver'), color: 'teal' }), onError: fail })}>
              {t('pyramid.takeover')}
            </Button>
          )}
          {c.assigneeId && !handledByMe && (
            <Button size="xs" variant="default" onClick={() => setDialog('instruct')} data-testid="instruct">{t('pyramid.instruct')}</Button>
          )}
        </>
      )}
      {!core && (me.role === 'expert' || me.role === 'provider_agent') && (
        <Button size="xs" variant="light" color="orange" onClick={() => setDialog('escalate')} data-testid="escalate">{t('pyramid.escalate')}</Button>
      )}
      {me.role === 'expert' && lastAnswer && (
        <Button size="xs" variant="default" onClick={() => setDialog('article')} data-testid="propose-article">{t('pyramid.proposeArticle')}</Button>
      )}
      {dialog === 'reroute' && <RerouteModal conversation={c} onClose={() => setDialog(null)} />}
      {dialog === 'escalate' && (
        <TextModal title={t('pyramid.escalateTitle')} label={t('pyramid.escalateNote')} description={t('pyramid.escalateHelp')} submit={t('pyramid.escalateSubmit')}
          testId="escalate-note" onClose={() => setDialog(null)}
          onSubmit={async (note) => { await escalate.mutateAsync(note); notifications.show({ message: t('pyramid.escalated'), color: 'teal' }); }} />
      )}
      {dialog === 'instruct' && (
        <TextModal title={t('pyramid.instructTitle')} label={t('pyramid.instructBody')} description={t('pyramid.instructHelp')} submit={t('pyramid.instructSubmit')}
          testId="instruction-body" onClose={() => setDialog(null)} max={20_000}
          onSubmit={async (body) => { await instruct.mutateAsync(body); notifications.show({ message: t('pyramid.instructed'), color: 'teal' }); }} />
      )}
      {dialog === 'article' && lastAnswer && <ArticleModal conversationId={c.id} answer={lastAnswer} onClose={() => setDialog(null)} />}
    </Group>
  );
}

/** One text to write and send (an escalation note, an instruction): required, and the server's error under it. */
function TextModal(props: { title: string; label: string; description: string; submit: string; testId: string; max?: number; onClose(): void; onSubmit(text: string): Promise<void> }) {
  const { t } = useTranslation('conversation');
  const { t: tc } = useTranslation('common');
  const max = props.max ?? 2000;
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { note: '' },
    validate: { note: (v) => (!v.trim() ? t('pyramid.noteRequired') : v.length > max ? t('pyramid.tooLong', { max }) : null) },
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      await props.onSubmit(v.note.trim());
      props.onClose();
    } catch (err) {
      setFormError(applyServerError(form, err, { validation_failed: 'note', bad_request: 'note' }));
    }
  });
  return (
    <Modal opened onClose={props.onClose} title={props.title}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea label={props.label} description={props.description} autosize minRows={3} required data-autofocus
            {...form.getInputProps('note')} data-testid={props.testId} />
          {formError && <Alert color="red" role="alert">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{tc('actions.cancel')}</Button>
            <Button type="submit" loading={form.submitting} data-testid={`${props.testId}-submit`}>{props.submit}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RerouteModal(props: { conversation: Conversation; onClose(): void }) {
  const { t } = useTranslation('conversation');
  const { t: tc } = useTranslation('common');
  const { data: teams = [] } = useTeams();
  const { data: users = [] } = useUsers();
  const reroute = useReroute(props.conversation.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { level: '', teamId: '', assigneeId: '', note: '' },
    validate: {
      note: (v) => (v.trim() ? null : t('pyramid.noteRequired')),
      level: (v, all) => (v || all.teamId || all.assigneeId ? null : t('pyramid.whereRequired')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      await reroute.mutateAsync({
        ...(v.level ? { level: Number(v.level) as 2 | 3 } : {}), ...(v.teamId ? { teamId: v.teamId } : {}),
        ...(v.assigneeId ? { assigneeId: v.assigneeId } : {}), note: v.note.trim(),
      });
      notifications.show({ message: t('pyramid.rerouted'), color: 'teal' });
      props.onClose();
    } catch (err) {
      setFormError(applyServerError(form, err));
    }
  });
  const none = { value: '', label: tc('none') };
  return (
    <Modal opened onClose={props.onClose} title={t('pyramid.rerouteTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select label={t('pyramid.level')} allowDeselect={false} data={[none, { value: '2', label: t('pyramid.level2') }, { value: '3', label: t('pyramid.level3') }]}
            {...form.getInputProps('level')} data-testid="reroute-level" />
          <Select label={t('pyramid.team')} allowDeselect={false} searchable data={[none, ...teams.map((x) => ({ value: x.id, label: x.name }))]}
            {...form.getInputProps('teamId')} data-testid="reroute-team" />
          <Select label={t('pyramid.person')} allowDeselect={false} searchable
            data={[none, ...users.filter((u) => !u.disabled && u.role !== 'bot').map((u) => ({ value: u.id, label: `${u.name} (${tc(`roles.${u.role}`)})` }))]}
            {...form.getInputProps('assigneeId')} data-testid="reroute-person" />
          <Textarea label={t('pyramid.rerouteNote')} description={t('pyramid.rerouteHelp')} autosize minRows={2} required {...form.getInputProps('note')} data-testid="reroute-note" />
          {formError && <Alert color="red" role="alert">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{tc('actions.cancel')}</Button>
            <Button type="submit" loading={reroute.isPending} data-testid="reroute-submit">{t('pyramid.rerouteSubmit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ArticleModal(props: { conversationId: string; answer: Message; onClose(): void }) {
  const { t, i18n } = useTranslation('conversation');
  const { t: tc } = useTranslation('common');
  const propose = useProposeArticle(props.conversationId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { title: '', body: props.answer.body, language: (i18n.resolvedLanguage === 'fr' ? 'fr' : 'en') as 'fr' | 'en' },
    validate: {
      title: (v) => (v.trim() ? null : t('pyramid.titleRequired')),
      body: (v) => (v.trim() ? null : t('pyramid.bodyRequired')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      await propose.mutateAsync({ title: v.title.trim(), body: v.body.trim(), language: v.language, messageId: props.answer.id });
      notifications.show({ message: t('pyramid.articleProposed'), color: 'teal' });
      props.onClose();
    } catch (err) {
      setFormError(applyServerError(form, err));
    }
  });
  return (
    <Modal opened onClose={props.onClose} title={t('pyramid.articleTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('pyramid.articleName')} required maxLength={300} data-autofocus {...form.getInputProps('title')} data-testid="article-title" />
          <Textarea label={t('pyramid.articleBody')} autosize minRows={5} maxRows={14} required {...form.getInputProps('body')} />
          <Select label={t('pyramid.articleLanguage')} allowDeselect={false} data={[{ value: 'fr', label: tc('languages.fr') }, { value: 'en', label: tc('languages.en') }]} {...form.getInputProps('language')} />
          {formError && <Alert color="red" role="alert">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{tc('actions.cancel')}</Button>
            <Button type="submit" loading={propose.isPending} data-testid="article-submit">{t('pyramid.articleSubmit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
