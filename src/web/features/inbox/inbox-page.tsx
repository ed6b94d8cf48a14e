// The agent's desk: the inbox on the left, the open conversation on the right (one at a time on narrow
// screens). Keyboard: j/k move, Enter opens, r replies, e resolves, ? shows the shortcuts.
import { useMemo, useState } from 'react';
import { ActionIcon, Button, Center, Group, Text, Title } from '@mantine/core';
import { useHotkeys, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams, useSearch } from 'wouter';
import { useCurrentUser } from '../../lib/session/session.ts';
import { QueryState } from '../../lib/ui/query-state.tsx';
import { ConversationView } from '../conversation/conversation-view.tsx';
import { useUpdateConversation } from '../conversation/conversation-api.ts';
import { apiFilters, filtersFromSearch, searchFromFilters, type InboxFilters } from './inbox-filters.ts';
import { useInbox } from './inbox-api.ts';
import { FilterBar } from './filter-bar.tsx';
import { InboxList } from './inbox-list.tsx';
import { ShortcutsHelp } from './shortcuts-help.tsx';

export function InboxPage() {
  const { t } = useTranslation('inbox');
  const me = useCurrentUser();
  const { id: openId } = useParams<{ id?: string }>();
  const search = useSearch();
  const [, navigate] = useLocation();
  const wide = useMediaQuery('(min-width: 62em)', true);
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const query = useMemo(() => apiFilters(filters, me.id), [filters, me.id]);
  const inbox = useInbox(query);
  const items = useMemo(() => inbox.data?.pages.flatMap((p) => p.items) ?? [], [inbox.data]);
  const [cursor, setCursor] = useState(-1);
  const [help, setHelp] = useState(false);
  const update = useUpdateConversation();
  const searchSuffix = search ? `?${search}` : '';

  const setFilters = (next: InboxFilters) => {
    setCursor(-1);
    navigate(`/inbox${openId ? `/${openId}` : ''}${searchFromFilters(next)}`);
  };
  const open = (index: number) => {
    const c = items[index];
    if (c) navigate(`/inbox/${c.id}${searchSuffix}`);
  };
  const move = (delta: number) => {
    if (items.length === 0) return;
    const from = cursor >= 0 ? cursor : Math.max(-1, items.findIndex((c) => c.id === openId));
    setCursor(Math.min(items.length - 1, Math.max(0, from + delta)));
  };

  useHotkeys([
    ['j', () => move(1)],
    ['k', () => move(-1)],
    // A focused row is a link (Enter follows it natively); a focused button must keep its own Enter.
    // Enter opens the row under the cursor when the focus is on the page or on a row (not on a button or a
    // field, which keep their own Enter); the row link's own navigation is replaced, so it happens once.
    ['Enter', (event) => {
      const active = document.activeElement;
      const onPage = !active || active === document.body || active.id === 'main' || active.closest('[data-testid="inbox-row"]') !== null;
      if (cursor < 0 || !onPage) return;
      event.preventDefault();
      open(cursor);
    }, { preventDefault: false }],
    ['r', () => document.getElementById('composer-input')?.focus()],
    ['e', () => {
      if (!openId) return;
      update.mutate({ id: openId, patch: { status: 'resolved' } }, { onSuccess: () => notifications.show({ message: t('resolved'), color: 'teal' }) });
    }],
    ['shift+?', () => setHelp(true)],
    ['?', () => setHelp(true)],
  ]);

  const showList = wide || !openId;
  const showConversation = wide || Boolean(openId);

  return (
    <div style={{ display: 'flex', height: '100%', minHeight: 0 }}>
      {showList && (
        <section aria-labelledby="inbox-title" style={{ width: wide ? 400 : '100%', flexShrink: 0, display: 'flex', flexDirection: 'column', borderRight: '1px solid var(--mantine-color-gray-3)', minHeight: 0 }}>
          <Group justify="space-between" px="sm" pt="xs">
            <Title order={1} size="h4" id="inbox-title">{t('title')}</Title>
            <Group gap={6}>
              <Text size="xs" c="dimmed" aria-live="polite" data-testid="inbox-count">{t('count', { count: items.length })}</Text>
              <ActionIcon variant="subtle" size="sm" aria-label={t('shortcuts.open')} title={t('shortcuts.open')} onClick={() => setHelp(true)}>?</ActionIcon>
            </Group>
          </Group>
          <FilterBar filters={filters} onChange={setFilters} />
          {inbox.isPending || inbox.error
            ? <QueryState isLoading={inbox.isPending} error={inbox.error} onRetry={() => void inbox.refetch()} />
            : items.length === 0
              ? <Text p="md" c="dimmed">{t('empty')}</Text>
              : <InboxList items={items} openId={openId} cursor={cursor} search={searchSuffix} hasMore={inbox.hasNextPage}
                  loadMore={() => { if (!inbox.isFetchingNextPage) void inbox.fetchNextPage(); }} onCursor={setCursor} />}
        </section>
      )}
      {showConversation && (
        <section style={{ flex: 1, minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          {!wide && (
            <Button variant="subtle" size="xs" onClick={() => navigate(`/inbox${searchSuffix}`)} style={{ alignSelf: 'flex-start' }} m={4}>← {t('back')}</Button>
          )}
          {openId
            ? <ConversationView key={openId} id={openId} />
            : <Center h="100%" p="xl"><Text c="dimmed" ta="center">{t('select')}</Text></Center>}
        </section>
      )}
      <ShortcutsHelp opened={help} onClose={() => setHelp(false)} />
    </div>
  );
}
