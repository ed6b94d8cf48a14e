// "Why is this here": the rules routing fired for the conversation's current place (each with its reason in
// words), then every move before it as a timeline (routed, re-routed, escalated, taken over), and the reasons
// triage gave on the latest customer message. Experts see only triage's reasons (routing is for staff).
import { Badge, Group, List, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '../../lib/api/directory.ts';
import type { MessageTriage, Place } from '../../lib/api/types.ts';
import { formatDateTime } from '../../lib/ui/format.ts';
import { QueryState } from '../../lib/ui/query-state.tsx';
import { useRouting } from './pyramid-api.ts';

export function WhyHere(props: { conversationId: string; triage: MessageTriage | null; withRouting: boolean }) {
  const { t } = useTranslation('conversation');
  const triage = props.triage;
  return (
    <Stack gap={6} data-testid="why-here">
      <Title order={3} size="h6">{t('why.title')}</Title>
      {props.withRouting && <RoutingReasons conversationId={props.conversationId} />}
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

function RoutingReasons(props: { conversationId: string }) {
  const { t } = useTranslation('conversation');
  const { t: tc } = useTranslation('common');
  const routing = useRouting(props.conversationId);
  const { data: teams = [] } = useTeams();
  const { data: users = [] } = useUsers();
  if (!routing.data) return <QueryState isLoading={routing.isPending} error={routing.error} onRetry={() => void routing.refetch()} />;
  const r = routing.data;
  const teamName = (id: string | null) => (id ? teams.find((x) => x.id === id)?.name ?? t('why.unknownTeam') : null);
  const userName = (id: string | null) => (id ? users.find((x) => x.id === id)?.name ?? t('why.someone') : null);
  const place = (p: Place | null) => (p
    ? [p.level !== null ? tc('level', { level: p.level }) : null, teamName(p.teamId), userName(p.assigneeId)].filter(Boolean).join(' · ')
    : '—');
  const fired = r.current?.fired ?? [];
  return (
    <Stack gap={6} data-testid="routing-reasons">
      <Group gap={4}>
        <Badge size="sm" variant="light">{place({ level: r.level, teamId: r.teamId, assigneeId: r.assigneeId })}</Badge>
        {r.unrouted && <Badge size="sm" color="red" variant="light">{t('why.unrouted')}</Badge>}
        {r.confidential && <Badge size="sm" color="grape" variant="light">{t('why.confidential')}</Badge>}
      </Group>
      {fired.length > 0 && (
        <List size="sm" spacing={2} aria-label={t('why.firedRules')} data-testid="fired-rules">
          {fired.map((rule, i) => (
            <List.Item key={i}><Text span size="sm" fw={600}>{rule.name}</Text><Text span size="sm"> — {rule.reason}</Text></List.Item>
          ))}
        </List>
      )}
      {r.history.length > 0 && (
        <>
          <Text size="xs" c="dimmed" mt={4}>{t('why.history')}</Text>
          <Timeline bulletSize={12} lineWidth={2} active={r.history.length - 1} data-testid="routing-history">
            {r.history.map((d) => (
              <Timeline.Item key={d.id} title={<Text size="sm" fw={500}>{t(`why.kind.${d.kind}`, { defaultValue: d.kind })}</Text>}>
                <Text size="xs">{d.from ? `${place(d.from)} → ` : ''}{place(d.to)}</Text>
                {d.actorUserId && <Text size="xs" c="dimmed">{t('why.by', { name: userName(d.actorUserId) })}</Text>}
                {d.note && <Text size="xs" fs="italic" className="message-body">“{d.note}”</Text>}
                {d.rules.length > 0 && <Text size="xs" c="dimmed">{d.rules.map((x) => x.name).join(', ')}</Text>}
                <Text size="xs" c="dimmed">{formatDateTime(d.createdAt)}</Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </>
      )}
    </Stack>
  );
}
