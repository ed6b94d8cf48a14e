// The response-time state of a conversation (GET /api/conversations/{id}/sla): what is owed (first response
// or resolution), by when, and whether it is on time, close to the limit, late or met.
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SlaState } from '../../lib/api/types.ts';
import { formatDateTime } from '../../lib/ui/format.ts';
import { useSla } from './pyramid-api.ts';

export const SLA_COLOR: Record<SlaState, string> = { ok: 'teal', warning: 'orange', breached: 'red', met: 'gray' };

export function SlaBadge(props: { conversationId: string }) {
  const { t } = useTranslation('conversation');
  const sla = useSla(props.conversationId);
  const s = sla.data;
  if (!s || !s.target) return null;
  const reading = s.owed === 'resolution' ? s.resolution : s.firstResponse;
  const due = reading?.dueAt ? t('sla.due', { at: formatDateTime(reading.dueAt) }) : '';
  return (
    <Tooltip label={`${s.owed ? t(`sla.owed.${s.owed}`) : t('sla.nothingOwed')} ${due}`} withArrow>
      <Badge size="sm" color={SLA_COLOR[s.state]} variant={s.state === 'breached' ? 'filled' : 'light'} data-testid="sla-badge" data-state={s.state}>
        {t(`sla.state.${s.state}`)}
      </Badge>
    </Tooltip>
  );
}
