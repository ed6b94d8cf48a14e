// The brand's approval queue: provider agents' replies waiting for a decision (approve as written or edited,
// or reject with a reason). The list is kept live by approval.* realtime events (see feature.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client.ts';
import type { Approval, Page } from '../../lib/api/types.ts';

export const APPROVALS_KEY = ['approvals'] as const;
export type ApprovalFilter = 'pending' | 'approved' | 'rejected';

export function useApprovals(status: ApprovalFilter) {
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'queue', status],
    queryFn: () => api<Page<Approval>>('/approvals', { query: { status, limit: 100 } }).then((r) => r.items),
  });
}

export function useDecide() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string } & ({ approve: true; body?: string } | { approve: false; reason: string })) =>
      input.approve
        ? api<Approval>(`/approvals/${input.id}/approve`, { method: 'POST', body: input.body ? { body: input.body } : {} })
        : api<Approval>(`/approvals/${input.id}/reject`, { method: 'POST', body: { reason: input.reason } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: APPROVALS_KEY }),
  });
}
