// A person's routing skills: the topics (intents) and languages they take, and how many open conversations at
// most (assignment skips whoever is full).
import { useState } from 'react';
import { Alert, Button, Group, Modal, MultiSelect, NumberInput, Stack, TagsInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type User } from '../../lib/api/types.ts';
import { applyServerError } from '../../lib/forms/server-errors.ts';
import { useUpdateUser } from './users-api.ts';

export function SkillsModal(props: { user: User; onClose(): void }) {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation('common');
  const update = useUpdateUser();
  const [formError, setFormError] = useState<string | null>(null);
  const u = props.user;
  const form = useForm({
    mode: 'controlled',
    initialValues: { topics: u.topics, languages: u.languages, capacity: u.capacity as number | string },
    validate: { capacity: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1000 ? null : t('skills.capacityInvalid')) },
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      await update.mutateAsync({ id: u.id, patch: { topics: v.topics, languages: v.languages, capacity: v.capacity as number } });
      notifications.show({ message: t('skills.saved', { name: u.name }), color: 'teal' });
      props.onClose();
    } catch (err) {
      setFormError(applyServerError(form, err));
    }
  });
  return (
    <Modal opened onClose={props.onClose} title={t('skills.title', { name: u.name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TagsInput label={t('skills.topics')} description={t('skills.topicsHelp')} {...form.getInputProps('topics')} />
          <MultiSelect label={t('skills.languages')} data={LANGUAGES.map((l) => ({ value: l, label: tc(`languages.${l}`) }))} {...form.getInputProps('languages')} />
          <NumberInput label={t('skills.capacity')} description={t('skills.capacityHelp')} min={0} max={1000} {...form.getInputProps('capacity')} />
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
