// Whether search results are good enough to ground an answer on, and which of them to use.
// Lexical search cannot know that a document answers the question; it can know that the document
// covers most of the question's terms, which is the bar here. Below it, callers abstain or escalate.
import type { SearchHit } from './search-types.ts';

export type RetrievalStrength = {
  level: 'strong' | 'weak' | 'none';
  /** Why, in a sentence for logs and for the person who takes over. */
  reason: string;
  /** The hits worth handing to a model, best first (empty unless strong). */
  sources: SearchHit[];
};

export type StrengthThresholds = {
  /** The best hit's score. */
  minScore?: number;
  /** The best hit's coverage: at least this share of the question's terms must be in one document. */
  minCoverage?: number;
  /** Other hits join the sources when their score is at least this fraction of the best one. */
  relativeToBest?: number;
  maxSources?: number;
};

export const DEFAULT_THRESHOLDS: Required<StrengthThresholds> = {
  minScore: 0.5, minCoverage: 0.5, relativeToBest: 0.6, maxSources: 5,
};

export function retrievalStrength(hits: readonly SearchHit[], thresholds: StrengthThresholds = {}): RetrievalStrength {
  const t = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const best = hits[0];
  if (!best) return { level: 'none', reason: 'nothing in the knowledge base matches the question', sources: [] };
  const percent = (x: number) => `${Math.round(x * 100)}%`;
  if (best.score < t.minScore || best.signals.coverage < t.minCoverage) {
    return {
      level: 'weak',
      reason: `the best match ("${best.title}") covers ${percent(best.signals.coverage)} of the question's terms `
        + `(score ${best.score}; needs ${t.minScore} and ${percent(t.minCoverage)})`,
      sources: [],
    };
  }
  const floor = best.score * t.relativeToBest;
  const sources = hits.filter((h) => h.score >= floor).slice(0, t.maxSources);
  return { level: 'strong', reason: `"${best.title}" covers ${percent(best.signals.coverage)} of the question's terms`, sources };
}
