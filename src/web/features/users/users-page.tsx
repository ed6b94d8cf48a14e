// People of the organization: add one, change a role, their routing skills (topics, languages, capacity),
// disable or enable an account. Teams have their own screen (features/routing).
import { useState } from 'react';
import { Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../lib/api/directory.ts';
import { ROLES, type Role } from '../../lib/api/types.ts';
import { useCurrentUser } from '../../lib/session/session.ts';
import { QueryState, errorMessage } from '../../lib/ui/query-state.tsx';
import { CreateUserModal } from './create-user-modal.tsx';
import { SkillsModal } from './skills-modal.tsx';
import type { User } from '../../lib/api/types.ts';
import { useUpdateUser } from './users-api.ts';

export function UsersPage() {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation('common');
  const me = useCurrentUser();
  const users = useUsers();
  const update = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [skills, setSkills] = useState<User | null>(null);
  const change = (id: string, patch: Parameters<typeof update.mutate>[0]['patch'], done?: string) =>
    update.mutate({ id, patch }, {
      onSuccess: () => done && notifications.show({ message: done, color: 'teal' }),
      onError: (err) => notifications.show({ message: errorMessage(err, tc), color: 'red' }),
    });
  return (
    <Stack p="lg" maw={1100}>
      <Group justify="space-between">
        <Title order={1} size="h2">{t('title')}</Title>
        <Button onClick={() => setCreating(true)} data-testid="add-user">{t('add')}</Button>
      </Group>
      {!users.data
        ? <QueryState isLoading={users.isPending} error={users.error} onRetry={() => void users.refetch()} />
        : (
          <Table.ScrollContainer minWidth={700}>
            <Table verticalSpacing="xs" data-testid="users-table">
              <Table.Thead>
                <Table.Tr><Table.Th>{t('name')}</Table.Th><Table.Th>{t('email')}</Table.Th><Table.Th>{t('role')}</Table.Th><Table.Th>{t('skills.column')}</Table.Th><Table.Th>{t('status')}</Table.Th><Table.Th /></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td><Text size="sm" fw={500}>{u.name}{u.id === me.id && <Text span c="dimmed" size="xs"> ({t('you')})</Text>}</Text></Table.Td>
                    <Table.Td><Text size="sm">{u.email}</Text></Table.Td>
                    <Table.Td>
                      <Select size="xs" w={180} aria-label={`${t('role')} — ${u.name}`} allowDeselect={false} disabled={u.id === me.id}
                        value={u.role} data={ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
                        onChange={(v) => v && v !== u.role && change(u.id, { role: v as Role }, t('roleChanged', { name: u.name, role: tc(`roles.${v}`) }))} />
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" onClick={() => setSkills(u)} aria-label={t('skills.title', { name: u.name })}>
                        {[u.topics.length ? u.topics.slice(0, 2).join(', ') + (u.topics.length > 2 ? '…' : '') : t('skills.anyTopic'), u.languages.map((l) => l.toUpperCase()).join('/'), `≤ ${u.capacity}`].filter(Boolean).join(' · ')}
                      </Button>
                    </Table.Td>
                    <Table.Td>{u.disabled ? <Badge color="gray" variant="light">{t('disabled')}</Badge> : <Badge color="teal" variant="light">{t('active')}</Badge>}</Table.Td>
                    <Table.Td>
                      {u.id !== me.id && (
                        <Button size="compact-xs" variant="subtle" color={u.disabled ? 'blue' : 'red'} onClick={() => change(u.id, { disabled: !u.disabled })}>
                          {u.disabled ? t('enable') : t('disable')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      {skills && <SkillsModal user={skills} onClose={() => setSkills(null)} />}
    </Stack>
  );
}
