// One call for triage: language, severity (with crisis kind), sentiment and flags,
// from a single normalization pass. Every conclusion carries its reasons, prefixed
// by the detector that produced it.
import { detectFlags, type Flag, type FlagOptions } from './detect-flags.ts';
import { detectLanguage, type DetectedLanguage, type SupportedLanguage } from './detect-language.ts';
import { detectSeverity, type CrisisKind, type Severity } from './detect-severity.ts';
import { normalizeMessage } from './normalize-text.ts';
import { scoreSentiment } from './score-sentiment.ts';

/** Bump whenever a lexicon or rule changes, so stored signals can be told apart from fresh ones. */
export const SIGNALS_VERSION = 'signals-1.1.0';

export interface SignalContext {
  channel: { type: string; isPublic: boolean };
  audience?: { followers?: number };
  /** The organization's default language, used for messages too short to tell. Default 'fr'. */
  defaultLanguage?: SupportedLanguage;
  flagOptions?: FlagOptions;
}

export interface SignalAnalysis {
  language: DetectedLanguage;
  severity: Severity;
  crisisKind?: CrisisKind;
  /** -1..1 */
  sentiment: number;
  flags: Flag[];
  reasons: string[];
}

const PRIVATE_UNKNOWN_CHANNEL: SignalContext = { channel: { type: 'unknown', isPublic: false } };

export function analyzeSignals(text: string, context: SignalContext = PRIVATE_UNKNOWN_CHANNEL): SignalAnalysis {
  const normalized = normalizeMessage(text);
  const language = detectLanguage(normalized, { fallback: context.defaultLanguage ?? 'fr' });
  const sentiment = scoreSentiment(normalized);
  const severity = detectSeverity(normalized, { sentiment: sentiment.score });
  const flags = detectFlags(
    {
      text: normalized,
      channel: context.channel,
      sentiment: sentiment.score,
      severity: severity.severity,
      ...(context.audience ? { audience: context.audience } : {}),
    },
    context.flagOptions,
  );
  const reasons = [
    ...language.reasons.map((r) => `language: ${r}`),
    ...severity.reasons.map((r) => `severity: ${r}`),
    ...sentiment.reasons.map((r) => `sentiment: ${r}`),
    ...flags.reasons,
  ];
  if (normalized.stats.truncated) reasons.push(`input: analysed the first ${normalized.original.length} of ${normalized.stats.originalLength} characters`);
  if (normalized.rewrites.length > 0) reasons.push(`input: read ${normalized.rewrites.slice(0, 8).join(', ')}`);
  const result: SignalAnalysis = {
    language: language.language,
    severity: severity.severity,
    sentiment: sentiment.score,
    flags: flags.flags,
    reasons,
  };
  if (severity.crisisKind) result.crisisKind = severity.crisisKind;
  return result;
}
