// Keeps every cached copy of a conversation true: its own view and every loaded list of conversations (the
// inbox's pages, whatever their filters). A changed conversation is read once and moved to where it now
// belongs in each list, or out of it, without reloading the lists.
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client.ts';
import { ApiError } from '../../lib/api/api-error.ts';
import type { Conversation, Page } from '../../lib/api/types.ts';

/** Lists are cached under [...CONVERSATION_LISTS_KEY, filtersAsSentToTheApi]. */
export const CONVERSATION_LISTS_KEY = ['conversations', 'list'] as const;

type ListData = InfiniteData<Page<Conversation>, string | undefined>;

/** The same test as GET /api/conversations applies, so a live update lands only in the lists it belongs to. */
export function matchesApiFilters(c: Conversation, filters: Record<string, string>): boolean {
  if (filters.status && c.status !== filters.status) return false;
  if (filters.level && String(c.level) !== filters.level) return false;
  if (filters.severity && c.severity !== filters.severity) return false;
  if (filters.channelId && c.channel.id !== filters.channelId) return false;
  if (filters.channelType && c.channel.type !== filters.channelType) return false;
  if (filters.language && c.language !== filters.language) return false;
  if (filters.intent && c.intent !== filters.intent) return false;
  if (filters.contactId && c.contact.id !== filters.contactId) return false;
  if (filters.teamId && c.teamId !== filters.teamId) return false;
  if (filters.assigneeId === 'none' && c.assigneeId !== null) return false;
  if (filters.assigneeId && filters.assigneeId !== 'none' && c.assigneeId !== filters.assigneeId) return false;
  if (filters.slaState && slaStateOf(c) !== filters.slaState) return false;
  return true;
}

/** As the list's slaState filter reads the sweeper's marks (null when the server does not send them). */
function slaStateOf(c: Conversation): string | null {
  if (c.slaBreachedAt === undefined) return null;
  return c.slaBreachedAt ? 'breached' : c.slaWarnedAt ? 'warning' : 'ok';
}

/** Most recent activity first, as the server sorts. */
const before = (a: Conversation, b: Conversation) =>
  a.lastMessageAt > b.lastMessageAt || (a.lastMessageAt === b.lastMessageAt && a.id > b.id);

export function placeInList(data: ListData, filters: Record<string, string>, id: string, fresh: Conversation | null): ListData {
  const pages = data.pages.map((p) => ({ ...p, items: p.items.filter((c) => c.id !== id) }));
  if (fresh && matchesApiFilters(fresh, filters)) {
    const lastPage = pages[pages.length - 1];
    let placed = false;
    for (const page of pages) {
      const at = page.items.findIndex((c) => before(fresh, c));
      if (at >= 0) {
        page.items.splice(at, 0, fresh);
        placed = true;
        break;
      }
    }
    // Older than everything loaded: it belongs to a page not fetched yet, unless the list is complete.
    if (!placed && lastPage && !lastPage.nextCursor) lastPage.items.push(fresh);
  }
  return { ...data, pages };
}

function updateLists(client: QueryClient, id: string, fresh: Conversation | null): void {
  for (const query of client.getQueryCache().findAll({ queryKey: CONVERSATION_LISTS_KEY })) {
    const filters = (query.queryKey[2] ?? {}) as Record<string, string>;
    client.setQueryData<ListData>(query.queryKey, (data) => (data ? placeInList(data, filters, id, fresh) : data));
  }
}

export function updateConversationInCache(client: QueryClient, fresh: Conversation): void {
  client.setQueryData(['conversation', fresh.id], fresh);
  updateLists(client, fresh.id, fresh);
}

async function readOnce(client: QueryClient, id: string): Promise<void> {
  try {
    updateConversationInCache(client, await api<Conversation>(`/conversations/${id}`));
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 403)) updateLists(client, id, null);
  }
}

/** One change often brings two events (message.created, conversation.updated): one read in flight per id. */
const inFlight = new Map<string, { again: boolean }>();

/** Reads one conversation again and updates it everywhere (out of every list if it is gone or no longer visible). */
export function refreshConversation(client: QueryClient, id: string): void {
  const running = inFlight.get(id);
  if (running) {
    running.again = true;
    return;
  }
  const state = { again: false };
  inFlight.set(id, state);
  void (async () => {
    try {
      do {
        state.again = false;
        await readOnce(client, id);
      } while (state.again);
    } finally {
      inFlight.delete(id);
    }
  })();
}
