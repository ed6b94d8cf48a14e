// Crisis alerts, impossible to miss: a red banner above every page for the core team, announced to screen
// readers (role="alert"), counted in the tab's title, until someone acknowledges each one. Other alerts
// (a response-time target about to be or already missed, a conversation with no queue) get a calmer orange
// line: ten late replies must not bury a suicide threat.
import { useEffect } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatShort } from '../../lib/ui/format.ts';
import { useAcknowledgeAlert, useOpenAlerts } from './alerts-api.ts';

const SHOWN = 3;

export function CrisisBanner() {
  const { t } = useTranslation('alerts');
  const { data: open = [] } = useOpenAlerts();
  const acknowledge = useAcknowledgeAlert();
  const alerts = open.filter((a) => a.kind === 'crisis');
  const others = open.filter((a) => a.kind !== 'crisis');

  useEffect(() => {
    const base = 'Relais';
    document.title = alerts.length > 0 ? `(${alerts.length}) ⚠ ${base}` : base;
  }, [alerts.length]);

  const calm = others.length === 0 ? null : (
    <Alert color="orange" variant="light" radius={0} data-testid="other-alerts" py={6}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" style={{ flex: 1, minWidth: 200 }} lineClamp={1}>
          <strong>{t('otherCount', { count: others.length })}</strong> · {t(`kind.${others[0]!.kind}`, { defaultValue: others[0]!.kind })}: {others[0]!.summary}
        </Text>
        <Group gap="xs">
          <Button component={Link} href={`/inbox/${others[0]!.conversationId}`} size="xs" variant="light" color="orange">{t('open')}</Button>
          <Button size="xs" variant="subtle" color="orange" loading={acknowledge.isPending && acknowledge.variables === others[0]!.id}
            onClick={() => acknowledge.mutate(others[0]!.id)}>{t('acknowledge')}</Button>
        </Group>
      </Group>
    </Alert>
  );
  if (alerts.length === 0) return calm;
  return (
    <>
    <Alert color="red" variant="filled" radius={0} role="alert" data-testid="crisis-banner"
      title={t('bannerCount', { count: alerts.length })}>
      <Stack gap={6}>
        {alerts.slice(0, SHOWN).map((alert) => (
          <Group key={alert.id} justify="space-between" wrap="wrap" gap="xs" data-testid="crisis-alert">
            <Text size="sm" c="white" style={{ flex: 1, minWidth: 200 }} lineClamp={2}>
              <strong>{formatShort(alert.createdAt)}</strong> · {alert.summary}
            </Text>
            <Group gap="xs">
              <Button component={Link} href={`/inbox/${alert.conversationId}`} size="xs" variant="white" color="red">{t('open')}</Button>
              <Button size="xs" variant="outline" color="white" loading={acknowledge.isPending && acknowledge.variables === alert.id}
                onClick={() => acknowledge.mutate(alert.id)}>{t('acknowledge')}</Button>
            </Group>
          </Group>
        ))}
        {alerts.length > SHOWN && <Text size="sm" c="white">{t('more', { count: alerts.length - SHOWN })}</Text>}
      </Stack>
    </Alert>
    {calm}
    </>
  );
}
