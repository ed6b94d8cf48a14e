// "Why is this here": the reasons triage gave for its decision on the latest customer message (level, flags).
// The routing reasons of the pyramid (GET /api/conversations/{id}/routing) join them in the second pass.
import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MessageTriage } from '../../lib/api/types.ts';

export function WhyHere(props: { triage: MessageTriage | null }) {
  const { t } = useTranslation('conversation');
  const triage = props.triage;
  return (
    <Stack gap={6} data-testid="why-here">
      <Title order={3} size="h6">{t('why.title')}</Title>
      {!triage?.decision
        ? <Text size="sm" c="dimmed">{t('why.none')}</Text>
        : (
          <>
            <Text size="sm" fw={500}>{t(`why.decision.${triage.decision}`, { defaultValue: triage.decision })}</Text>
            {(triage.reasons ?? []).length > 0 && (
              <List size="sm" spacing={2}>
                {triage.reasons!.map((reason, i) => <List.Item key={i}>{reason}</List.Item>)}
              </List>
            )}
            {(triage.flags ?? []).length > 0 && (
              <Group gap={4} aria-label={t('why.flags')}>
                {triage.flags!.map((flag) => <Badge key={flag} size="xs" variant="light" color="orange">{flag}</Badge>)}
              </Group>
            )}
          </>
        )}
    </Stack>
  );
}
