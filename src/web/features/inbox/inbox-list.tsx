// The inbox list, virtualized: only the rows on screen exist in the page, so 10,000 conversations scroll as
// smoothly as 10. The next page loads before the end is reached. j/k move the cursor (see inbox-page.tsx).
import { memo, useEffect, useMemo, useRef } from 'react';
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
  const { t, i18n } = useTranslation('inbox');
  const { t: tc } = useTranslation('common');
  const parent = useRef<HTMLDivElement>(null);
  const labels = useMemo<RowLabels>(() => ({
    unknownContact: t('unknownContact'), noSubject: t('noSubject'),
    channel: (type) => tc(`channels.${type}`), level: (level) => tc('level', { level }),
    severity: (s) => tc(`severity.${s}`), status: (s) => tc(`status.${s}`),
  }), [t, tc, i18n.resolvedLanguage]); // eslint-disable-line react-hooks/exhaustive-deps
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
      // Never take the focus from someone typing (the reply box, a filter) or from a dialog: the list may
      // re-render (a live update, a refetch) while they are there.
      const active = document.activeElement as HTMLElement | null;
      const busyElsewhere = active && (active.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]') !== null);
      if (row && active !== row && !busyElsewhere) row.focus({ preventScroll: true });
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
              <Row c={c} index={row.index} open={c.id === props.openId} cursor={row.index === props.cursor} href={`/inbox/${c.id}${props.search}`}
                labels={labels} onCursor={props.onCursor} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

type RowLabels = { unknownContact: string; noSubject: string; channel(type: string): string; level(level: number): string; severity(s: string): string; status(s: string): string };

/** Plain elements and stable props: rows are created by the hundred while scrolling, so each must be cheap. */
const Row = memo(function Row(props: { c: Conversation; index: number; open: boolean; cursor: boolean; href: string; labels: RowLabels; onCursor(index: number): void }) {
  const { c, labels } = props;
  return (
    <Link href={props.href} onFocus={() => props.onCursor(props.index)} className="inbox-row" data-testid="inbox-row" data-conversation-id={c.id}
      aria-current={props.open ? 'true' : undefined} data-cursor={props.cursor || undefined}
      data-crisis={c.severity === 'crisis' || undefined} data-open-status={c.status === 'open' || undefined}>
      <span className="inbox-row-line">
        <span className="inbox-row-name">{c.contact.name ?? labels.unknownContact}</span>
        <span className="inbox-row-time">{formatShort(c.lastMessageAt)}</span>
      </span>
      <span className="inbox-row-subject" style={{ display: 'block' }}>{c.subject ?? c.intent ?? labels.noSubject}</span>
      <span className="inbox-row-tags">
        <span className="tag">{labels.channel(c.channel.type)}</span>
        <span className="tag" data-tone="blue">{labels.level(c.level)}</span>
        {c.severity !== 'normal' && <span className="tag" data-tone={SEVERITY_COLOR[c.severity]}>{labels.severity(c.severity)}</span>}
        {c.status !== 'open' && <span className="tag" data-tone="outline">{labels.status(c.status)}</span>}
        {c.language && <span className="tag" data-tone="outline">{c.language.toUpperCase()}</span>}
      </span>
    </Link>
  );
});
