// Organization settings this pass covers: triage (automatic answers) and crisis alerts. The pyramid and
// response-time sections get their screens with the routing and SLA APIs (second pass).
import { useState } from 'react';
import { Alert, Button, Fieldset, Group, NumberInput, PasswordInput, Stack, Switch, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { OrgSettings } from '../../lib/api/types.ts';
import { applyServerError } from '../../lib/forms/server-errors.ts';
import { QueryState } from '../../lib/ui/query-state.tsx';
import { useSaveSettings, useSettings } from './settings-api.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function SettingsPage() {
  const settings = useSettings();
  if (!settings.data) return <QueryState isLoading={settings.isPending} error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SettingsForm settings={settings.data} />;
}

const emailList = (text: string) => text.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean);

function SettingsForm(props: { settings: OrgSettings }) {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation('common');
  const save = useSaveSettings();
  const [formError, setFormError] = useState<string | null>(null);
  const s = props.settings;
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      triage: {
        autoAnswerEnabled: s.triage.autoAnswerEnabled,
        targetPrecision: s.triage.targetPrecision as number | string,
        autoAnswerThreshold: (s.triage.autoAnswerThreshold ?? '') as number | string,
        reputationFollowers: s.triage.reputationFollowers as number | string,
      },
      alerts: { webhookUrl: s.alerts.webhookUrl ?? '', webhookSecret: s.alerts.webhookSecret ?? '', emails: s.alerts.emails.join('\n') },
    },
    validate: {
      triage: {
        targetPrecision: (v) => (typeof v === 'number' && v >= 0.5 && v <= 1 ? null : t('triage.between', { min: 0.5, max: 1 })),
        autoAnswerThreshold: (v) => (v === '' || (typeof v === 'number' && v >= 0 && v <= 1) ? null : t('triage.between', { min: 0, max: 1 })),
        reputationFollowers: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? null : t('triage.wholeNumber')),
      },
      alerts: {
        webhookUrl: (v) => {
          if (!v.trim()) return null;
          try {
            return /^https?:$/.test(new URL(v.trim()).protocol) ? null : t('alerts.urlInvalid');
          } catch {
            return t('alerts.urlInvalid');
          }
        },
        webhookSecret: (v) => (v === '' || v.length >= 16 ? null : t('alerts.secretShort')),
        emails: (v) => {
          const list = emailList(v);
          if (list.length > 20) return t('alerts.tooMany');
          const bad = list.find((e) => !EMAIL.test(e));
          return bad ? t('alerts.emailInvalid', { email: bad }) : null;
        },
      },
    },
  });

  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      await save.mutateAsync({
        triage: {
          autoAnswerEnabled: v.triage.autoAnswerEnabled,
          targetPrecision: Number(v.triage.targetPrecision),
          autoAnswerThreshold: v.triage.autoAnswerThreshold === '' ? null : Number(v.triage.autoAnswerThreshold),
          reputationFollowers: Number(v.triage.reputationFollowers),
        },
        alerts: { webhookUrl: v.alerts.webhookUrl.trim() || null, webhookSecret: v.alerts.webhookSecret || null, emails: emailList(v.alerts.emails) },
      });
      form.resetDirty();
      notifications.show({ message: t('saved'), color: 'teal' });
    } catch (err) {
      setFormError(applyServerError(form, err));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack p="lg" maw={760}>
        <Title order={1} size="h2">{t('title')}</Title>
        <Fieldset legend={t('triage.title')}>
          <Stack>
            <Switch label={t('triage.autoAnswerEnabled')} {...form.getInputProps('triage.autoAnswerEnabled', { type: 'checkbox' })} />
            <NumberInput label={t('triage.targetPrecision')} description={t('triage.targetPrecisionHelp')} step={0.01} decimalScale={3}
              {...form.getInputProps('triage.targetPrecision')} data-testid="target-precision" />
            <NumberInput label={t('triage.autoAnswerThreshold')} description={t('triage.autoAnswerThresholdHelp')} step={0.01} decimalScale={3}
              {...form.getInputProps('triage.autoAnswerThreshold')} />
            <NumberInput label={t('triage.reputationFollowers')} step={100} allowDecimal={false} {...form.getInputProps('triage.reputationFollowers')} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('alerts.title')}>
          <Stack>
            <TextInput label={t('alerts.webhookUrl')} description={t('alerts.webhookUrlHelp')} type="url" {...form.getInputProps('alerts.webhookUrl')} data-testid="alerts-webhook-url" />
            <PasswordInput label={t('alerts.webhookSecret')} description={t('alerts.webhookSecretHelp')} autoComplete="off" {...form.getInputProps('alerts.webhookSecret')} />
            <Textarea label={t('alerts.emails')} description={t('alerts.emailsHelp')} autosize minRows={2} {...form.getInputProps('alerts.emails')} />
          </Stack>
        </Fieldset>
        {formError && <Alert color="red" role="alert">{formError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>{tc('actions.cancel')}</Button>
          <Button type="submit" loading={save.isPending} data-testid="settings-save">{tc('actions.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
