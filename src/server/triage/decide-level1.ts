// The level-1 decision: answer automatically, or hand the conversation to people, and say why.
// A pure function of the signals, the intent guess and the organization's settings.
import type { Severity } from '../db/schema/index.ts';
import type { Flag } from './signals/detect-flags.ts';
import type { CrisisKind } from './signals/detect-severity.ts';
import type { AnswerSource, Decision, IntentGuess } from './triage.types.ts';

export type DecisionInput = {
  severity: Severity;
  crisisKind?: CrisisKind | undefined;
  flags: Flag[];
  language: 'fr' | 'en' | 'other';
  intent: IntentGuess | null;
  outOfScopeLabel: string | null;
  /** null when the organization has no trained model yet. */
  threshold: number | null;
  autoAnswerEnabled: boolean;
  /** The published answer for the guessed intent in the customer's language, if any. */
  answer: AnswerSource | null;
};

/** `abstained`: people take it only because level 1 had no confident answer (not for safety): a grounded
 * generative answer may still be tried. */
export type DecisionOutput = { decision: Decision; level: 1 | 2 | 3; priority: number; reasons: string[]; answer: AnswerSource | null; abstained: boolean };

const PRIORITY: Record<Severity, number> = { normal: 1, complaint: 2, angry: 3, abusive: 3, crisis: 4 };

export function decideLevel1(input: DecisionInput): DecisionOutput {
  const { severity, flags } = input;
  if (severity === 'crisis') {
    return handOff('level3', 4, [`decision: crisis (${input.crisisKind ?? 'threat'}) is never answered automatically; a person must see it now`]);
  }
  if (severity === 'abusive') return handOff('level3', 3, ['decision: abusive messages go to the core team, never to automation or experts']);
  if (flags.includes('confidential')) return handOff('level3', Math.max(2, PRIORITY[severity]), ['decision: confidential (needs internal information): core team only']);
  if (flags.includes('spam')) return { decision: 'spam', level: 1, priority: 0, reasons: ['decision: spam: no answer, kept for review'], answer: null, abstained: false };

  const abstain = (why: string) => {
    const toCore = severity === 'angry' || flags.includes('reputation_risk');
    const level = toCore ? 'level3' : 'level2';
    const routed = toCore
      ? `routing: ${severity === 'angry' ? 'angry customer' : 'reputation risk'} goes to the core team`
      : 'routing: handed to the community experts (level 2)';
    return { ...handOff(level, Math.max(PRIORITY[severity], flags.includes('reputation_risk') ? 3 : 0), [`decision: no automatic answer: ${why}`, routed]), abstained: true };
  };

  if (!input.autoAnswerEnabled) return abstain('automatic answers are turned off for this organization');
  if (input.threshold === null) return abstain('no intent model trained yet');
  const intent = input.intent;
  if (!intent || intent.label === input.outOfScopeLabel) return abstain('the message matches no known intent');
  const confidence = intent.confidence.toFixed(2);
  if (intent.confidence < input.threshold) {
    return abstain(`intent ${intent.label} at confidence ${confidence} is below the threshold ${input.threshold.toFixed(2)}`);
  }
  if (input.language === 'other') return abstain('the message is in neither French nor English');
  if (!input.answer) return abstain(`no published article or template answers ${intent.label} in ${input.language}`);
  return {
    decision: 'auto_answer', level: 1, priority: PRIORITY[severity], answer: input.answer, abstained: false,
    reasons: [`decision: automatic answer: intent ${intent.label} at confidence ${confidence} ≥ threshold ${input.threshold.toFixed(2)}, answered by ${input.answer.kind} "${input.answer.title}"`],
  };

  function handOff(decision: 'level2' | 'level3', priority: number, reasons: string[]): DecisionOutput {
    return { decision, level: decision === 'level2' ? 2 : 3, priority, reasons, answer: null, abstained: false };
  }
}
