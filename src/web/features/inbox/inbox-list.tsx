// The inbox list, virtualized: only the rows on screen exist in the page, so 10,000 conversations scroll as
// smoothly as 10. The next page loads before the end is reached. j/k move the cursor (see inbox-page.tsx).
import { memo, useEffect, useRef } from 'react';
import { Badge, Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Conversation } from '../../lib/api/types.ts';
import { formatShort } from '../../lib/ui/format.ts';

export const ROW_HEIGHT = 76;
const SEVERITY_COLOR: Record<string, string> = { complaint: 'yellow', angry: 'orange', abusive: 'grape', crisis: 'red' };

type Props = {
  items: Conversation[];
  openId: string | undefined;
  cursor: number;
  search: string;
  hasMore: boolean;
  loadMore(): void;
  onCursor(index: number): void;
};

export function InboxList(props: Props) {
  const { t } = useTranslation('inbox');
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.items.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => props.items[index]?.id ?? index,
  });
  const rows = virtualizer.getVirtualItems();
  const last = rows[rows.length - 1];

  useEffect(() => {
    if (last && last.index >= props.items.length - 30 && props.hasMore) props.loadMore();
  }, [last?.index, props.items.length, props.hasMore]); // eslint-disable-line react-hooks/exhaustive-deps

  // The keyboard cursor stays visible and focused (screen readers follow it).
  useEffect(() => {
    if (props.cursor < 0) return;
    virtualizer.scrollToIndex(props.cursor, { align: 'auto' });
    requestAnimationFrame(() => {
      const row = parent.current?.querySelector<HTMLElement>(`[data-index="${props.cursor}"] a`);
      if (row && document.activeElement !== row) row.focus({ preventScroll: true });
    });
  }, [props.cursor]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div ref={parent} style={{ overflowY: 'auto', flex: 1, minHeight: 0, contain: 'strict' }} data-testid="inbox-scroller">
      <div role="list" aria-label={t('listLabel')} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => {
          const c = props.items[row.index]!;
          return (
            <div key={row.key} role="listitem" data-index={row.index}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}>
              <Row c={c} open={c.id === props.openId} cursor={row.index === props.cursor} href={`/inbox/${c.id}${props.search}`}
                onFocus={() => props.onCursor(row.index)} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

const Row = memo(function Row(props: { c: Conversation; open: boolean; cursor: boolean; href: string; onFocus(): void }) {
  const { t } = useTranslation('inbox');
  const { t: tc } = useTranslation('common');
  const { c } = props;
  const background = props.open ? 'var(--mantine-color-blue-0)' : props.cursor ? 'var(--mantine-color-gray-0)' : undefined;
  return (
    <Link href={props.href} onFocus={props.onFocus} data-testid="inbox-row" data-conversation-id={c.id}
      aria-current={props.open ? 'true' : undefined}
      style={{
        display: 'block', height: '100%', padding: '8px 12px', textDecoration: 'none', color: 'inherit', background,
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        borderLeft: `3px solid ${c.severity === 'crisis' ? 'var(--mantine-color-red-7)' : props.open ? 'var(--mantine-color-blue-7)' : 'transparent'}`,
      }}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={c.status === 'open' ? 700 : 500} truncate>{c.contact.name ?? t('unknownContact')}</Text>
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>{formatShort(c.lastMessageAt)}</Text>
      </Group>
      <Text size="sm" c="dimmed" truncate>{c.subject ?? c.intent ?? t('noSubject')}</Text>
      <Group gap={4} mt={2} wrap="nowrap" style={{ overflow: 'hidden' }}>
        <Badge size="xs" variant="light" color="gray">{tc(`channels.${c.channel.type}`)}</Badge>
        <Badge size="xs" variant="light" color="blue">{tc('level', { level: c.level })}</Badge>
        {c.severity !== 'normal' && <Badge size="xs" variant="light" color={SEVERITY_COLOR[c.severity]}>{tc(`severity.${c.severity}`)}</Badge>}
        {c.status !== 'open' && <Badge size="xs" variant="outline" color="gray">{tc(`status.${c.status}`)}</Badge>}
        {c.language && <Badge size="xs" variant="outline" color="gray">{c.language.toUpperCase()}</Badge>}
      </Group>
    </Link>
  );
});
