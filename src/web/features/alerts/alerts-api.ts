import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client.ts';
import type { Alert } from '../../lib/api/types.ts';

export const OPEN_ALERTS_KEY = ['alerts', 'open'] as const;

export function useOpenAlerts() {
  return useQuery({
    queryKey: OPEN_ALERTS_KEY,
    queryFn: () => api<{ items: Alert[] }>('/alerts', { query: { acknowledged: 'false' } }).then((r) => r.items),
    // A missed event must not hide a crisis for long.
    refetchInterval: 60_000,
  });
}

export function useAcknowledgeAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Alert>(`/alerts/${id}/acknowledge`, { method: 'POST' }),
    onSuccess: (alert) => {
      client.setQueryData<Alert[]>(OPEN_ALERTS_KEY, (items) => items?.filter((a) => a.id !== alert.id));
      void client.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}
