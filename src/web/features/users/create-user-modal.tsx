import { useState } from 'react';
import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../lib/api/types.ts';
import { applyServerError } from '../../lib/forms/server-errors.ts';
import { useCreateUser } from './users-api.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function CreateUserModal(props: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation('common');
  const create = useCreateUser();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', name: '', role: 'agent' as Role, locale: 'fr' as 'fr' | 'en', password: '' },
    validate: {
      email: (v) => (EMAIL.test(v.trim()) ? null : t('emailInvalid')),
      name: (v) => (v.trim() ? null : t('nameRequired')),
      password: (v) => (v === '' || v.length >= 10 ? null : t('passwordShort')),
    },
  });
  const close = () => {
    form.reset();
    setFormError(null);
    props.onClose();
  };
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      const user = await create.mutateAsync({ email: v.email.trim(), name: v.name.trim(), role: v.role, locale: v.locale, ...(v.password ? { password: v.password } : {}) });
      notifications.show({ message: t('created', { name: user.name }), color: 'teal' });
      close();
    } catch (err) {
      // 409: that email is taken.
      setFormError(applyServerError(form, err, { conflict: 'email' }));
    }
  });
  return (
    <Modal opened={props.opened} onClose={close} title={t('add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('email')} type="email" required {...form.getInputProps('email')} data-testid="user-email" data-autofocus />
          <TextInput label={t('name')} required maxLength={200} {...form.getInputProps('name')} data-testid="user-name" />
          <Select label={t('role')} allowDeselect={false} data={ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))} {...form.getInputProps('role')} />
          <Select label={t('language')} allowDeselect={false} data={[{ value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }]} {...form.getInputProps('locale')} />
          <PasswordInput label={t('password')} description={t('passwordHelp')} autoComplete="new-password" {...form.getInputProps('password')} data-testid="user-password" />
          {formError && <Alert color="red" role="alert">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{tc('actions.cancel')}</Button>
            <Button type="submit" loading={create.isPending} data-testid="user-submit">{tc('actions.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
