// Saved views: named filter sets kept in this browser (localStorage), beside a few built-in ones.
import { useState } from 'react';
import { readStored, writeStored } from '../../lib/local-store.ts';
import type { InboxFilters } from './inbox-filters.ts';

export type SavedView = { id: string; name: string; filters: InboxFilters; builtIn?: boolean };

const STORAGE_KEY = 'relais.inbox.views';

/** Built-in views: names are i18n keys (inbox:views.<id>). */
export const BUILT_IN_VIEWS: SavedView[] = [
  { id: 'open', name: 'open', filters: { status: 'open' }, builtIn: true },
  { id: 'mine', name: 'mine', filters: { status: 'open', assigneeId: 'me' }, builtIn: true },
  { id: 'unassigned', name: 'unassigned', filters: { status: 'open', assigneeId: 'none' }, builtIn: true },
  { id: 'crisis', name: 'crisis', filters: { severity: 'crisis' }, builtIn: true },
  { id: 'late', name: 'late', filters: { status: 'open', slaState: 'breached' }, builtIn: true },
  { id: 'all', name: 'all', filters: {}, builtIn: true },
];

export function useSavedViews() {
  const [views, setViews] = useState<SavedView[]>(() => readStored<SavedView[]>(STORAGE_KEY, []));
  const persist = (next: SavedView[]) => {
    setViews(next);
    writeStored(STORAGE_KEY, next.length > 0 ? next : null);
  };
  return {
    views,
    save(name: string, filters: InboxFilters) {
      const id = `v${Date.now().toString(36)}`;
      persist([...views.filter((v) => v.name !== name), { id, name, filters }]);
    },
    remove(id: string) {
      persist(views.filter((v) => v.id !== id));
    },
  };
}
