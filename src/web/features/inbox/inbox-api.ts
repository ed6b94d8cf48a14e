// The inbox's data: pages of 100 conversations, read with the keyset cursor of GET /api/conversations. Live
// updates go through features/conversation/conversation-cache.ts, which knows where each list keeps them.
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client.ts';
import type { Conversation, Page } from '../../lib/api/types.ts';
import { CONVERSATION_LISTS_KEY } from '../conversation/conversation-cache.ts';

export const PAGE_SIZE = 100;

export function useInbox(filters: Record<string, string>) {
  return useInfiniteQuery({
    queryKey: [...CONVERSATION_LISTS_KEY, filters],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Conversation>>('/conversations', { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
