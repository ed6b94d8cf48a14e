// Reads several features share: the organization's people, channels and teams (for filters, assignment, names).
import { useQuery } from '@tanstack/react-query';
import { api } from './api-client.ts';
import type { Channel, Page, Team, User } from './types.ts';

const MAX_PAGES = 20;

export async function fetchAllUsers(): Promise<User[]> {
  const users: User[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await api<Page<User>>('/users', { query: { limit: 100, cursor } });
    users.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return users.sort((a, b) => a.name.localeCompare(b.name));
}

export const USERS_KEY = ['users', 'all'] as const;
export const CHANNELS_KEY = ['channels'] as const;

export function useUsers(enabled = true) {
  return useQuery({ queryKey: USERS_KEY, queryFn: fetchAllUsers, staleTime: 5 * 60_000, enabled });
}

export function useChannels(enabled = true) {
  return useQuery({
    queryKey: CHANNELS_KEY,
    queryFn: () => api<{ items: Channel[] }>('/channels').then((r) => r.items),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export const TEAMS_KEY = ['teams'] as const;

export function useTeams(enabled = true) {
  return useQuery({
    queryKey: TEAMS_KEY,
    queryFn: () => api<{ items: Team[] }>('/teams').then((r) => r.items.sort((a, b) => a.name.localeCompare(b.name))),
    staleTime: 5 * 60_000,
    enabled,
  });
}
