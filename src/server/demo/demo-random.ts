// Seeded randomness for the demo data: the same seed gives the same brands, texts and dates,
// so screenshots, docs and bug reports made on demo data can be reproduced.
import { seededRandom } from '../triage/intent/seeded-random.ts';

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An item other than `avoid` when the list allows it. */
  pickOther<T>(items: readonly T[], avoid: T): T;
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  shuffle<T>(items: T[]): T[];
  /** Uniform duration in [minMs, maxMs]. */
  between(minMs: number, maxMs: number): number;
  digits(n: number): string;
  letters(n: number): string;
};

export function createRng(seed: number): Rng {
  const next = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(next() * items.length)]!;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    pickOther: (items, avoid) => {
      const others = items.filter((i) => i !== avoid);
      return others.length > 0 ? pick(others) : pick(items);
    },
    weighted: (items, weight) => {
      const total = items.reduce((sum, i) => sum + weight(i), 0);
      let r = next() * total;
      for (const item of items) {
        r -= weight(item);
        if (r < 0) return item;
      }
      return items[items.length - 1]!;
    },
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
    between: (minMs, maxMs) => Math.round(minMs + next() * (maxMs - minMs)),
    digits: (n) => Array.from({ length: n }, (_, i) => String(i === 0 ? int(1, 9) : int(0, 9))).join(''),
    letters: (n) => Array.from({ length: n }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ'[int(0, 23)]).join(''),
  };
}

/** A slot is a fixed list of values or a generator that may read slots already chosen. */
export type SlotSource = readonly string[] | ((rng: Rng, get: (key: string) => string) => string);
export type SlotTable = Record<string, SlotSource>;

/**
 * Fills `{key}` placeholders. One filler per conversation: a slot keeps its value across
 * the opener, follow-ups and replies, so a thread talks about one train, one order.
 */
export function createFiller(rng: Rng, tables: readonly SlotTable[], fixed: Record<string, string> = {}) {
  const values: Record<string, string> = { ...fixed };
  const get = (key: string): string => {
    if (values[key] !== undefined) return values[key];
    const source = tables.find((t) => t[key] !== undefined)?.[key];
    if (source === undefined) throw new Error(`demo text uses unknown slot {${key}}`);
    values[key] = typeof source === 'function' ? source(rng, get) : rng.pick(source);
    return values[key];
  };
  const fill = (template: string) => template.replace(/\{([a-zA-Z0-9_]+)\}/g, (_, key: string) => get(key));
  return { fill, values };
}

export const pad2 = (n: number) => String(n).padStart(2, '0');
