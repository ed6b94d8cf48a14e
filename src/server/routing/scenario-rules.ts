// The organization's scenario playbooks take part in routing: a scenario triggered on a triaged conversation
// whose steps route it (to a team, or to a level) acts as a routing rule, tried after the organization's own
// rules and before the preset's, and named after the scenario in the reasons agents read.
import type { RoutingRule, RuleConditions } from './rule-schema.ts';
import { actionSchema, conditionsSchema } from './rule-schema.ts';

export type StoredScenario = { id: string; name: string; enabled: boolean; trigger: Record<string, unknown>; steps: Record<string, unknown>[] };

/** After every rule position an organization can give (rule-schema.ts allows up to 1,000,000). */
const SCENARIO_POSITION = 2_000_000;

/** The scenario trigger's words for the routing conditions they mean. */
function conditionsOf(match: Record<string, unknown>): RuleConditions | null {
  const renamed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(match)) {
    const name = ({
      intent: 'intents', intents: 'intents', severity: 'severities', severities: 'severities', language: 'languages', languages: 'languages',
      channel: 'channelTypes', channelTypes: 'channelTypes', segment: 'segments', segments: 'segments', flags: 'flags', visibility: 'visibility',
      minConfidence: 'confidenceAtLeast', maxConfidence: 'confidenceBelow',
    } as Record<string, string>)[key];
    // A condition routing cannot read would make the scenario fire too widely: leave such a scenario out.
    if (!name) return null;
    renamed[name] = value;
  }
  const parsed = conditionsSchema.safeParse(renamed);
  return parsed.success ? parsed.data : null;
}

function actionOf(steps: Record<string, unknown>[], teamIds: Set<string>): RoutingRule['action'] | null {
  const route = steps.find((s) => s.type === 'route' && typeof s.teamId === 'string' && teamIds.has(s.teamId));
  const set = steps.find((s) => s.type === 'set' && (s.level === 2 || s.level === 3 || typeof s.priority === 'number'));
  const tags = steps.filter((s) => s.type === 'tag' && Array.isArray(s.tags)).flatMap((s) => s.tags as unknown[]);
  const target = route ? 'team' : set?.level === 2 ? 'level2' : set?.level === 3 ? 'level3' : null;
  if (!target) return null;
  const parsed = actionSchema.safeParse({
    target, ...(route ? { teamId: route.teamId } : {}),
    ...(typeof set?.priority === 'number' ? { priority: set.priority } : {}),
    ...(tags.length > 0 ? { tags } : {}),
  });
  return parsed.success ? parsed.data : null;
}

/** The routing rules that the organization's enabled scenarios imply, in their order. */
export function scenarioRules(scenarios: StoredScenario[], teamIds: Set<string>): (RoutingRule & { id: string })[] {
  const rules: (RoutingRule & { id: string })[] = [];
  for (const scenario of scenarios) {
    const trigger = scenario.trigger as { on?: unknown; match?: unknown };
    if (!scenario.enabled || trigger.on !== 'conversation.triaged') continue;
    const conditions = conditionsOf((trigger.match ?? {}) as Record<string, unknown>);
    const action = actionOf(scenario.steps, teamIds);
    if (!conditions || !action) continue;
    rules.push({ id: scenario.id, name: `scenario "${scenario.name}"`, position: SCENARIO_POSITION + rules.length, enabled: true, conditions, action });
  }
  return rules;
}
