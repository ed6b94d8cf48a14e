// Reads one message: signals (language, severity, sentiment, flags) and the intent guess.
import { analyzeSignals, type SignalAnalysis } from './signals/analyze-signals.ts';
import type { IntentModel } from './intent/intent-model.ts';
import type { IntentGuess } from './triage.types.ts';

export const MAX_TRIAGE_CHARS = 20_000;

export type ReadContext = {
  channel: { type: string; isPublic: boolean };
  audience?: { followers?: number } | undefined;
  defaultLanguage: 'fr' | 'en';
  reputationFollowers: number;
  model: IntentModel | null;
};

export type MessageReading = SignalAnalysis & { intent: IntentGuess | null; truncated: boolean };

export function readMessage(text: string, ctx: ReadContext): MessageReading {
  // Long messages are stored whole but read up to a bound: triage time must not grow with the input.
  const truncated = text.length > MAX_TRIAGE_CHARS;
  const input = truncated ? text.slice(0, MAX_TRIAGE_CHARS) : text;
  const signals = analyzeSignals(input, {
    channel: ctx.channel,
    ...(ctx.audience ? { audience: ctx.audience } : {}),
    defaultLanguage: ctx.defaultLanguage,
    flagOptions: { followersThreshold: ctx.reputationFollowers },
  });
  let intent: IntentGuess | null = null;
  if (ctx.model && input.trim().length > 0) {
    const p = ctx.model.predict(input);
    intent = { label: p.label, confidence: p.confidence, ranking: p.ranking.slice(0, 3) };
  }
  return { ...signals, intent, truncated };
}
