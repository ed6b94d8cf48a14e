// The support model: the strategy preset (who answers first), the topics only the core team may see, the
// personal data experts may see, and the brand's target time to decide on a provider's approval request.
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, NumberInput, Radio, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api/api-client.ts';
import { PRESETS, REDACTABLE_FIELDS, type OrgSettings, type Preset } from '../../lib/api/types.ts';
import { applyServerError } from '../../lib/forms/server-errors.ts';
import { QueryState } from '../../lib/ui/query-state.tsx';

type Pyramid = { preset: Preset; confidentialTopics: string[]; expertVisibleFields: string[]; approvalTargetMinutes: number };
export const SETTINGS_KEY = ['settings'] as const;

export function useSettingsSection<S>(section: string) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api<OrgSettings>('/settings') });
  const save = useMutation({
    mutationFn: (value: Partial<S>) => api<OrgSettings>('/settings', { method: 'PATCH', body: { [section]: value } }),
    onSuccess: (settings) => {
      client.setQueryData(SETTINGS_KEY, settings);
      void client.invalidateQueries({ queryKey: ['routing', 'rules'] });
    },
  });
  return { query, section: query.data?.[section] as S | undefined, save };
}

export function PyramidSettingsPage() {
  const { query, section } = useSettingsSection<Pyramid>('pyramid');
  if (!section) return <QueryState isLoading={query.isPending} error={query.error} onRetry={() => void query.refetch()} />;
  return <PyramidForm pyramid={section} />;
}

function PyramidForm(props: { pyramid: Pyramid }) {
  const { t } = useTranslation('routing');
  const { t: tc } = useTranslation('common');
  const { save } = useSettingsSection<Pyramid>('pyramid');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { ...props.pyramid, approvalTargetMinutes: props.pyramid.approvalTargetMinutes as number | string },
    validate: { approvalTargetMinutes: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 10_080 ? null : t('pyramid.approvalInvalid')) },
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      await save.mutateAsync({ ...v, approvalTargetMinutes: v.approvalTargetMinutes as number });
      form.resetDirty();
      notifications.show({ message: t('pyramid.saved'), color: 'teal' });
    } catch (err) {
      setFormError(applyServerError(form, err));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack p="lg" maw={800}>
        <Title order={1} size="h2">{t('pyramid.title')}</Title>
        <Radio.Group label={t('pyramid.preset')} description={t('pyramid.presetHelp')} {...form.getInputProps('preset')}>
          <Stack gap="xs" mt="xs">
            {PRESETS.map((p) => <Radio key={p} value={p} data-testid={`preset-${p}`} label={<><Text span fw={600} size="sm">{t(`presets.${p}.name`)}</Text><Text size="xs" c="dimmed">{t(`presets.${p}.help`)}</Text></>} />)}
          </Stack>
        </Radio.Group>
        <TagsInput label={t('pyramid.confidential')} description={t('pyramid.confidentialHelp')} {...form.getInputProps('confidentialTopics')} data-testid="confidential-topics" />
        <Checkbox.Group label={t('pyramid.visible')} description={t('pyramid.visibleHelp')} {...form.getInputProps('expertVisibleFields')}>
          <Group mt="xs">{REDACTABLE_FIELDS.map((f) => <Checkbox key={f} value={f} label={t(`pyramid.fields.${f}`)} />)}</Group>
        </Checkbox.Group>
        <NumberInput label={t('pyramid.approvalTarget')} description={t('pyramid.approvalHelp')} min={1} max={10_080} w={240} {...form.getInputProps('approvalTargetMinutes')} />
        {formError && <Alert color="red" role="alert">{formError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>{tc('actions.cancel')}</Button>
          <Button type="submit" loading={save.isPending} data-testid="pyramid-save">{tc('actions.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
