// Says clearly when the live connection is lost (after a short grace period, so a quick reconnection does not
// flash), and that nothing written is lost: drafts stay in this browser until they are sent.
import { useEffect, useState } from 'react';
import { Alert, Loader, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useConnectionStatus } from './realtime-provider.tsx';

const GRACE_MS = 1_500;

export function ConnectionBanner() {
  const { t } = useTranslation('common');
  const status = useConnectionStatus();
  const [offline, setOffline] = useState(() => !navigator.onLine);
  const [show, setShow] = useState(false);
  useEffect(() => {
    const update = () => setOffline(!navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  const lost = offline || status === 'lost';
  useEffect(() => {
    if (!lost) return setShow(false);
    const timer = setTimeout(() => setShow(true), offline ? 0 : GRACE_MS);
    return () => clearTimeout(timer);
  }, [lost, offline]);
  if (!show) return null;
  return (
    <Alert color="yellow" variant="filled" radius={0} py={6} role="status" data-testid="connection-lost">
      <Group gap="xs" wrap="nowrap">
        <Loader size="xs" color="dark" />
        <Text size="sm" fw={600} c="dark">{t('connection.lost')}</Text>
      </Group>
    </Alert>
  );
}
