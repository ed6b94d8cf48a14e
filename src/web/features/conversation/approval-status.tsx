// For the provider agent who wrote them: this conversation's replies waiting for the brand's approval, and
// the brand's decisions (sent as approved or edited, or refused with the reason). Kept live by realtime events.
import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/ui/format.ts';
import { useConversationApprovals } from './conversation-api.ts';

export function ApprovalStatus(props: { conversationId: string }) {
  const { t } = useTranslation('conversation');
  const approvals = useConversationApprovals(props.conversationId, true);
  const items = (approvals.data ?? []).slice(0, 3);
  if (items.length === 0) return null;
  return (
    <Stack gap={4} px="sm" pt="xs" data-testid="approval-status">
      {items.map((a) => (
        <Alert key={a.id} p="xs" color={a.status === 'pending' ? (a.overdue ? 'orange' : 'blue') : a.status === 'approved' ? 'teal' : 'red'}
          data-testid="approval-state" data-status={a.status} role={a.status === 'rejected' ? 'alert' : 'status'}>
          <Text size="sm" fw={600}>
            {a.status === 'pending' ? t('approval.waiting') : a.status === 'approved' ? (a.edited ? t('approval.approvedEdited') : t('approval.approved')) : t('approval.rejected')}
          </Text>
          <Text size="xs" lineClamp={2} className="message-body">{a.body}</Text>
          {a.status === 'pending' && <Text size="xs" c="dimmed">{t('approval.due', { at: formatDateTime(a.dueAt) })} · {a.reason}</Text>}
          {a.status === 'rejected' && a.decisionReason && <Text size="xs">{t('approval.reason', { reason: a.decisionReason })}</Text>}
        </Alert>
      ))}
    </Stack>
  );
}
