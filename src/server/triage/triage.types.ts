import type { Flag } from './signals/detect-flags.ts';
import type { CrisisKind } from './signals/detect-severity.ts';
import type { Severity } from '../db/schema/index.ts';

export type Decision = 'auto_answer' | 'level2' | 'level3' | 'spam';

/** A published article or template that answers an intent in one language. */
export type AnswerSource = {
  kind: 'article' | 'template';
  id: string;
  title: string;
  body: string;
  language: 'fr' | 'en';
};

export type IntentGuess = { label: string; confidence: number; ranking: { label: string; confidence: number }[] };

export type TriageResult = {
  language: 'fr' | 'en' | 'other';
  intent: string | null;
  confidence: number;
  severity: Severity;
  crisisKind?: CrisisKind;
  sentiment: number;
  flags: Flag[];
  decision: Decision;
  level: 1 | 2 | 3;
  priority: number;
  /** Why, in order: the signals' evidence, then the decision's rules. */
  reasons: string[];
  answer?: { kind: AnswerSource['kind'] | 'generated'; id: string; title: string; citations?: { kind: string; id: string; title: string }[] };
  /** True when people take it only because level 1 had no confident answer. */
  abstained: boolean;
  threshold: number | null;
  modelVersion: string;
};
