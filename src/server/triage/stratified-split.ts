import type { IntentExample } from './intent/intent-model.ts';

/**
 * Holds out about `share` of each label's examples (at least one when a label has 3 or more), deterministically:
 * the same examples always give the same split, so a retraining is comparable with the last one.
 */
export function stratifiedSplit(examples: IntentExample[], share: number): { train: IntentExample[]; heldOut: IntentExample[] } {
  const byLabel = new Map<string, IntentExample[]>();
  for (const e of examples) byLabel.set(e.label, [...(byLabel.get(e.label) ?? []), e]);
  const train: IntentExample[] = [];
  const heldOut: IntentExample[] = [];
  for (const group of byLabel.values()) {
    const ordered = [...group].sort((a, b) => hash(a.text) - hash(b.text));
    const n = group.length >= 3 ? Math.max(1, Math.round(group.length * share)) : 0;
    heldOut.push(...ordered.slice(0, n));
    train.push(...ordered.slice(n));
  }
  return { train, heldOut };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
