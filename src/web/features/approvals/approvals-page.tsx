// The approval queue: each provider reply waiting for the brand, with what it commits to (a gesture and its
// amount), the rule that asked for approval and the time left; overdue ones stand out. Approve as written,
// edit then approve, or reject with a reason the provider agent reads.
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useUsers } from '../../lib/api/directory.ts';
import type { Approval } from '../../lib/api/types.ts';
import { applyServerError } from '../../lib/forms/server-errors.ts';
import { formatDateTime } from '../../lib/ui/format.ts';
import { QueryState } from '../../lib/ui/query-state.tsx';
import { useApprovals, useDecide, type ApprovalFilter } from './approvals-api.ts';

export function ApprovalsPage() {
  const { t } = useTranslation('approvals');
  const [status, setStatus] = useState<ApprovalFilter>('pending');
  const approvals = useApprovals(status);
  const [deciding, setDeciding] = useState<{ approval: Approval; mode: 'edit' | 'reject' } | null>(null);
  const items = approvals.data ?? [];
  const overdue = items.filter((a) => a.overdue).length;
  return (
    <Stack p="lg" maw={1000}>
      <Group justify="space-between">
        <Title order={1} size="h2">{t('title')}</Title>
        <SegmentedControl value={status} onChange={(v) => setStatus(v as ApprovalFilter)} data-testid="approvals-status"
          data={(['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      </Group>
      {status === 'pending' && overdue > 0 && <Alert color="orange" role="status">{t('overdueCount', { count: overdue })}</Alert>}
      {!approvals.data
        ? <QueryState isLoading={approvals.isPending} error={approvals.error} onRetry={() => void approvals.refetch()} />
        : items.length === 0
          ? <Text c="dimmed" data-testid="approvals-empty">{t(`empty.${status}`)}</Text>
          : items.map((a) => <ApprovalCard key={a.id} approval={a} onDecide={(mode) => setDeciding({ approval: a, mode })} />)}
      {deciding && <DecisionModal approval={deciding.approval} mode={deciding.mode} onClose={() => setDeciding(null)} />}
    </Stack>
  );
}

function ApprovalCard(props: { approval: Approval; onDecide(mode: 'edit' | 'reject'): void }) {
  const { t } = useTranslation('approvals');
  const { t: tc } = useTranslation('common');
  const { data: users = [] } = useUsers();
  const decide = useDecide();
  const a = props.approval;
  const who = users.find((u) => u.id === a.requestedByUserId)?.name ?? t('aProvider');
  return (
    <Paper withBorder p="md" radius="md" data-testid="approval-card" data-overdue={a.overdue || undefined}
      style={a.overdue ? { borderColor: 'var(--mantine-color-orange-6)', borderWidth: 2 } : undefined}>
      <Group justify="space-between" mb={6} wrap="wrap">
        <Group gap={6}>
          <Badge variant="light" color="violet">{tc(`actionTypes.${a.actionType}`)}</Badge>
          {a.amount !== null && <Badge variant="filled" color="violet" data-testid="approval-amount">{a.amount.toLocaleString(undefined, { style: 'currency', currency: 'EUR' })}</Badge>}
          {a.overdue && <Badge color="orange" variant="filled">{t('overdue')}</Badge>}
          {a.edited && <Badge color="gray" variant="light">{t('edited')}</Badge>}
        </Group>
        <Text size="xs" c="dimmed">{t('requestedBy', { name: who, at: formatDateTime(a.createdAt) })}</Text>
      </Group>
      <Text size="sm" className="message-body" data-testid="approval-body">{a.body}</Text>
      <Text size="xs" c="dimmed" mt={6}>{t('why', { reason: a.reason })}</Text>
      {a.status === 'pending' && <Text size="xs" c={a.overdue ? 'orange.8' : 'dimmed'}>{t('due', { at: formatDateTime(a.dueAt) })}</Text>}
      {a.status === 'rejected' && a.decisionReason && <Text size="xs" c="red.8">{t('rejectedWhy', { reason: a.decisionReason })}</Text>}
      <Group justify="space-between" mt="sm">
        <Anchor component={Link} href={`/inbox/${a.conversationId}`} size="sm">{t('openConversation')}</Anchor>
        {a.status === 'pending' && (
          <Group gap="xs">
            <Button size="xs" variant="default" color="red" onClick={() => props.onDecide('reject')} data-testid="approval-reject">{t('reject')}</Button>
            <Button size="xs" variant="default" onClick={() => props.onDecide('edit')} data-testid="approval-edit">{t('editApprove')}</Button>
            <Button size="xs" color="teal" loading={decide.isPending} data-testid="approval-approve"
              onClick={() => decide.mutate({ id: a.id, approve: true }, {
                onSuccess: () => notifications.show({ message: t('approved'), color: 'teal' }),
                onError: (err) => notifications.show({ message: (err as Error).message, color: 'red' }),
              })}>{t('approve')}</Button>
          </Group>
        )}
      </Group>
    </Paper>
  );
}

function DecisionModal(props: { approval: Approval; mode: 'edit' | 'reject'; onClose(): void }) {
  const { t } = useTranslation('approvals');
  const { t: tc } = useTranslation('common');
  const decide = useDecide();
  const edit = props.mode === 'edit';
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { body: props.approval.body, reason: '' },
    validate: edit
      ? { body: (v) => (v.trim() ? null : t('bodyRequired')) }
      : { reason: (v) => (v.trim() ? null : t('reasonRequired')) },
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      await decide.mutateAsync(edit ? { id: props.approval.id, approve: true, body: v.body.trim() } : { id: props.approval.id, approve: false, reason: v.reason.trim() });
      notifications.show({ message: edit ? t('approved') : t('rejected'), color: edit ? 'teal' : 'orange' });
      props.onClose();
    } catch (err) {
      setFormError(applyServerError(form, err));
    }
  });
  return (
    <Modal opened onClose={props.onClose} title={edit ? t('editTitle') : t('rejectTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {edit
            ? <Textarea label={t('reply')} autosize minRows={4} required data-autofocus {...form.getInputProps('body')} data-testid="approval-edit-body" />
            : <Textarea label={t('reason')} description={t('reasonHelp')} autosize minRows={2} required data-autofocus {...form.getInputProps('reason')} data-testid="approval-reason" />}
          {formError && <Alert color="red" role="alert">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{tc('actions.cancel')}</Button>
            <Button type="submit" color={edit ? 'teal' : 'red'} loading={decide.isPending} data-testid="approval-decide">{edit ? t('approve') : t('reject')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
