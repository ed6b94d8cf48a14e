// The one way screens show loading and failure: a loader, or the server's message with a retry button.
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/api-error.ts';

export function errorMessage(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof NetworkError) return t('common:errors.network');
  if (error instanceof ApiError && error.status === 404) return t('common:errors.notFound');
  if (error instanceof ApiError && error.status === 403) return t('common:errors.forbidden');
  return t('common:errors.generic', { message: (error as Error)?.message ?? String(error) });
}

export function QueryState(props: { isLoading: boolean; error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('common');
  if (props.isLoading) {
    return <Center p="xl"><Loader size="sm" aria-label={t('loading')} /></Center>;
  }
  if (props.error) {
    return (
      <Alert color="red" role="alert" m="md">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{errorMessage(props.error, t)}</Text>
          {props.onRetry && <Button size="xs" variant="light" color="red" onClick={props.onRetry}>{t('actions.retry')}</Button>}
        </Stack>
      </Alert>
    );
  }
  return null;
}
