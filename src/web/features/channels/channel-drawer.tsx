// What an admin needs to connect one channel: its webhook URL, its settings and secrets (read only when asked,
// and forgotten when the panel closes), and for the chat its embed snippet.
import { useState } from 'react';
import { Button, Drawer, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../lib/api/types.ts';
import { CopyField } from '../../lib/ui/copy-field.tsx';
import { QueryState } from '../../lib/ui/query-state.tsx';
import { absoluteSnippet, absoluteUrl, useChannelSettings } from './channels-api.ts';

export function ChannelDrawer(props: { channel: Channel | null; onClose(): void }) {
  const { t } = useTranslation('channels');
  const [reveal, setReveal] = useState(false);
  const channel = props.channel;
  const settings = useChannelSettings(channel?.id ?? '', Boolean(channel) && reveal);
  const close = () => {
    setReveal(false);
    props.onClose();
  };
  return (
    <Drawer opened={Boolean(channel)} onClose={close} position="right" size="lg" title={channel ? t('details', { name: channel.name }) : ''}>
      {channel && (
        <Stack>
          <CopyField label={t('webhookUrl')} value={absoluteUrl(channel.webhookPath)} testId="webhook-url" />
          <Text size="xs" c="dimmed" mt={-8}>{t('webhookHelp')}</Text>
          {channel.embedSnippet && (
            <>
              <CopyField label={t('embedSnippet')} value={absoluteSnippet(channel.embedSnippet)} testId="embed-snippet" />
              <Text size="xs" c="dimmed" mt={-8}>{t('embedHelp')}</Text>
            </>
          )}
          <Text fw={500} size="sm">{t('secrets')}</Text>
          {!reveal
            ? <Button variant="light" onClick={() => setReveal(true)} data-testid="show-secrets" style={{ alignSelf: 'flex-start' }}>{t('showSecrets')}</Button>
            : settings.data
              ? (
                <>
                  {Object.keys(settings.data).length === 0
                    ? <Text size="sm" c="dimmed">{t('noSettings')}</Text>
                    : <CopyField label={t('settings')} value={JSON.stringify(settings.data, null, 2)} testId="channel-secrets" />}
                  <Button variant="subtle" size="xs" onClick={() => setReveal(false)} style={{ alignSelf: 'flex-start' }}>{t('hideSecrets')}</Button>
                </>
              )
              : <QueryState isLoading={settings.isPending} error={settings.error} onRetry={() => void settings.refetch()} />}
        </Stack>
      )}
    </Drawer>
  );
}
