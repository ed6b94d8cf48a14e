import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client.ts';
import type { OrgSettings } from '../../lib/api/types.ts';

const KEY = ['settings'] as const;

export const useSettings = () => useQuery({ queryKey: KEY, queryFn: () => api<OrgSettings>('/settings') });

export type SettingsPatch = { triage?: Partial<OrgSettings['triage']>; alerts?: Partial<OrgSettings['alerts']> };

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => api<OrgSettings>('/settings', { method: 'PATCH', body: patch }),
    onSuccess: (settings) => client.setQueryData(KEY, settings),
  });
}
