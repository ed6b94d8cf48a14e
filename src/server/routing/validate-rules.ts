// A rule set is checked as a whole every time one rule is saved: a set that contradicts itself, names a team
// the organization does not have, sends a confidential topic outside the core team, or lets fallbacks go
// round in circles is refused with the reason, naming the rules involved.
import { AppError } from '../errors.ts';
import { describeTarget } from './decide-route.ts';
import type { RoutingRule, RuleAction, RuleConditions } from './rule-schema.ts';
import type { TeamInfo } from './routing.types.ts';

type Rule = Pick<RoutingRule, 'name' | 'position' | 'enabled' | 'conditions' | 'action'> & { id?: string | null };
const LIST_KEYS = ['intents', 'severities', 'languages', 'channelTypes', 'segments'] as const;

/** What the rule really requires: an automatic answer exists only where triage found one. */
function effective(rule: Rule): RuleConditions | null {
  const c = rule.conditions;
  if (c.confidenceBelow !== undefined && c.confidenceAtLeast !== undefined && c.confidenceBelow <= c.confidenceAtLeast) return null;
  if (rule.action.target !== 'auto_answer') return c;
  if (c.decision && c.decision !== 'auto_answer') return null;
  return { ...c, decision: 'auto_answer' };
}

/** Does every message that matches `inner` also match `outer`? */
export function includes(outer: RuleConditions, inner: RuleConditions): boolean {
  for (const key of LIST_KEYS) {
    const o = outer[key] as string[] | undefined;
    const i = inner[key] as string[] | undefined;
    if (o && (!i || !i.every((v) => o.includes(v)))) return false;
  }
  if (outer.visibility && outer.visibility !== inner.visibility) return false;
  if (outer.decision && outer.decision !== inner.decision) return false;
  if (outer.flags && !outer.flags.every((f) => inner.flags?.includes(f))) return false;
  if (outer.confidenceBelow !== undefined && !(inner.confidenceBelow !== undefined && inner.confidenceBelow <= outer.confidenceBelow)) return false;
  if (outer.confidenceAtLeast !== undefined && !(inner.confidenceAtLeast !== undefined && inner.confidenceAtLeast >= outer.confidenceAtLeast)) return false;
  return true;
}

const canonical = (c: RuleConditions) => JSON.stringify(Object.keys(c).sort().map((k) => {
  const v = (c as Record<string, unknown>)[k];
  return [k, Array.isArray(v) ? [...v].sort() : v];
}));
const sameAction = (a: RuleAction, b: RuleAction) =>
  a.target === b.target && (a.teamId ?? null) === (b.teamId ?? null) && (a.priority ?? null) === (b.priority ?? null)
  && JSON.stringify([...(a.tags ?? [])].sort()) === JSON.stringify([...(b.tags ?? [])].sort());

export function validateRuleSet(rules: Rule[], ctx: { teams: TeamInfo[]; confidentialTopics: string[] }): void {
  const teams = new Map(ctx.teams.map((t) => [t.id, t]));
  const confidential = new Set(ctx.confidentialTopics);
  const ordered = [...rules].sort((a, b) => a.position - b.position);
  const label = (r: Rule) => `rule "${r.name}" (position ${r.position})`;
  const targetOf = (a: RuleAction) => describeTarget(a.target, a.teamId ? teams.get(a.teamId)?.name : undefined);

  for (const rule of ordered) {
    const { action } = rule;
    if (action.teamId && !teams.has(action.teamId)) {
      throw new AppError('validation_failed', `${label(rule)}: team ${action.teamId} is not a team of this organization`, { rule: rule.name });
    }
    const secret = (rule.conditions.intents ?? []).filter((t) => confidential.has(t));
    const team = action.teamId ? teams.get(action.teamId) : undefined;
    const outsideCore = action.target === 'level2' || action.target === 'auto_answer' || (team && (team.providerOrgId !== null || team.level === 2));
    if (secret.length > 0 && outsideCore) {
      throw new AppError('validation_failed',
        `${label(rule)}: topic ${secret.join(', ')} is confidential: only the core team handles it, never ${team?.providerOrgId ? `the provider team ${team.name}` : targetOf(action)}`,
        { rule: rule.name, topics: secret });
    }
    if (rule.enabled && effective(rule) === null) {
      throw new AppError('validation_failed', `${label(rule)} can never fire: its conditions contradict each other`, { rule: rule.name });
    }
  }

  const enabled = ordered.filter((r) => r.enabled);
  for (let later = 0; later < enabled.length; later++) {
    const l = enabled[later]!;
    for (let earlier = 0; earlier < later; earlier++) {
      const e = enabled[earlier]!;
      if (sameAction(e.action, l.action)) continue;
      if (canonical(e.conditions) === canonical(l.conditions) && e.action.target !== 'auto_answer' && l.action.target !== 'auto_answer') {
        throw new AppError('conflict',
          `${label(e)} and ${label(l)} have the same conditions but send to different places (${targetOf(e.action)} vs ${targetOf(l.action)})`,
          { rules: [e.name, l.name] });
      }
      if (includes(effective(e)!, effective(l)!)) {
        throw new AppError('conflict',
          `${label(l)} can never fire: ${label(e)} comes first, matches every message it matches, and sends them to ${targetOf(e.action)} instead of ${targetOf(l.action)}`,
          { rules: [e.name, l.name] });
      }
    }
  }

  for (const team of ctx.teams) assertNoFallbackLoop(ctx.teams, team.id, team.fallbackTeamId);
}

/** Refuses a fallback chain that comes back to where it started (checked on team updates and rule saves). */
export function assertNoFallbackLoop(allTeams: TeamInfo[], teamId: string, fallbackTeamId: string | null): void {
  const byId = new Map(allTeams.map((t) => [t.id, t]));
  const chain = [byId.get(teamId)?.name ?? teamId];
  const seen = new Set([teamId]);
  let next = fallbackTeamId;
  while (next) {
    const team = byId.get(next);
    if (!team) throw new AppError('validation_failed', `fallbackTeamId: team ${next} is not a team of this organization`);
    chain.push(team.name);
    if (seen.has(next)) throw new AppError('conflict', `fallback teams go round in a circle: ${chain.join(' → ')}`, { chain });
    seen.add(next);
    next = team.fallbackTeamId;
  }
}
