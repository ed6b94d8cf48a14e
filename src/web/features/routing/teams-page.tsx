// Teams (queues): their level (2: community experts, 3: core team; provider teams are their own), the topics
// and languages they take, and where a conversation goes when nobody in the team can take it (fallback; a
// loop is refused by the server and shown next to the fallback field).
import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, MultiSelect, Select, Stack, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../../lib/api/directory.ts';
import { LANGUAGES, type Team } from '../../lib/api/types.ts';
import { applyServerError } from '../../lib/forms/server-errors.ts';
import { QueryState } from '../../lib/ui/query-state.tsx';
import { useSaveTeam } from './routing-api.ts';

export function TeamsPage() {
  const { t } = useTranslation('routing');
  const { t: tc } = useTranslation('common');
  const teams = useTeams();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const all = teams.data ?? [];
  const name = (id: string | null) => all.find((x) => x.id === id)?.name ?? '—';
  return (
    <Stack p="lg" maw={1100}>
      <Group justify="space-between">
        <Title order={1} size="h2">{t('teams.title')}</Title>
        <Button onClick={() => setEditing('new')} data-testid="add-team">{t('teams.add')}</Button>
      </Group>
      {!teams.data ? <QueryState isLoading={teams.isPending} error={teams.error} onRetry={() => void teams.refetch()} /> : (
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing="xs" data-testid="teams-table">
            <Table.Thead><Table.Tr>
              <Table.Th>{t('teams.name')}</Table.Th><Table.Th>{t('teams.level')}</Table.Th><Table.Th>{t('teams.topics')}</Table.Th>
              <Table.Th>{t('teams.languages')}</Table.Th><Table.Th>{t('teams.fallback')}</Table.Th><Table.Th />
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {all.map((x) => (
                <Table.Tr key={x.id} data-testid="team-row">
                  <Table.Td><Text size="sm" fw={500}>{x.name}</Text>{x.providerOrgId && <Badge size="xs" color="violet" variant="light">{t('teams.provider')}</Badge>}</Table.Td>
                  <Table.Td>{x.level ? tc('level', { level: x.level }) : '—'}</Table.Td>
                  <Table.Td><Group gap={4}>{x.skills.length ? x.skills.map((s) => <Badge key={s} size="xs" variant="light">{s}</Badge>) : <Text size="xs" c="dimmed">{t('teams.any')}</Text>}</Group></Table.Td>
                  <Table.Td><Text size="sm">{x.languages.map((l) => l.toUpperCase()).join(', ') || t('teams.any')}</Text></Table.Td>
                  <Table.Td><Text size="sm">{x.fallbackTeamId ? name(x.fallbackTeamId) : '—'}</Text></Table.Td>
                  <Table.Td><Button size="compact-xs" variant="subtle" onClick={() => setEditing(x)} aria-label={t('teams.editName', { name: x.name })}>{t('teams.edit')}</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <TeamModal team={editing === 'new' ? null : editing} teams={all} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function TeamModal(props: { team: Team | null; teams: Team[]; onClose(): void }) {
  const { t } = useTranslation('routing');
  const { t: tc } = useTranslation('common');
  const save = useSaveTeam();
  const [formError, setFormError] = useState<string | null>(null);
  const x = props.team;
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: x?.name ?? '', level: x?.level ? String(x.level) : '', skills: x?.skills ?? [], languages: x?.languages ?? [], fallbackTeamId: x?.fallbackTeamId ?? '' },
    validate: {
      name: (v) => (v.trim() ? null : t('teams.nameRequired')),
      fallbackTeamId: (v) => (x && v === x.id ? t('teams.fallbackSelf') : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      await save.mutateAsync({ id: x?.id, team: {
        name: v.name.trim(), level: v.level ? (Number(v.level) as 2 | 3) : null, skills: v.skills, languages: v.languages, fallbackTeamId: v.fallbackTeamId || null,
      } });
      notifications.show({ message: t('teams.saved', { name: v.name.trim() }), color: 'teal' });
      props.onClose();
    } catch (err) {
      // A fallback loop is a 409 naming no field: it belongs to the fallback.
      setFormError(applyServerError(form, err, { conflict: 'fallbackTeamId' }));
    }
  });
  return (
    <Modal opened onClose={props.onClose} title={x ? x.name : t('teams.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('teams.name')} required maxLength={200} {...form.getInputProps('name')} data-testid="team-name" data-autofocus />
          <Select label={t('teams.level')} allowDeselect={false} data={[{ value: '', label: t('teams.noLevel') }, { value: '2', label: t('teams.level2') }, { value: '3', label: t('teams.level3') }]}
            {...form.getInputProps('level')} data-testid="team-level" />
          <TagsInput label={t('teams.topics')} description={t('teams.topicsHelp')} {...form.getInputProps('skills')} />
          <MultiSelect label={t('teams.languages')} data={LANGUAGES.map((l) => ({ value: l, label: tc(`languages.${l}`) }))} {...form.getInputProps('languages')} />
          <Select label={t('teams.fallback')} description={t('teams.fallbackHelp')} allowDeselect={false}
            data={[{ value: '', label: t('teams.noFallback') }, ...props.teams.filter((o) => o.id !== x?.id).map((o) => ({ value: o.id, label: o.name }))]}
            {...form.getInputProps('fallbackTeamId')} data-testid="team-fallback" />
          {formError && <Alert color="red" role="alert">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{tc('actions.cancel')}</Button>
            <Button type="submit" loading={save.isPending} data-testid="team-save">{tc('actions.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
