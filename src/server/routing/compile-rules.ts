// Turns an organization's stored rules into fast matchers, once per organization (routing-cache.ts keeps
// them): lists become sets, absent conditions cost nothing.
import type { Preset } from '../organizations/org-settings.ts';
import type { RoutingRule, RuleConditions } from './rule-schema.ts';
import type { CompiledRouting, CompiledRule, RouteInput, TeamInfo } from './routing.types.ts';

type Check = (input: RouteInput) => boolean;

function checksOf(c: RuleConditions): Check[] {
  const checks: Check[] = [];
  const inSet = <T>(values: T[] | undefined, read: (i: RouteInput) => T | null) => {
    if (!values) return;
    const set = new Set<T>(values);
    checks.push((i) => { const v = read(i); return v !== null && set.has(v); });
  };
  inSet(c.intents, (i) => i.triage.intent);
  inSet(c.severities, (i) => i.triage.severity);
  inSet(c.languages, (i) => i.triage.language);
  inSet(c.channelTypes, (i) => i.channelType);
  inSet(c.segments, (i) => i.segment);
  if (c.visibility) { const v = c.visibility; checks.push((i) => i.visibility === v); }
  if (c.decision) { const d = c.decision; checks.push((i) => i.triage.decision === d); }
  if (c.flags) { const flags = c.flags; checks.push((i) => flags.every((f) => i.triage.flags.includes(f))); }
  if (c.confidenceBelow !== undefined) { const t = c.confidenceBelow; checks.push((i) => i.triage.confidence < t); }
  if (c.confidenceAtLeast !== undefined) { const t = c.confidenceAtLeast; checks.push((i) => i.triage.confidence >= t); }
  return checks;
}

/** The matched conditions in words, with the message's own values. */
export function explainMatch(c: RuleConditions, i: RouteInput): string {
  const parts: string[] = [];
  if (c.intents) parts.push(`intent ${i.triage.intent}`);
  if (c.severities) parts.push(`severity ${i.triage.severity}`);
  if (c.languages) parts.push(`language ${i.triage.language}`);
  if (c.channelTypes) parts.push(`channel ${i.channelType}`);
  if (c.visibility) parts.push(`${i.visibility} message`);
  if (c.segments) parts.push(`segment ${i.segment}`);
  if (c.flags) parts.push(`flags ${c.flags.join(', ')}`);
  if (c.confidenceBelow !== undefined) parts.push(`confidence ${i.triage.confidence.toFixed(2)} < ${c.confidenceBelow}`);
  if (c.confidenceAtLeast !== undefined) parts.push(`confidence ${i.triage.confidence.toFixed(2)} ≥ ${c.confidenceAtLeast}`);
  if (c.decision) parts.push(`triage decided ${i.triage.decision}`);
  return parts.length === 0 ? 'matches every message' : `matched ${parts.join(', ')}`;
}

export function compileRule(rule: RoutingRule & { id: string }): CompiledRule {
  const checks = checksOf(rule.conditions);
  // An automatic answer needs one: such a rule applies only where triage found a confident answer.
  if (rule.action.target === 'auto_answer') checks.push((i) => i.triage.decision === 'auto_answer');
  return {
    id: rule.id, name: rule.name, action: rule.action,
    matches: (input) => {
      for (const check of checks) if (!check(input)) return false;
      return true;
    },
    explain: (input) => explainMatch(rule.conditions, input),
  };
}

export function compileRouting(input: {
  preset: Preset; confidentialTopics: string[]; rules: (RoutingRule & { id: string })[]; teams: TeamInfo[];
}): CompiledRouting {
  return {
    preset: input.preset,
    confidentialTopics: new Set(input.confidentialTopics),
    rules: input.rules.filter((r) => r.enabled).sort((a, b) => a.position - b.position).map(compileRule),
    teams: new Map(input.teams.map((t) => [t.id, t])),
  };
}
