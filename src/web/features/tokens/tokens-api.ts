import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client.ts';
import type { ApiToken } from '../../lib/api/types.ts';

const KEY = ['tokens'] as const;

export const useTokens = () => useQuery({ queryKey: KEY, queryFn: () => api<{ items: ApiToken[] }>('/tokens').then((r) => r.items) });

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { userId: string; name: string }) => api<ApiToken & { token: string }>('/tokens', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}
