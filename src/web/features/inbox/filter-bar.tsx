// The inbox's filters and views: built-in and saved views as chips, then one select per filter.
import { useState } from 'react';
import { ActionIcon, Button, Chip, CloseButton, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../lib/ui/icons.tsx';
import { useChannels, useTeams, useUsers } from '../../lib/api/directory.ts';
import { LANGUAGES, SEVERITIES, STATUSES } from '../../lib/api/types.ts';
import { sameFilters, type FilterKey, type InboxFilters } from './inbox-filters.ts';
import { BUILT_IN_VIEWS, useSavedViews } from './saved-views.ts';

export function FilterBar(props: { filters: InboxFilters; onChange(filters: InboxFilters): void }) {
  const { t } = useTranslation('inbox');
  const { t: tc } = useTranslation('common');
  const { data: channels = [] } = useChannels();
  const { data: users = [] } = useUsers();
  const { data: teams = [] } = useTeams();
  const saved = useSavedViews();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const set = (key: FilterKey, value: string | null) => props.onChange({ ...props.filters, [key]: value ?? undefined });
  const any = { value: '', label: t('filters.any') };

  const views = [...BUILT_IN_VIEWS.map((v) => ({ ...v, label: t(`views.${v.name}`) })), ...saved.views.map((v) => ({ ...v, label: v.name }))];

  return (
    <Stack gap="xs" p="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Group gap={6} role="group" aria-label={t('views.label')} wrap="wrap">
        {views.map((v) => (
          <Group key={v.id} gap={0} wrap="nowrap">
            <Chip size="xs" checked={sameFilters(v.filters, props.filters)} onChange={() => props.onChange(v.filters)} data-testid={`view-${v.id}`}>
              {v.label}
            </Chip>
            {!v.builtIn && <CloseButton size="xs" aria-label={t('views.delete', { name: v.label })} onClick={() => saved.remove(v.id)} />}
          </Group>
        ))}
        <ActionIcon size="sm" variant="subtle" aria-label={t('views.save')} title={t('views.save')} onClick={() => { setName(''); setNameError(null); setNaming(true); }}><PlusIcon /></ActionIcon>
      </Group>
      <SimpleGrid cols={3} spacing={6} verticalSpacing={6}>
        <Select size="xs" label={t('filters.status')} value={props.filters.status ?? ''} onChange={(v) => set('status', v || null)}
          data={[any, ...STATUSES.map((s) => ({ value: s, label: tc(`status.${s}`) }))]} allowDeselect={false} />
        <Select size="xs" label={t('filters.level')} value={props.filters.level ?? ''} onChange={(v) => set('level', v || null)}
          data={[any, ...[1, 2, 3].map((l) => ({ value: String(l), label: tc('level', { level: l }) }))]} allowDeselect={false} />
        <Select size="xs" label={t('filters.severity')} value={props.filters.severity ?? ''} onChange={(v) => set('severity', v || null)}
          data={[any, ...SEVERITIES.map((s) => ({ value: s, label: tc(`severity.${s}`) }))]} allowDeselect={false} />
        <Select size="xs" label={t('filters.channel')} value={props.filters.channelId ?? ''} onChange={(v) => set('channelId', v || null)}
          data={[any, ...channels.map((c) => ({ value: c.id, label: c.name }))]} allowDeselect={false} searchable />
        <Select size="xs" label={t('filters.language')} value={props.filters.language ?? ''} onChange={(v) => set('language', v || null)}
          data={[any, ...LANGUAGES.map((l) => ({ value: l, label: tc(`languages.${l}`) }))]} allowDeselect={false} />
        <Select size="xs" label={t('filters.assignee')} value={props.filters.assigneeId ?? ''} onChange={(v) => set('assigneeId', v || null)}
          data={[any, { value: 'me', label: t('filters.me') }, { value: 'none', label: t('filters.none') },
            ...users.filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name }))]} allowDeselect={false} searchable />
        <Select size="xs" label={t('filters.team')} value={props.filters.teamId ?? ''} onChange={(v) => set('teamId', v || null)}
          data={[any, ...teams.map((x) => ({ value: x.id, label: x.name }))]} allowDeselect={false} searchable data-testid="filter-team" />
        <Select size="xs" label={t('filters.slaState')} value={props.filters.slaState ?? ''} onChange={(v) => set('slaState', v || null)}
          data={[any, ...(['ok', 'warning', 'breached'] as const).map((s) => ({ value: s, label: tc(`slaStates.${s}`) }))]} allowDeselect={false} data-testid="filter-sla" />
      </SimpleGrid>
      {Object.keys(props.filters).length > 0 && (
        <Button size="compact-xs" variant="subtle" onClick={() => props.onChange({})} style={{ alignSelf: 'flex-start' }}>{t('filters.clear')}</Button>
      )}
      <Modal opened={naming} onClose={() => setNaming(false)} title={t('views.saveTitle')}>
        <form noValidate onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return setNameError(t('views.nameRequired'));
          saved.save(name.trim(), props.filters);
          setNaming(false);
        }}>
          <Stack>
            <TextInput label={t('views.name')} value={name} onChange={(e) => { setName(e.currentTarget.value); setNameError(null); }} error={nameError} data-autofocus maxLength={60} required />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setNaming(false)}>{tc('actions.cancel')}</Button>
              <Button type="submit">{tc('actions.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
