// A conversation's place in the pyramid: why it is here (routing), its response-time targets, and the moves
// people make: re-route or escalate (core team), take it from the queue, take over, instruct, and "beyond my
// competence" (experts, provider agents); experts also propose an article from an answer.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client.ts';
import { ApiError } from '../../lib/api/api-error.ts';
import type { Conversation, ConversationRouting, ConversationSla, Note } from '../../lib/api/types.ts';
import { refreshConversation, updateConversationInCache } from './conversation-cache.ts';
import { notesKey } from './conversation-api.ts';

export const routingKey = (id: string) => ['conversation', id, 'routing'] as const;
export const slaKey = (id: string) => ['conversation', id, 'sla'] as const;

export function useRouting(id: string) {
  return useQuery({ queryKey: routingKey(id), queryFn: () => api<ConversationRouting>(`/conversations/${id}/routing`) });
}

/** null when the server has no response-time targets for it (or predates them): the badge is then not shown. */
export function useSla(id: string) {
  return useQuery({
    queryKey: slaKey(id),
    queryFn: async () => {
      try {
        return await api<ConversationSla>(`/conversations/${id}/sla`);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    // The state moves with the clock: read it again every minute while shown.
    refetchInterval: 60_000,
  });
}

/** After a move, the conversation, its routing and its notes change together. */
function useMove<I, O>(id: string, call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (result) => {
      if (result && typeof result === 'object' && 'channel' in result) updateConversationInCache(client, result as unknown as Conversation);
      else refreshConversation(client, id);
      void client.invalidateQueries({ queryKey: routingKey(id) });
      void client.invalidateQueries({ queryKey: notesKey(id) });
    },
  });
}

export type RerouteInput = { level?: 2 | 3; teamId?: string; assigneeId?: string; note: string };

export const useReroute = (id: string) => useMove(id, (body: RerouteInput) => api(`/conversations/${id}/reroute`, { method: 'POST', body }));
export const usePick = (id: string) => useMove(id, () => api(`/conversations/${id}/pick`, { method: 'POST' }));
export const useTakeover = (id: string) => useMove(id, () => api<Conversation>(`/conversations/${id}/takeover`, { method: 'POST' }));
export const useEscalate = (id: string) => useMove(id, (note: string) => api(`/conversations/${id}/escalate`, { method: 'POST', body: { note } }));
export const useInstruct = (id: string) => useMove(id, (body: string) => api<Note>(`/conversations/${id}/instructions`, { method: 'POST', body: { body } }));

export type ArticleProposal = { title: string; body: string; language: 'fr' | 'en'; messageId?: string };

export function useProposeArticle(id: string) {
  return useMutation({ mutationFn: (body: ArticleProposal) => api(`/conversations/${id}/propose-article`, { method: 'POST', body }) });
}
