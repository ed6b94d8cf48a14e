// What triage read, as badges: intent, severity, language, sentiment. Intent, severity and language are corrected in one
// click (a menu of the possible values); the correction is saved at once and feeds the next training.
import { Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, type Conversation, type Severity } from '../../lib/api/types.ts';
import { errorMessage } from '../../lib/ui/query-state.tsx';
import { useIntentLabels, useUpdateConversation, type ConversationPatch } from './conversation-api.ts';

const SEVERITY_COLOR: Record<Severity, string> = { normal: 'gray', complaint: 'yellow', angry: 'orange', abusive: 'grape', crisis: 'red' };

function sentimentOf(score: number | undefined): 'negative' | 'neutral' | 'positive' | null {
  if (score === undefined) return null;
  return score < -0.2 ? 'negative' : score > 0.2 ? 'positive' : 'neutral';
}

export function TriageBadges(props: { conversation: Conversation; sentiment: number | undefined }) {
  const { t } = useTranslation('conversation');
  const { t: tc } = useTranslation('common');
  const c = props.conversation;
  const { data: labels = [] } = useIntentLabels();
  const update = useUpdateConversation();
  const correct = (patch: ConversationPatch, what: string) =>
    update.mutate({ id: c.id, patch }, {
      onSuccess: () => notifications.show({ message: t('triage.corrected', { what }), color: 'teal' }),
      onError: (err) => notifications.show({ message: errorMessage(err, tc), color: 'red' }),
    });
  const intents = Array.from(new Set([...(c.intent ? [c.intent] : []), ...labels])).sort();
  const sentiment = sentimentOf(props.sentiment);

  return (
    <Group gap={6} aria-label={t('triage.title')} role="group" data-testid="triage-badges">
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={t('triage.correct', { what: t('triage.intent') })} data-testid="intent-badge">
            <Badge variant="light" color="indigo" style={{ cursor: 'pointer' }}>
              {t('triage.intent')}: {c.intent ?? t('triage.noIntent')}
              {c.intentConfidence !== null && c.intent ? ` · ${Math.round(c.intentConfidence * 100)} %` : ''} ▾
            </Badge>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
          {intents.map((label) => (
            <Menu.Item key={label} onClick={() => correct({ intent: label }, label)} disabled={label === c.intent}>{label}</Menu.Item>
          ))}
          {c.intent && <Menu.Item onClick={() => correct({ intent: null }, t('triage.noIntent'))}>{t('triage.noIntent')}</Menu.Item>}
        </Menu.Dropdown>
      </Menu>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={t('triage.correct', { what: t('triage.severity') })} data-testid="severity-badge">
            <Badge variant={c.severity === 'crisis' ? 'filled' : 'light'} color={SEVERITY_COLOR[c.severity]} style={{ cursor: 'pointer' }}>
              {t('triage.severity')}: {tc(`severity.${c.severity}`)} ▾
            </Badge>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          {SEVERITIES.map((s) => (
            <Menu.Item key={s} onClick={() => correct({ severity: s }, tc(`severity.${s}`))} disabled={s === c.severity}>{tc(`severity.${s}`)}</Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={t('triage.correct', { what: t('triage.language') })} data-testid="language-badge">
            <Badge variant="outline" color="gray" style={{ cursor: 'pointer' }}>{t('triage.language')}: {c.language ? c.language.toUpperCase() : '—'} ▾</Badge>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          {(['fr', 'en'] as const).map((lang) => (
            <Menu.Item key={lang} onClick={() => correct({ language: lang }, lang.toUpperCase())} disabled={lang === c.language}>{lang.toUpperCase()}</Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {sentiment && (
        <Badge variant="outline" color={sentiment === 'negative' ? 'red' : sentiment === 'positive' ? 'teal' : 'gray'}>
          {t('triage.sentiment')}: {t(`triage.sentimentValue.${sentiment}`)}
        </Badge>
      )}
      {update.isPending && <Text size="xs" c="dimmed">…</Text>}
    </Group>
  );
}
