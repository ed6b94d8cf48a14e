// The routing benchmark's workload, generated deterministically (same seed, same messages and rules):
// triaged messages with varied intents, languages, severities, flags, segments and channels, and an
// organization's 200 rules that pass validation (the generator drops a candidate the set would refuse).
import type { ChannelType, Severity } from '../../src/server/db/schema/index.ts';
import type { RoutingRule } from '../../src/server/routing/rule-schema.ts';
import type { RouteInput, TeamInfo } from '../../src/server/routing/routing.types.ts';
import { validateRuleSet } from '../../src/server/routing/validate-rules.ts';

/** mulberry32: a small seeded generator, so every run routes the same messages. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

export const INTENTS = Array.from({ length: 80 }, (_, i) => `intent_${i}`);
export const SEGMENTS = ['vip', 'pro', 'student', 'senior', 'family', 'new'] as const;
const CHANNELS: ChannelType[] = ['chat', 'email', 'sms', 'facebook', 'instagram', 'x', 'community', 'web_form', 'api'];
const SEVERITY_MIX: Severity[] = ['normal', 'normal', 'normal', 'normal', 'normal', 'normal', 'complaint', 'complaint', 'angry', 'abusive'];
const PRIORITY: Record<Severity, number> = { normal: 1, complaint: 2, angry: 3, abusive: 3, crisis: 4 };

export function generateMessages(count: number, seed = 42): RouteInput[] {
  const r = seeded(seed);
  return Array.from({ length: count }, () => {
    const severity: Severity = r.next() < 0.005 ? 'crisis' : r.pick(SEVERITY_MIX);
    const confidence = Math.round(r.next() * 1000) / 1000;
    const flags = (['reputation_risk', 'sales_signal', 'confidential', 'spam'] as const).filter((_, i) => r.next() < [0.03, 0.05, 0.04, 0.02][i]!);
    const decision = flags.includes('spam') ? 'spam' as const
      : severity === 'crisis' || severity === 'abusive' || severity === 'angry' || flags.includes('confidential') ? 'level3' as const
      : confidence >= 0.7 ? 'auto_answer' as const : 'level2' as const;
    const channelType = r.pick(CHANNELS);
    return {
      triage: { language: r.pick(['fr', 'fr', 'fr', 'en', 'en', 'other'] as const), intent: r.next() < 0.1 ? null : r.pick(INTENTS), confidence, severity, flags, decision, priority: PRIORITY[severity] },
      segment: r.next() < 0.5 ? null : r.pick(SEGMENTS),
      channelType,
      visibility: (channelType === 'facebook' || channelType === 'x' || channelType === 'instagram' || channelType === 'community') && r.next() < 0.5 ? 'public' : 'private',
    };
  });
}

export function generateRules(count: number, teams: TeamInfo[], seed = 7): RoutingRule[] {
  const r = seeded(seed);
  const rules: RoutingRule[] = [];
  const targets = (): RoutingRule['action'] => {
    const x = r.next();
    if (x < 0.35) return { target: 'level2' };
    if (x < 0.6) return { target: 'level3', priority: Math.floor(r.next() * 5) };
    if (x < 0.8) return { target: 'team', teamId: r.pick(teams).id };
    return { target: 'auto_answer' };
  };
  for (let attempt = 0; rules.length < count && attempt < count * 50; attempt++) {
    const conditions: RoutingRule['conditions'] = { intents: [r.pick(INTENTS), ...(r.next() < 0.3 ? [r.pick(INTENTS)] : [])] };
    if (r.next() < 0.5) conditions.languages = [r.pick(['fr', 'en'] as const)];
    if (r.next() < 0.3) conditions.segments = [r.pick(SEGMENTS)];
    if (r.next() < 0.3) conditions.channelTypes = [r.pick(CHANNELS), r.pick(CHANNELS)];
    if (r.next() < 0.2) conditions.confidenceBelow = 0.5;
    if (r.next() < 0.1) conditions.severities = ['complaint'];
    const candidate = { name: `rule ${rules.length + 1}`, position: (rules.length + 1) * 10, enabled: true, conditions, action: targets(), id: null };
    try {
      validateRuleSet([...rules, candidate], { teams, confidentialTopics: [] });
      rules.push(candidate);
    } catch { /* the set would refuse it: try another */ }
  }
  if (rules.length < count) throw new Error(`generated only ${rules.length} valid rules`);
  return rules;
}
