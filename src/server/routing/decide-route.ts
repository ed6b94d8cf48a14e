// The routing decision: a pure function of the triage result, the contact, the channel and the
// organization's compiled routing. Safety rules first, then the organization's rules in order, then the
// preset's pyramid; every rule that decided is returned with its reason.
import type { FiredRule } from './record-routing-decision.ts';
import { NO_AUTOMATION, PRESET_RULES, SAFETY_RULES, SPAM_RULE, type BuiltInRule } from './presets.ts';
import type { CompiledRouting, RouteDecision, RouteInput } from './routing.types.ts';

const LEVEL = { auto_answer: 1, spam: 1, level2: 2, level3: 3 } as const;

export function decideRoute(input: RouteInput, routing: CompiledRouting): RouteDecision {
  const topics = routing.confidentialTopics;
  const confidential = SAFETY_RULES[2]!.when(input, topics);

  const safety = SAFETY_RULES.filter((r) => r.when(input, topics));
  if (safety.length > 0) {
    return {
      target: 'level3', level: 3, teamId: null, autoAnswerAllowed: false, confidential, tags: [], passUp: false,
      priority: Math.max(...safety.map((r) => r.priority(input))),
      fired: safety.map((r) => fire(r, input, topics)),
    };
  }
  if (SPAM_RULE.when(input, topics)) return fromBuiltIn(SPAM_RULE);

  const automation = !NO_AUTOMATION.has(routing.preset);
  for (const rule of routing.rules) {
    if (rule.action.target === 'auto_answer' && !automation) continue;
    if (!rule.matches(input)) continue;
    const { action } = rule;
    const team = action.target === 'team' ? routing.teams.get(action.teamId!) : undefined;
    // A rule naming a team that no longer exists cannot decide: the next rules do.
    if (action.target === 'team' && !team) continue;
    const target = action.target;
    return {
      target, level: team ? (team.level === 2 ? 2 : 3) : LEVEL[target as 'auto_answer' | 'level2' | 'level3'],
      teamId: team?.id ?? null, priority: action.priority ?? input.triage.priority,
      autoAnswerAllowed: target === 'auto_answer', confidential: false, tags: action.tags ?? [], passUp: false,
      fired: [{ id: rule.id, name: rule.name, reason: `${rule.explain(input)} → ${describeTarget(target, team?.name)}` }],
    };
  }

  for (const rule of PRESET_RULES[routing.preset]) if (rule.when(input, topics)) return fromBuiltIn(rule);
  throw new Error(`preset ${routing.preset} has no final rule`); // every preset ends with a rule for everything

  function fromBuiltIn(rule: BuiltInRule): RouteDecision {
    return {
      target: rule.target, level: LEVEL[rule.target], teamId: null, priority: rule.priority(input),
      autoAnswerAllowed: rule.autoAnswerAllowed, confidential, tags: [], passUp: rule.passUp ?? false,
      fired: [fire(rule, input, topics)],
    };
  }
}

function fire(rule: BuiltInRule, input: RouteInput, topics: ReadonlySet<string>): FiredRule {
  return { id: null, name: rule.name, reason: rule.reason(input, topics) };
}

export function describeTarget(target: string, teamName?: string): string {
  switch (target) {
    case 'auto_answer': return 'automatic answer';
    case 'level2': return 'community experts (level 2)';
    case 'level3': return 'core team (level 3)';
    case 'team': return `team ${teamName ?? '?'}`;
    default: return target;
  }
}
