// The community experts (managers): reputation, open conversations, invitation state; invite a customer as an
// expert (the link is shown once, and emailed when SMTP is set); change topics, languages and capacity.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api/api-client.ts';
import { LANGUAGES, type Contact, type Expert, type Page } from '../../lib/api/types.ts';
import { applyServerError } from '../../lib/forms/server-errors.ts';
import { CopyField } from '../../lib/ui/copy-field.tsx';
import { QueryState } from '../../lib/ui/query-state.tsx';
import { useExperts, useInviteExpert, useUpdateExpert, type Invitation } from './experts-api.ts';

export function ExpertsAdminPage() {
  const { t } = useTranslation('experts');
  const experts = useExperts();
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<Expert | null>(null);
  return (
    <Stack p="lg" maw={1100}>
      <Group justify="space-between">
        <Title order={1} size="h2">{t('admin.title')}</Title>
        <Button onClick={() => setInviting(true)} data-testid="invite-expert">{t('admin.invite')}</Button>
      </Group>
      {!experts.data
        ? <QueryState isLoading={experts.isPending} error={experts.error} onRetry={() => void experts.refetch()} />
        : experts.data.length === 0 ? <Text c="dimmed">{t('admin.empty')}</Text> : (
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="xs" data-testid="experts-table">
              <Table.Thead><Table.Tr>
                <Table.Th>{t('admin.name')}</Table.Th><Table.Th>{t('admin.reputation')}</Table.Th><Table.Th>{t('admin.topics')}</Table.Th>
                <Table.Th>{t('admin.languages')}</Table.Th><Table.Th>{t('admin.load')}</Table.Th><Table.Th>{t('admin.invitation')}</Table.Th><Table.Th />
              </Table.Tr></Table.Thead>
              <Table.Tbody>
                {[...experts.data].sort((a, b) => b.reputation - a.reputation).map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td><Text size="sm" fw={500}>{e.name}</Text><Text size="xs" c="dimmed">{e.email}</Text></Table.Td>
                    <Table.Td><Text fw={700}>{e.reputation}</Text></Table.Td>
                    <Table.Td><Group gap={4}>{e.topics.length ? e.topics.map((x) => <Badge key={x} size="xs" variant="light">{x}</Badge>) : <Text size="xs" c="dimmed">{t('admin.anyTopic')}</Text>}</Group></Table.Td>
                    <Table.Td><Text size="sm">{e.languages.map((l) => l.toUpperCase()).join(', ') || '—'}</Text></Table.Td>
                    <Table.Td><Text size="sm">{e.openConversations} / {e.capacity}</Text></Table.Td>
                    <Table.Td><Badge size="sm" variant="light" color={e.invitation === 'accepted' ? 'teal' : e.invitation === 'expired' ? 'red' : 'gray'}>{t(`admin.invitationState.${e.invitation}`)}</Badge>{e.disabled && <Badge size="sm" color="gray" ml={4}>{t('admin.disabled')}</Badge>}</Table.Td>
                    <Table.Td><Button size="compact-xs" variant="subtle" onClick={() => setEditing(e)}>{t('admin.edit')}</Button></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      {inviting && <InviteModal onClose={() => setInviting(false)} />}
      {editing && <EditExpertModal expert={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function InviteModal(props: { onClose(): void }) {
  const { t } = useTranslation('experts');
  const { t: tc } = useTranslation('common');
  const invite = useInviteExpert();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const contacts = useQuery({ queryKey: ['contacts', 'search', q], queryFn: () => api<Page<Contact>>('/contacts', { query: { q, limit: 20 } }).then((r) => r.items), enabled: q.length > 0 });
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { contactId: '', email: '', topics: [] as string[], languages: [] as string[] },
    validate: {
      contactId: (v) => (v ? null : t('admin.contactRequired')),
      email: (v) => (!v || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('admin.emailInvalid')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      const result = await invite.mutateAsync({ contactId: v.contactId, ...(v.email.trim() ? { email: v.email.trim() } : {}), topics: v.topics, languages: v.languages });
      setInvitation(result.invitation);
      notifications.show({ message: t('admin.invited', { name: result.expert.name }), color: 'teal' });
    } catch (err) {
      setFormError(applyServerError(form, err, { conflict: 'contactId' }));
    }
  });
  return (
    <Modal opened onClose={props.onClose} title={t('admin.inviteTitle')} size="lg">
      {invitation ? (
        <Stack>
          <Text size="sm">{invitation.emailed ? t('admin.linkEmailed') : t('admin.linkToSend')}</Text>
          <CopyField value={invitation.url} label={t('admin.link')} />
          <Group justify="flex-end"><Button onClick={props.onClose}>{tc('actions.close')}</Button></Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Select label={t('admin.contact')} description={t('admin.contactHelp')} searchable required searchValue={search} onSearchChange={setSearch}
              data={(contacts.data ?? []).map((c) => ({ value: c.id, label: `${c.name ?? '—'}${c.email ? ` <${c.email}>` : ''}` }))}
              nothingFoundMessage={q ? t('admin.noContact') : t('admin.typeToSearch')} filter={({ options }) => options}
              {...form.getInputProps('contactId')} data-testid="invite-contact" />
            <TextInput label={t('admin.email')} description={t('admin.emailHelp')} {...form.getInputProps('email')} />
            <TagsInput label={t('admin.topics')} description={t('admin.topicsHelp')} {...form.getInputProps('topics')} />
            <MultiSelect label={t('admin.languages')} data={LANGUAGES.map((l) => ({ value: l, label: tc(`languages.${l}`) }))} {...form.getInputProps('languages')} />
            {formError && <Alert color="red" role="alert">{formError}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={props.onClose}>{tc('actions.cancel')}</Button>
              <Button type="submit" loading={invite.isPending} data-testid="invite-submit">{t('admin.sendInvite')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function EditExpertModal(props: { expert: Expert; onClose(): void }) {
  const { t } = useTranslation('experts');
  const { t: tc } = useTranslation('common');
  const update = useUpdateExpert();
  const [formError, setFormError] = useState<string | null>(null);
  const e = props.expert;
  const form = useForm({
    mode: 'controlled',
    initialValues: { topics: e.topics, languages: e.languages, capacity: e.capacity as number | string, disabled: e.disabled ? 'yes' : 'no' },
    validate: { capacity: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 500 ? null : t('admin.capacityInvalid')) },
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      await update.mutateAsync({ id: e.id, patch: { topics: v.topics, languages: v.languages, capacity: v.capacity as number, disabled: v.disabled === 'yes' } });
      notifications.show({ message: t('admin.saved', { name: e.name }), color: 'teal' });
      props.onClose();
    } catch (err) {
      setFormError(applyServerError(form, err));
    }
  });
  return (
    <Modal opened onClose={props.onClose} title={t('admin.editTitle', { name: e.name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TagsInput label={t('admin.topics')} description={t('admin.topicsHelp')} {...form.getInputProps('topics')} />
          <MultiSelect label={t('admin.languages')} data={LANGUAGES.map((l) => ({ value: l, label: tc(`languages.${l}`) }))} {...form.getInputProps('languages')} />
          <NumberInput label={t('admin.capacity')} description={t('admin.capacityHelp')} min={0} max={500} {...form.getInputProps('capacity')} />
          <Select label={t('admin.account')} allowDeselect={false} data={[{ value: 'no', label: t('admin.active') }, { value: 'yes', label: t('admin.disabled') }]} {...form.getInputProps('disabled')} />
          {formError && <Alert color="red" role="alert">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{tc('actions.cancel')}</Button>
            <Button type="submit" loading={update.isPending}>{tc('actions.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
