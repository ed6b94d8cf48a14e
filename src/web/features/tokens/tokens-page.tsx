// API tokens: list, create (the secret is shown once, to copy), revoke with confirmation.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../lib/api/directory.ts';
import { applyServerError } from '../../lib/forms/server-errors.ts';
import { CopyField } from '../../lib/ui/copy-field.tsx';
import { formatDateTime } from '../../lib/ui/format.ts';
import { QueryState, errorMessage } from '../../lib/ui/query-state.tsx';
import type { ApiToken } from '../../lib/api/types.ts';
import { useCreateToken, useRevokeToken, useTokens } from './tokens-api.ts';

export function TokensPage() {
  const { t } = useTranslation('tokens');
  const { t: tc } = useTranslation('common');
  const tokens = useTokens();
  const { data: users = [] } = useUsers();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { userId: '', name: '' },
    validate: {
      userId: (v) => (v ? null : t('userRequired')),
      name: (v) => (v.trim() ? null : t('nameRequired')),
    },
  });
  const userName = (id: string) => users.find((u) => u.id === id)?.name ?? id;
  const closeCreate = () => {
    form.reset();
    setFormError(null);
    setCreating(false);
  };
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      const created = await create.mutateAsync({ userId: v.userId, name: v.name.trim() });
      closeCreate();
      setSecret(created.token);
    } catch (err) {
      setFormError(applyServerError(form, err, { not_found: 'userId' }));
    }
  });

  return (
    <Stack p="lg" maw={1100}>
      <Group justify="space-between">
        <Title order={1} size="h2">{t('title')}</Title>
        <Button onClick={() => setCreating(true)} data-testid="add-token">{t('add')}</Button>
      </Group>
      <Text size="sm" c="dimmed">{t('intro')}</Text>
      {!tokens.data
        ? <QueryState isLoading={tokens.isPending} error={tokens.error} onRetry={() => void tokens.refetch()} />
        : tokens.data.length === 0
          ? <Text c="dimmed">{t('empty')}</Text>
          : (
            <Table.ScrollContainer minWidth={600}>
              <Table verticalSpacing="xs" data-testid="tokens-table">
                <Table.Thead>
                  <Table.Tr><Table.Th>{t('name')}</Table.Th><Table.Th>{t('user')}</Table.Th><Table.Th>{t('lastUsed')}</Table.Th><Table.Th>{t('created')}</Table.Th><Table.Th /></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tokens.data.map((tok) => (
                    <Table.Tr key={tok.id}>
                      <Table.Td>{tok.name}</Table.Td>
                      <Table.Td>{userName(tok.userId)}</Table.Td>
                      <Table.Td>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt) : t('never')}</Table.Td>
                      <Table.Td>{formatDateTime(tok.createdAt)}</Table.Td>
                      <Table.Td><Button size="compact-xs" variant="subtle" color="red" onClick={() => setRevoking(tok)}>{t('revoke')}</Button></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}

      <Modal opened={creating} onClose={closeCreate} title={t('add')}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Select label={t('user')} required searchable data={users.filter((u) => !u.disabled).map((u) => ({ value: u.id, label: `${u.name} (${tc(`roles.${u.role}`)})` }))}
              {...form.getInputProps('userId')} data-testid="token-user" />
            <TextInput label={t('name')} required maxLength={100} {...form.getInputProps('name')} data-testid="token-name" />
            {formError && <Alert color="red" role="alert">{formError}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={closeCreate}>{tc('actions.cancel')}</Button>
              <Button type="submit" loading={create.isPending} data-testid="token-submit">{tc('actions.create')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <Modal opened={secret !== null} onClose={() => setSecret(null)} title={t('newToken')} closeOnClickOutside={false}>
        <Stack>
          <Alert color="yellow">{t('newTokenHelp')}</Alert>
          {secret && <CopyField label={t('token')} value={secret} testId="new-token" />}
          <Button onClick={() => setSecret(null)} style={{ alignSelf: 'flex-end' }}>{tc('actions.close')}</Button>
        </Stack>
      </Modal>

      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('revoke')}>
        <Stack>
          <Text size="sm">{t('revokeConfirm', { name: revoking?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>{tc('actions.cancel')}</Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id, {
              onSuccess: () => { setRevoking(null); notifications.show({ message: t('revoked'), color: 'teal' }); },
              onError: (err) => notifications.show({ message: errorMessage(err, tc), color: 'red' }),
            })}>{t('revoke')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
