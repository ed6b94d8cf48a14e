import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../lib/session/session.ts';

/** For roles that have no screen yet in this version (experts' space comes with routing). */
export function HomePage() {
  const { t } = useTranslation('common');
  const user = useCurrentUser();
  return (
    <Stack p="xl">
      <Title order={1} size="h2">{t('shell.home', { name: user.name })}</Title>
      <Text c="dimmed">{t('shell.homeEmpty')}</Text>
    </Stack>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation('common');
  return <Text p="xl" role="alert">{t('errors.notFound')}</Text>;
}
