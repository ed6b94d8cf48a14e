// Metrics for an intent model at one abstention threshold, plus timing helpers.
import { isAccepted, type ScoredItem } from './choose-threshold.js';
import type { IntentExample, IntentModel } from './intent-model.js';

export interface IntentMetrics {
  threshold: number;
  items: number;
  /** In-scope items answered (not abstained) with the right label, over all in-scope items. */
  inScopeAccuracy: number;
  /** Out-of-scope items abstained on, over all out-of-scope items. */
  oosRecall: number;
  /** Abstentions that were really out of scope, over all abstentions. */
  oosPrecision: number;
  /** Share of items answered automatically, and the share of those answers that are right. */
  coverage: number;
  acceptedPrecision: number;
  /** Macro F1 over all gold labels, abstention counted as the out-of-scope label. */
  macroF1: number;
  topConfusions: { gold: string; predicted: string; count: number }[];
}

/** Predict every example once; the result feeds both threshold choice and metrics. */
export function scoreExamples(model: IntentModel, examples: IntentExample[]): ScoredItem[] {
  return examples.map((e) => {
    const prediction = model.predict(e.text);
    return { gold: e.label, predicted: prediction.label, confidence: prediction.confidence };
  });
}

export function computeMetrics(items: ScoredItem[], threshold: number, outOfScopeLabel: string, topK = 10): IntentMetrics {
  let inScope = 0;
  let inScopeCorrect = 0;
  let oos = 0;
  let oosCaught = 0;
  let abstained = 0;
  let accepted = 0;
  let acceptedCorrect = 0;
  const truePositives = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  const goldCount = new Map<string, number>();
  const confusions = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const item of items) {
    const answered = isAccepted(item, threshold, outOfScopeLabel);
    const decided = answered ? item.predicted : outOfScopeLabel;
    const isOos = item.gold === outOfScopeLabel;
    if (isOos) oos++;
    else inScope++;
    if (answered) {
      accepted++;
      if (decided === item.gold) acceptedCorrect++;
    } else abstained++;
    if (!isOos && decided === item.gold) inScopeCorrect++;
    if (isOos && !answered) oosCaught++;
    bump(goldCount, item.gold);
    bump(predictedCount, decided);
    if (decided === item.gold) bump(truePositives, item.gold);
    else bump(confusions, `${item.gold}\u0000${decided}`);
  }
  let f1Sum = 0;
  for (const [label, support] of goldCount) {
    const tp = truePositives.get(label) ?? 0;
    const predicted = predictedCount.get(label) ?? 0;
    f1Sum += tp === 0 ? 0 : (2 * tp) / (support + predicted);
  }
  const topConfusions = [...confusions.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, topK)
    .map(([key, count]) => {
      const [gold, predicted] = key.split('\u0000') as [string, string];
      return { gold, predicted, count };
    });
  const ratio = (a: number, b: number, empty: number) => (b === 0 ? empty : a / b);
  return {
    threshold,
    items: items.length,
    inScopeAccuracy: ratio(inScopeCorrect, inScope, 0),
    oosRecall: ratio(oosCaught, oos, 1),
    oosPrecision: ratio(oosCaught, abstained, 1),
    coverage: ratio(accepted, items.length, 0),
    acceptedPrecision: ratio(acceptedCorrect, accepted, 1),
    macroF1: goldCount.size ? f1Sum / goldCount.size : 0,
    topConfusions,
  };
}

/** Wall-clock seconds of a synchronous job (e.g. training), with its result. */
export function timeSeconds<T>(job: () => T): { result: T; seconds: number } {
  const start = performance.now();
  const result = job();
  return { result, seconds: (performance.now() - start) / 1000 };
}

/** Per-message prediction latency in milliseconds, one message at a time. */
export function measureLatency(model: IntentModel, texts: string[]): { medianMs: number; p99Ms: number } {
  for (const text of texts.slice(0, 200)) model.predict(text); // warm up the JIT first
  const durations = texts.map((text) => {
    const start = performance.now();
    model.predict(text);
    return performance.now() - start;
  });
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? 0;
  return { medianMs: at(0.5), p99Ms: at(0.99) };
}
