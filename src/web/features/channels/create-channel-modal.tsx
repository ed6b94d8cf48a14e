import { useState } from 'react';
import { Alert, Button, Checkbox, Group, JsonInput, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CHANNEL_TYPES, type ChannelType } from '../../lib/api/types.ts';
import { applyServerError } from '../../lib/forms/server-errors.ts';
import { useCreateChannel } from './channels-api.ts';

export function CreateChannelModal(props: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation('channels');
  const { t: tc } = useTranslation('common');
  const create = useCreateChannel();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { type: 'chat' as ChannelType, name: '', isPublic: false, settings: '' },
    validate: {
      name: (v) => (v.trim().length === 0 ? t('nameRequired') : v.trim().length > 100 ? '≤ 100' : null),
      settings: (v) => {
        if (!v.trim()) return null;
        try {
          const parsed: unknown = JSON.parse(v);
          return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? null : t('settingsObject');
        } catch (err) {
          return t('settingsInvalid', { message: (err as Error).message });
        }
      },
    },
  });
  const close = () => {
    form.reset();
    setFormError(null);
    props.onClose();
  };
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const channel = await create.mutateAsync({
        type: values.type, name: values.name.trim(), isPublic: values.isPublic,
        ...(values.settings.trim() ? { settings: JSON.parse(values.settings) as Record<string, unknown> } : {}),
      });
      notifications.show({ message: t('createdToast', { name: channel.name }), color: 'teal' });
      close();
    } catch (err) {
      setFormError(applyServerError(form, err));
    }
  });
  return (
    <Modal opened={props.opened} onClose={close} title={t('add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select label={t('type')} data={CHANNEL_TYPES.map((c) => ({ value: c, label: tc(`channels.${c}`) }))} allowDeselect={false}
            {...form.getInputProps('type')} data-testid="channel-type" />
          <TextInput label={t('name')} required maxLength={100} {...form.getInputProps('name')} data-testid="channel-name" data-autofocus />
          <Checkbox label={t('isPublic')} {...form.getInputProps('isPublic', { type: 'checkbox' })} />
          <JsonInput label={t('settings')} description={t('settingsHelp')} autosize minRows={4} maxRows={14} formatOnBlur
            {...form.getInputProps('settings')} data-testid="channel-settings" />
          {formError && <Alert color="red" role="alert">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{tc('actions.cancel')}</Button>
            <Button type="submit" loading={create.isPending} data-testid="channel-submit">{tc('actions.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
