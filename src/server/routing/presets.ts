// The built-in rules: safety first (whatever the preset or custom rules), then each preset's pyramid as
// named rules, tried after the organization's own rules. Their names are what agents read under
// "why is this here?".
import type { Preset } from '../organizations/org-settings.ts';
import type { RouteInput } from './routing.types.ts';

export type BuiltInRule = {
  name: string;
  target: 'auto_answer' | 'level2' | 'level3' | 'spam';
  /** May an automatic answer still be tried (triage's, or a grounded generative one)? */
  autoAnswerAllowed: boolean;
  /** The pyramid's own step: with no expert queue for it, the conversation passes up to the core team. */
  passUp?: boolean;
  when(input: RouteInput, confidentialTopics: ReadonlySet<string>): boolean;
  reason(input: RouteInput, confidentialTopics: ReadonlySet<string>): string;
  priority(input: RouteInput): number;
};

const keep = (input: RouteInput) => input.triage.priority;
const isConfidential = (input: RouteInput, topics: ReadonlySet<string>) =>
  input.triage.flags.includes('confidential') || (input.triage.intent !== null && topics.has(input.triage.intent));

/** Matched together: every safety rule that applies is shown; all send to the core team. */
export const SAFETY_RULES: BuiltInRule[] = [
  {
    name: 'safety: crisis', target: 'level3', autoAnswerAllowed: false,
    when: (i) => i.triage.severity === 'crisis',
    reason: (i) => `crisis (${i.triage.crisisKind ?? 'threat'}) is never answered automatically: the core team at top priority`,
    priority: () => 4,
  },
  {
    name: 'safety: abusive', target: 'level3', autoAnswerAllowed: false,
    when: (i) => i.triage.severity === 'abusive',
    reason: () => 'abusive messages go to the core team, never to automation, experts or providers',
    priority: (i) => Math.max(3, i.triage.priority),
  },
  {
    name: 'safety: confidential', target: 'level3', autoAnswerAllowed: false,
    when: isConfidential,
    reason: (i, topics) => i.triage.intent !== null && topics.has(i.triage.intent)
      ? `topic ${i.triage.intent} is confidential for this organization: core team only, never experts or providers`
      : 'triage found confidential information: core team only, never experts or providers',
    priority: (i) => Math.max(2, i.triage.priority),
  },
];

/** Spam is triage's verdict, not a routing choice: kept for review, never answered, never queued. */
export const SPAM_RULE: BuiltInRule = {
  name: 'triage: spam', target: 'spam', autoAnswerAllowed: false,
  when: (i) => i.triage.decision === 'spam',
  reason: () => 'spam: no answer, no queue, kept for review',
  priority: () => 0,
};

const confidentAnswer = (preset: Preset): BuiltInRule => ({
  name: `preset ${preset}: confident answers are sent automatically`, target: 'auto_answer', autoAnswerAllowed: true,
  when: (i) => i.triage.decision === 'auto_answer',
  reason: (i) => `intent ${i.triage.intent} at confidence ${i.triage.confidence.toFixed(2)} has a published answer`,
  priority: keep,
});

const riskToCore = (preset: Preset): BuiltInRule => ({
  name: `preset ${preset}: angry customers and reputation risks go to the core team`, target: 'level3', autoAnswerAllowed: false,
  when: (i) => i.triage.decision === 'level3',
  reason: (i) => i.triage.flags.includes('reputation_risk') ? 'reputation risk (public and negative)' : `${i.triage.severity} customer`,
  priority: keep,
});

const always = () => true;

export const PRESET_RULES: Record<Preset, BuiltInRule[]> = {
  b2c: [{
    name: 'preset b2c: the core team answers everything, no automatic answers', target: 'level3', autoAnswerAllowed: false,
    when: always, reason: () => 'a dedicated team answers every message', priority: keep,
  }],
  c2c: [riskToCore('c2c'), {
    name: 'preset c2c: community experts first, no automatic answers', target: 'level2', autoAnswerAllowed: false, passUp: true,
    when: always, reason: (i) => `question${i.triage.intent ? ` about ${i.triage.intent}` : ''} for the community experts, then the team`, priority: keep,
  }],
  ia2c: [confidentAnswer('ia2c'), riskToCore('ia2c'), {
    name: 'preset ia2c: what automation cannot answer goes to the core team (no experts)', target: 'level3', autoAnswerAllowed: true,
    when: always, reason: () => 'no confident automatic answer', priority: keep,
  }],
  all2c: [confidentAnswer('all2c'), riskToCore('all2c'), {
    name: 'preset all2c: unanswered questions go to the community experts', target: 'level2', autoAnswerAllowed: true, passUp: true,
    when: always, reason: () => 'no confident automatic answer: level 2, then level 3', priority: keep,
  }],
};

/** Presets that never answer automatically, whatever the custom rules say. */
export const NO_AUTOMATION: ReadonlySet<Preset> = new Set(['b2c', 'c2c']);

/** The built-in rules in the order they are tried, for display (GET /api/routing/rules). */
export function builtInRuleNames(preset: Preset): { name: string; stage: 'safety' | 'custom' | 'preset' }[] {
  return [
    ...SAFETY_RULES.map((r) => ({ name: r.name, stage: 'safety' as const })),
    { name: SPAM_RULE.name, stage: 'safety' as const },
    { name: "the organization's own rules, in position order", stage: 'custom' as const },
    ...PRESET_RULES[preset].map((r) => ({ name: r.name, stage: 'preset' as const })),
  ];
}
