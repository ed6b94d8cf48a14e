// One routing rule: its conditions on the triage result, the channel and the contact, and where it sends.
import { useState } from 'react';
import { Alert, Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CHANNEL_TYPES, SEVERITIES, type Team } from '../../lib/api/types.ts';
import { applyServerError } from '../../lib/forms/server-errors.ts';
import { useSaveRule, type RoutingRule, type RuleConditions, type RuleInput } from './routing-api.ts';

const FLAGS = ['reputation_risk', 'sales_signal', 'confidential', 'spam'];
const TARGETS = ['level2', 'level3', 'team', 'auto_answer'] as const;
type T = (key: string, options?: Record<string, unknown>) => string;

export function describeConditions(c: RuleConditions, t: T, tc: T): string {
  const parts: string[] = [];
  if (c.intents) parts.push(t('rules.c.intents', { list: c.intents.join(', ') }));
  if (c.severities) parts.push(t('rules.c.severities', { list: c.severities.map((s) => tc(`severity.${s}`)).join(', ') }));
  if (c.languages) parts.push(t('rules.c.languages', { list: c.languages.join(', ').toUpperCase() }));
  if (c.channelTypes) parts.push(t('rules.c.channels', { list: c.channelTypes.map((x) => tc(`channels.${x}`)).join(', ') }));
  if (c.visibility) parts.push(t(`rules.c.${c.visibility}`));
  if (c.flags) parts.push(t('rules.c.flags', { list: c.flags.join(', ') }));
  if (c.segments) parts.push(t('rules.c.segments', { list: c.segments.join(', ') }));
  return parts.join(' · ');
}

const orUndefined = <V,>(list: V[]) => (list.length > 0 ? list : undefined);

export function RuleModal(props: { rule: RoutingRule | null; teams: Team[]; onClose(): void }) {
  const { t } = useTranslation('routing');
  const { t: tc } = useTranslation('common');
  const save = useSaveRule();
  const [formError, setFormError] = useState<string | null>(null);
  const r = props.rule;
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: r?.name ?? '', enabled: r?.enabled ?? true, position: (r?.position ?? '') as number | string,
      conditions: {
        intents: r?.conditions.intents ?? [], severities: r?.conditions.severities ?? [], languages: r?.conditions.languages ?? [],
        channelTypes: r?.conditions.channelTypes ?? [], visibility: r?.conditions.visibility ?? '', flags: r?.conditions.flags ?? [], segments: r?.conditions.segments ?? [],
      },
      action: { target: r?.action.target ?? 'level3', teamId: r?.action.teamId ?? '', priority: (r?.action.priority ?? '') as number | string },
    },
    validate: {
      name: (v) => (v.trim() ? null : t('rules.nameRequired')),
      action: {
        teamId: (v, all) => (all.action.target === 'team' && !v ? t('rules.teamRequired') : null),
        priority: (v) => (v === '' || (typeof v === 'number' && v >= 0 && v <= 4) ? null : t('rules.priorityInvalid')),
      },
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    const c = v.conditions;
    const rule: RuleInput = {
      name: v.name.trim(), enabled: v.enabled,
      ...(typeof v.position === 'number' ? { position: v.position } : {}),
      conditions: Object.fromEntries(Object.entries({
        intents: orUndefined(c.intents), severities: orUndefined(c.severities), languages: orUndefined(c.languages), channelTypes: orUndefined(c.channelTypes),
        visibility: c.visibility || undefined, flags: orUndefined(c.flags), segments: orUndefined(c.segments),
      }).filter(([, x]) => x !== undefined)) as RuleConditions,
      action: { target: v.action.target, ...(v.action.target === 'team' ? { teamId: v.action.teamId } : {}), ...(typeof v.action.priority === 'number' ? { priority: v.action.priority } : {}) },
    };
    try {
      await save.mutateAsync({ id: r?.id, rule });
      notifications.show({ message: t('rules.saved', { name: rule.name }), color: 'teal' });
      props.onClose();
    } catch (err) {
      // A conflict with another rule is about where this one sends; a confidential topic is about its intents.
      setFormError(applyServerError(form, err, { conflict: 'action.target', validation_failed: 'conditions.intents' }));
    }
  });
  const multi = (values: readonly string[], label: (v: string) => string) => values.map((v) => ({ value: v, label: label(v) }));
  return (
    <Modal opened onClose={props.onClose} title={r ? r.name : t('rules.add')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group grow align="flex-start">
            <TextInput label={t('rules.name')} required maxLength={200} {...form.getInputProps('name')} data-testid="rule-name" data-autofocus />
            <NumberInput label={t('rules.position')} description={t('rules.positionHelp')} min={0} {...form.getInputProps('position')} />
          </Group>
          <Switch label={t('rules.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
          <SimpleGrid cols={2}>
            <TagsInput label={t('rules.intents')} description={t('rules.intentsHelp')} {...form.getInputProps('conditions.intents')} data-testid="rule-intents" />
            <MultiSelect label={t('rules.severities')} data={multi(SEVERITIES, (s) => tc(`severity.${s}`))} {...form.getInputProps('conditions.severities')} />
            <MultiSelect label={t('rules.languages')} data={multi(['fr', 'en', 'other'], (l) => l.toUpperCase())} {...form.getInputProps('conditions.languages')} />
            <MultiSelect label={t('rules.channels')} data={multi(CHANNEL_TYPES, (c) => tc(`channels.${c}`))} {...form.getInputProps('conditions.channelTypes')} />
            <Select label={t('rules.visibility')} allowDeselect={false} data={[{ value: '', label: t('rules.anyVisibility') }, { value: 'public', label: t('rules.c.public') }, { value: 'private', label: t('rules.c.private') }]} {...form.getInputProps('conditions.visibility')} />
            <MultiSelect label={t('rules.flags')} data={multi(FLAGS, (f) => f)} {...form.getInputProps('conditions.flags')} />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            <Select label={t('rules.target')} allowDeselect={false} data={TARGETS.map((x) => ({ value: x, label: t(`rules.targets.${x}`) }))} {...form.getInputProps('action.target')} data-testid="rule-target" />
            <Select label={t('rules.team')} disabled={form.values.action.target !== 'team'} allowDeselect={false}
              data={[{ value: '', label: '—' }, ...props.teams.map((x) => ({ value: x.id, label: x.name }))]} {...form.getInputProps('action.teamId')} data-testid="rule-team" />
            <NumberInput label={t('rules.priority')} description={t('rules.priorityHelp')} min={0} max={4} {...form.getInputProps('action.priority')} />
          </SimpleGrid>
          {formError && <Alert color="red" role="alert">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{tc('actions.cancel')}</Button>
            <Button type="submit" loading={save.isPending} data-testid="rule-save">{tc('actions.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
