// A conversation's data: the conversation, its thread and notes, its customer, suggestions, and the changes an
// agent makes (triage corrections, assignment, status, replies, notes).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client.ts';
import type { ActionType, Approval, Contact, Conversation, IntentModel, Message, Note, Page, Suggestions } from '../../lib/api/types.ts';
import { updateConversationInCache } from './conversation-cache.ts';

const MAX_THREAD_PAGES = 20;

export const conversationKey = (id: string) => ['conversation', id] as const;
export const messagesKey = (id: string) => ['conversation', id, 'messages'] as const;
export const notesKey = (id: string) => ['conversation', id, 'notes'] as const;

export function useConversation(id: string) {
  return useQuery({ queryKey: conversationKey(id), queryFn: () => api<Conversation>(`/conversations/${id}`) });
}

/** The whole thread, oldest first (pages of 100 read one after the other). */
export function useMessages(id: string) {
  return useQuery({
    queryKey: messagesKey(id),
    queryFn: async ({ signal }) => {
      const messages: Message[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < MAX_THREAD_PAGES; i++) {
        const page = await api<Page<Message>>(`/conversations/${id}/messages`, { query: { limit: 100, cursor }, signal });
        messages.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return messages;
    },
  });
}

export function useNotes(id: string) {
  return useQuery({ queryKey: notesKey(id), queryFn: () => api<{ items: Note[] }>(`/conversations/${id}/notes`).then((r) => r.items) });
}

export function useContact(id: string | undefined) {
  return useQuery({ queryKey: ['contact', id], queryFn: () => api<Contact>(`/contacts/${id}`), enabled: Boolean(id) });
}

export function useContactConversations(contactId: string | undefined) {
  return useQuery({
    queryKey: ['contact', contactId, 'conversations'],
    queryFn: () => api<Page<Conversation>>('/conversations', { query: { contactId, limit: 20 } }).then((r) => r.items),
    enabled: Boolean(contactId),
  });
}

export function useSuggestions(id: string) {
  return useQuery({ queryKey: ['conversation', id, 'suggestions'], queryFn: () => api<Suggestions>(`/conversations/${id}/suggestions`), staleTime: 5 * 60_000 });
}

export function useIntentLabels() {
  return useQuery({ queryKey: ['nlu', 'model'], queryFn: () => api<IntentModel>('/nlu/model').then((r) => r.model?.labels ?? []), staleTime: 10 * 60_000 });
}

export type ConversationPatch = Partial<Pick<Conversation, 'status' | 'level' | 'severity' | 'intent' | 'assigneeId' | 'priority' | 'tags'>> & { language?: 'fr' | 'en' };

export function useUpdateConversation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; patch: ConversationPatch }) =>
      api<Conversation>(`/conversations/${input.id}`, { method: 'PATCH', body: input.patch }),
    onSuccess: (fresh) => updateConversationInCache(client, fresh),
  });
}

export type DeclaredAction = { type: ActionType; amount?: number };

/** A provider agent's reply that needs the brand's approval comes back as the approval request (202), not a message. */
export const isApproval = (result: Message | Approval): result is Approval => 'dueAt' in result && 'status' in result;

export const APPROVALS_KEY = ['approvals'] as const;

export function useSendReply(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; isPublic: boolean; actions?: DeclaredAction[] }) =>
      api<Message | Approval>(`/conversations/${id}/messages`, { method: 'POST', body: input }),
    onSuccess: (result) => {
      if (isApproval(result)) return void client.invalidateQueries({ queryKey: APPROVALS_KEY });
      client.setQueryData<Message[]>(messagesKey(id), (list) => (list && !list.some((m) => m.id === result.id) ? [...list, result] : list));
    },
  });
}

/** The caller's approval requests on this conversation (a provider agent sees their own). */
export function useConversationApprovals(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'conversation', id],
    queryFn: () => api<Page<Approval>>('/approvals', { query: { limit: 100 } }).then((r) => r.items.filter((a) => a.conversationId === id)),
    enabled,
  });
}

export function useAddNote(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api<Note>(`/conversations/${id}/notes`, { method: 'POST', body: { body } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: notesKey(id) }),
  });
}
