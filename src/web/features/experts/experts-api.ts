// The experts: an expert's own queue and reputation; for managers, the list with reputation, invitations and
// each expert's topics, languages and capacity.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client.ts';
import type { Conversation, Expert, Page, ReputationEvent } from '../../lib/api/types.ts';

export const EXPERTS_KEY = ['experts'] as const;

/** The expert's queue: GET /api/conversations as the server scopes it for them (their level-2 queue, redacted). */
export function useExpertQueue(status: 'open' | 'resolved') {
  return useQuery({
    queryKey: ['conversations', 'expert-queue', status],
    queryFn: () => api<Page<Conversation>>('/conversations', { query: { status, limit: 100 } }).then((r) => r.items),
  });
}

export function useMyExpertProfile() {
  return useQuery({ queryKey: [...EXPERTS_KEY, 'me'], queryFn: () => api<{ expert: Expert; history: ReputationEvent[] }>('/experts/me') });
}

export function useExperts() {
  return useQuery({ queryKey: [...EXPERTS_KEY, 'list'], queryFn: () => api<Page<Expert>>('/experts', { query: { limit: 100 } }).then((r) => r.items) });
}

export type Invitation = { url: string; token: string; expiresAt: string; emailed: boolean; emailDetail: string };
export type ExpertInvite = { contactId: string; email?: string; name?: string; topics?: string[]; languages?: string[] };
export type ExpertPatch = { topics?: string[]; languages?: string[]; capacity?: number; disabled?: boolean };

export function useInviteExpert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ExpertInvite) => api<{ expert: Expert; invitation: Invitation }>('/experts', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: EXPERTS_KEY }),
  });
}

export function useUpdateExpert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; patch: ExpertPatch }) => api<Expert>(`/experts/${input.id}`, { method: 'PATCH', body: input.patch }),
    onSuccess: () => void client.invalidateQueries({ queryKey: EXPERTS_KEY }),
  });
}
