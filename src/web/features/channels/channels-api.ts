import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client.ts';
import { CHANNELS_KEY } from '../../lib/api/directory.ts';
import type { Channel, ChannelType } from '../../lib/api/types.ts';

export function useChannelSettings(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['channels', id, 'settings'],
    queryFn: () => api<{ settings: Record<string, unknown> }>(`/channels/${id}/settings`).then((r) => r.settings),
    enabled,
    staleTime: 0,
    gcTime: 0, // secrets are not kept in memory once the panel is closed
  });
}

export type NewChannel = { type: ChannelType; name: string; isPublic: boolean; settings?: Record<string, unknown> };

export function useCreateChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewChannel) => api<Channel>('/channels', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: CHANNELS_KEY }),
  });
}

/** The server gives paths (and a relative snippet when RELAIS_PUBLIC_URL is unset): vendors need full addresses. */
export function absoluteUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}

export function absoluteSnippet(snippet: string): string {
  return snippet.replace(/src="(\/[^"]*)"/, (_m, path: string) => `src="${absoluteUrl(path)}"`);
}
