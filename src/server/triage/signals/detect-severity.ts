// Ordered severity: normal < complaint < angry < abusive < crisis; the highest
// level with evidence wins. Each level has its own detector so the reasons say
// exactly which words decided.
import { detectAbuse } from './detect-abuse.ts';
import { detectCrisis, type CrisisKind } from './detect-crisis.ts';
import { normalizeMessage, type NormalizedText } from './normalize-text.ts';
import { findHits, isNegated, quote, type LexPattern } from './pattern-tools.ts';
import { scoreSentiment } from './score-sentiment.ts';
import {
  ANGER_WORDS_EN, CHURN_THREATS_EN, COMPLAINT_STRONG_EN, COMPLAINT_WEAK_EN, CONDITIONAL_EN, LEGAL_THREATS_EN,
  PUBLIC_EXPOSURE_EN,
} from './severity-lexicon-en.ts';
import {
  ANGER_WORDS_FR, CHURN_THREATS_FR, COMPLAINT_STRONG_FR, COMPLAINT_WEAK_FR, CONDITIONAL_FR, LEGAL_THREATS_FR,
  PUBLIC_EXPOSURE_FR,
} from './severity-lexicon-fr.ts';

export type Severity = 'normal' | 'complaint' | 'angry' | 'abusive' | 'crisis';
export type { CrisisKind };
export const SEVERITY_ORDER: readonly Severity[] = ['normal', 'complaint', 'angry', 'abusive', 'crisis'];

export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

export interface SeverityResult {
  severity: Severity;
  crisisKind?: CrisisKind;
  /** 0..1 risk: each level owns a band (normal < 0.25 ≤ complaint < 0.5 ≤ angry < 0.75 ≤ abusive < 0.9 ≤ crisis). */
  score: number;
  reasons: string[];
}

export interface SeverityOptions {
  /** Sentiment already computed for the same text (saves a pass in analyzeSignals). */
  sentiment?: number;
}

const CHURN: readonly LexPattern[] = [...CHURN_THREATS_FR, ...CHURN_THREATS_EN];
const PUBLIC_EXPOSURE: readonly LexPattern[] = [...PUBLIC_EXPOSURE_FR, ...PUBLIC_EXPOSURE_EN];
const LEGAL: readonly LexPattern[] = [...LEGAL_THREATS_FR, ...LEGAL_THREATS_EN];
const ANGER_WORDS: readonly LexPattern[] = [...ANGER_WORDS_FR, ...ANGER_WORDS_EN];
const COMPLAINT_STRONG: readonly LexPattern[] = [...COMPLAINT_STRONG_FR, ...COMPLAINT_STRONG_EN];
const COMPLAINT_WEAK: readonly LexPattern[] = [...COMPLAINT_WEAK_FR, ...COMPLAINT_WEAK_EN];
const FURIOUS_EMOJI = new Set(['😡', '🤬', '😠', '😤', '🖕']);

const BAND: Record<Severity, number> = { normal: 0, complaint: 0.25, angry: 0.5, abusive: 0.75, crisis: 0.9 };

/**
 * Non-negated hits of a pattern list, over every reading of the text. Statements of
 * a problem carry their own negation ("pas reçu"), so only words before them negate.
 */
function evidence(normalized: NormalizedText, list: readonly LexPattern[], negationInside = true): string[] {
  const found = new Set<string>();
  for (const text of normalized.variants) {
    for (const hit of findHits(text, list)) if (!isNegated(hit, 2, negationInside)) found.add(`${hit.id} ${quote(hit.match)}`);
  }
  return [...found];
}

/** Threat to go public (press, social media, reviews): shared with the reputation flag. */
export function findPublicExposureThreats(normalized: NormalizedText): string[] {
  return evidence(normalized, PUBLIC_EXPOSURE);
}

export function detectSeverity(input: string | NormalizedText, options: SeverityOptions = {}): SeverityResult {
  const normalized = typeof input === 'string' ? normalizeMessage(input) : input;
  const reasons: string[] = [];
  const finish = (severity: Severity, strength: number, crisisKind?: CrisisKind): SeverityResult => {
    const width = severity === 'crisis' ? 0.1 : 0.25;
    const score = Math.round((BAND[severity] + Math.min(0.99, strength) * width) * 100) / 100;
    return crisisKind ? { severity, crisisKind, score, reasons } : { severity, score, reasons };
  };

  const crisis = detectCrisis(normalized);
  reasons.push(...crisis.reasons);
  if (crisis.kind) return finish('crisis', 0.5, crisis.kind);

  const sentiment = options.sentiment ?? scoreSentiment(normalized).score;
  const abuse = detectAbuse(normalized, sentiment);
  reasons.push(...abuse.reasons);
  if (abuse.abusive) return finish('abusive', 0.5);

  const strong = evidence(normalized, COMPLAINT_STRONG, false);
  const weak = evidence(normalized, COMPLAINT_WEAK, false);
  const complaintScore = strong.length + 0.5 * weak.length;
  const negativeContext = complaintScore >= 1 || sentiment <= -0.2 || (weak.length > 0 && sentiment < 0);

  // angry: explicit threats or anger words decide alone; shouting, "!!!" and swearing need a negative context.
  const threats = [...evidence(normalized, LEGAL), ...findPublicExposureThreats(normalized)];
  const angerWords = evidence(normalized, ANGER_WORDS);
  const churn = evidence(normalized, CHURN);
  const conditional = CONDITIONAL_FR.test(normalized.text) || CONDITIONAL_EN.test(normalized.text);
  const { capitalRatio, letterCount, shoutedWords, exclamationCount, longestExclamationRun } = normalized.stats;
  const intensity: string[] = [];
  if ((capitalRatio >= 0.6 && letterCount >= 10) || shoutedWords >= 3) intensity.push(`shouting in capitals (${Math.round(capitalRatio * 100)}%)`);
  if (exclamationCount >= 3 || longestExclamationRun >= 3) intensity.push(`${exclamationCount} exclamation marks`);
  if (abuse.profanityCount > 0) intensity.push('swearing');
  if (normalized.emojis.some((e) => FURIOUS_EMOJI.has(e))) intensity.push('furious emoji');
  if (crisis.figurativeThreat) threats.push('violent words aimed at court/reviews/social media');

  const angryEvidence = [
    ...threats.map((t) => `threat: ${t}`),
    ...angerWords.map((a) => `anger: ${a}`),
    ...(churn.length > 0 && (negativeContext || conditional) ? churn.map((c) => `threat to leave: ${c}`) : []),
    ...(negativeContext || angerWords.length > 0 ? intensity : []),
  ];
  if (angryEvidence.length > 0) {
    reasons.push(...angryEvidence);
    return finish('angry', angryEvidence.length / 4);
  }

  const complaintEvidence = [
    ...strong.map((s) => `dissatisfaction: ${s}`),
    ...churn.map((c) => `wants to leave: ${c}`),
    ...(complaintScore >= 1 || sentiment <= -0.35 || (weak.length > 0 && sentiment < -0.1) || churn.length > 0
      ? weak.map((w) => `problem: ${w}`)
      : []),
  ];
  if (sentiment <= -0.35) complaintEvidence.push(`negative sentiment ${sentiment}`);
  if (complaintEvidence.length > 0) {
    reasons.push(...complaintEvidence);
    return finish('complaint', complaintEvidence.length / 4);
  }
  if (weak.length > 0) reasons.push(`problem mentioned without displeasure: ${weak.join(', ')}`);
  return finish('normal', Math.max(0, -sentiment));
}
