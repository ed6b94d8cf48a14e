// A read-only value with a copy button (webhook URLs, secrets, embed snippets, new API tokens).
import { ActionIcon, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CheckIcon, CopyIcon } from './icons.tsx';

export function CopyField(props: { label: string; value: string; testId?: string }) {
  const { t } = useTranslation('common');
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>{props.label}</Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid={props.testId}>{props.value}</Code>
        <CopyButton value={props.value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('actions.copied') : t('actions.copy')} withArrow>
              <ActionIcon variant="light" onClick={copy} aria-label={`${t('actions.copy')}: ${props.label}`} color={copied ? 'teal' : 'blue'} size="lg">
                {copied ? <CheckIcon /> : <CopyIcon />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </div>
  );
}
