// What the widget remembers in localStorage, per channel key: the anonymous visitor id, the last message the
// visitor saw (for the unread badge on the next page), the brand's look (so the launcher is styled before
// connecting), whether the panel was open, and unsent messages.
import type { BrandInfo, ClientFrame } from './protocol.ts';

type Unsent = { frame: Extract<ClientFrame, { type: 'message' | 'quick_reply' }>; text: string };

export function createStore(key: string) {
  const name = (item: string) => `relais:${key}:${item}`;
  // Storage may be disabled (private modes, strict cookie settings): the chat still works for this page.
  const read = (item: string): string | null => {
    try {
      return localStorage.getItem(name(item));
    } catch {
      return null;
    }
  };
  const write = (item: string, value: string | null) => {
    try {
      if (value === null) localStorage.removeItem(name(item));
      else localStorage.setItem(name(item), value);
    } catch {
      /* not persisted */
    }
  };
  const readJson = <T>(item: string): T | null => {
    try {
      return JSON.parse(read(item) ?? 'null') as T | null;
    } catch {
      return null;
    }
  };
  return {
    visitorId: () => read('visitor'),
    setVisitorId: (id: string) => write('visitor', id),
    lastViewed: () => read('viewed'),
    setLastViewed: (id: string) => write('viewed', id),
    brand: () => readJson<BrandInfo>('brand'),
    setBrand: (brand: BrandInfo) => write('brand', JSON.stringify(brand)),
    wasOpen: () => read('open') === '1',
    setOpen: (open: boolean) => write('open', open ? '1' : null),
    unsent: () => readJson<Unsent[]>('unsent') ?? [],
    setUnsent: (items: Unsent[]) => write('unsent', items.length > 0 ? JSON.stringify(items) : null),
    /** A new visitor (the brand's site signed someone out). */
    forget: () => ['visitor', 'viewed', 'unsent', 'open'].forEach((item) => write(item, null)),
  };
}

export type Store = ReturnType<typeof createStore>;
