// The pure routing decision: every preset against the main kinds of message, safety before everything,
// every rule condition, and the reasons agents read.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PRESETS, type Preset } from '../organizations/org-settings.ts';
import { compileRouting } from './compile-rules.ts';
import { decideRoute } from './decide-route.ts';
import { scenarioRules } from './scenario-rules.ts';
import type { RoutingRule } from './rule-schema.ts';
import type { RouteInput, TeamInfo } from './routing.types.ts';

const TEAMS: TeamInfo[] = [
  { id: '00000000-0000-4000-8000-000000000001', name: 'VIP desk', level: 3, providerOrgId: null, fallbackTeamId: null },
  { id: '00000000-0000-4000-8000-000000000002', name: 'Outsourced', level: 3, providerOrgId: '00000000-0000-4000-8000-0000000000ff', fallbackTeamId: null },
];

type Triage = RouteInput['triage'];
const message = (triage: Partial<Triage> = {}, rest: Partial<Omit<RouteInput, 'triage'>> = {}): RouteInput => ({
  triage: { language: 'fr', intent: 'delay_compensation', confidence: 0.5, severity: 'normal', flags: [], decision: 'level2', priority: 1, ...triage },
  segment: null, channelType: 'chat', visibility: 'private', ...rest,
});

const KINDS = {
  confident: message({ decision: 'auto_answer', confidence: 0.95 }),
  unanswered: message({ decision: 'level2', confidence: 0.3 }),
  angry: message({ decision: 'level3', severity: 'angry', priority: 3 }),
  crisis: message({ decision: 'level3', severity: 'crisis', crisisKind: 'self_harm', priority: 4 }),
  abusive: message({ decision: 'level3', severity: 'abusive', priority: 3 }),
  confidentialFlag: message({ decision: 'level3', flags: ['confidential'], priority: 2 }),
  confidentialTopic: message({ decision: 'auto_answer', intent: 'salary', confidence: 0.99 }),
  spam: message({ decision: 'spam', priority: 0, flags: ['spam'] }),
};

// Expected [target, level, autoAnswerAllowed] for each preset and kind.
const EXPECTED: Record<Preset, Record<keyof typeof KINDS, [string, number, boolean]>> = {
  all2c: { confident: ['auto_answer', 1, true], unanswered: ['level2', 2, true], angry: ['level3', 3, false], crisis: ['level3', 3, false], abusive: ['level3', 3, false], confidentialFlag: ['level3', 3, false], confidentialTopic: ['level3', 3, false], spam: ['spam', 1, false] },
  ia2c: { confident: ['auto_answer', 1, true], unanswered: ['level3', 3, true], angry: ['level3', 3, false], crisis: ['level3', 3, false], abusive: ['level3', 3, false], confidentialFlag: ['level3', 3, false], confidentialTopic: ['level3', 3, false], spam: ['spam', 1, false] },
  c2c: { confident: ['level2', 2, false], unanswered: ['level2', 2, false], angry: ['level3', 3, false], crisis: ['level3', 3, false], abusive: ['level3', 3, false], confidentialFlag: ['level3', 3, false], confidentialTopic: ['level3', 3, false], spam: ['spam', 1, false] },
  b2c: { confident: ['level3', 3, false], unanswered: ['level3', 3, false], angry: ['level3', 3, false], crisis: ['level3', 3, false], abusive: ['level3', 3, false], confidentialFlag: ['level3', 3, false], confidentialTopic: ['level3', 3, false], spam: ['spam', 1, false] },
};

let n = 0;
const rule = (conditions: RoutingRule['conditions'], action: RoutingRule['action'] = { target: 'level3' }, name = `rule ${++n}`): RoutingRule & { id: string } =>
  ({ id: `00000000-0000-4000-9000-${String(++n).padStart(12, '0')}`, name, position: n, enabled: true, conditions, action });
const routing = (preset: Preset, rules: (RoutingRule & { id: string })[] = []) => compileRouting({ preset, confidentialTopics: ['salary'], rules, teams: TEAMS });

describe('decideRoute: presets', () => {
  for (const preset of PRESETS) {
    for (const [kind, input] of Object.entries(KINDS)) {
      it(`${preset}: ${kind}`, () => {
        const d = decideRoute(input, routing(preset));
        const [target, level, auto] = EXPECTED[preset][kind as keyof typeof KINDS];
        assert.deepEqual([d.target, d.level, d.autoAnswerAllowed], [target, level, auto], JSON.stringify(d.fired));
        assert.ok(d.fired.length > 0 && d.fired.every((f) => f.name && f.reason), 'every decision says why');
      });
    }
  }

  it('names the preset rule that fired, as agents see it', () => {
    const d = decideRoute(KINDS.unanswered, routing('all2c'));
    assert.equal(d.fired[0]!.name, 'preset all2c: unanswered questions go to the community experts');
    assert.equal(d.passUp, true);
    assert.equal(decideRoute(KINDS.confident, routing('b2c')).fired[0]!.name, 'preset b2c: the core team answers everything, no automatic answers');
  });

  it('a crisis is level 3 at priority 4, and every safety rule that applies is shown', () => {
    const d = decideRoute(message({ severity: 'crisis', flags: ['confidential'], decision: 'level3', priority: 4, crisisKind: 'violence' }), routing('all2c'));
    assert.equal(d.priority, 4);
    assert.deepEqual(d.fired.map((f) => f.name), ['safety: crisis', 'safety: confidential']);
    assert.match(d.fired[0]!.reason, /violence/);
    assert.equal(d.confidential, true);
  });

  it('a confidential topic from the settings is core team only, whatever the custom rules say', () => {
    const rules = [rule({ intents: ['salary'] }, { target: 'team', teamId: TEAMS[1]!.id }), rule({}, { target: 'level2' })];
    const d = decideRoute(KINDS.confidentialTopic, routing('all2c', rules));
    assert.deepEqual([d.target, d.level, d.teamId, d.confidential, d.autoAnswerAllowed], ['level3', 3, null, true, false]);
    assert.match(d.fired[0]!.reason, /topic salary is confidential/);
  });

  it('abusive messages never reach a custom rule sending them to experts', () => {
    const d = decideRoute(KINDS.abusive, routing('all2c', [rule({}, { target: 'level2' })]));
    assert.equal(d.target, 'level3');
    assert.equal(d.fired[0]!.name, 'safety: abusive');
  });
});

describe('decideRoute: custom rules', () => {
  const each: [string, RoutingRule['conditions'], Partial<Triage>, Partial<Omit<RouteInput, 'triage'>>, Partial<Triage>, Partial<Omit<RouteInput, 'triage'>>][] = [
    // condition, matching triage, matching context, non-matching triage, non-matching context
    ['intents', { intents: ['refund', 'delay_compensation'] }, {}, {}, { intent: 'bike' }, {}],
    ['severities', { severities: ['complaint'] }, { severity: 'complaint' }, {}, { severity: 'normal' }, {}],
    ['languages', { languages: ['en'] }, { language: 'en' }, {}, { language: 'fr' }, {}],
    ['channelTypes', { channelTypes: ['email', 'x'] }, {}, { channelType: 'x' }, {}, { channelType: 'chat' }],
    ['visibility', { visibility: 'public' }, {}, { visibility: 'public' }, {}, { visibility: 'private' }],
    ['segments', { segments: ['vip'] }, {}, { segment: 'vip' }, {}, { segment: null }],
    ['flags (all)', { flags: ['sales_signal', 'reputation_risk'] }, { flags: ['reputation_risk', 'sales_signal'] }, {}, { flags: ['sales_signal'] }, {}],
    ['confidenceBelow', { confidenceBelow: 0.4 }, { confidence: 0.39 }, {}, { confidence: 0.4 }, {}],
    ['confidenceAtLeast', { confidenceAtLeast: 0.8 }, { confidence: 0.8 }, {}, { confidence: 0.79 }, {}],
    ['decision', { decision: 'level2' }, { decision: 'level2' }, {}, { decision: 'level3' }, {}],
  ];
  for (const [name, conditions, yesT, yesC, noT, noC] of each) {
    it(`condition ${name}: fires when it matches, not otherwise`, () => {
      const r = rule(conditions, { target: 'team', teamId: TEAMS[0]!.id, priority: 3, tags: ['routed'] }, `by ${name}`);
      const compiled = routing('all2c', [r]);
      const yes = decideRoute(message(yesT, yesC), compiled);
      assert.deepEqual([yes.target, yes.teamId, yes.priority, yes.tags], ['team', TEAMS[0]!.id, 3, ['routed']]);
      assert.deepEqual(yes.fired.map((f) => f.id), [r.id]);
      assert.match(yes.fired[0]!.reason, /→ team VIP desk/);
      const no = decideRoute(message(noT, noC), compiled);
      assert.notEqual(no.target, 'team');
      assert.ok(no.fired.every((f) => f.id !== r.id));
    });
  }

  it('the first matching rule in position order decides; disabled rules are skipped', () => {
    const off = { ...rule({}, { target: 'level2' }, 'off'), enabled: false, position: 0 };
    const vip = rule({ segments: ['vip'] }, { target: 'level3', priority: 4 }, 'vip');
    const en = rule({ languages: ['fr'] }, { target: 'level2' }, 'french');
    const d = decideRoute(message({}, { segment: 'vip' }), routing('all2c', [en, vip, off].map((r, i) => ({ ...r, position: r.name === 'off' ? 0 : i + 1 }))));
    assert.equal(d.fired[0]!.name, 'french');
  });

  it('an auto_answer rule fires only where triage found an answer, and never under b2c or c2c', () => {
    const auto = rule({ intents: ['delay_compensation'] }, { target: 'auto_answer' }, 'answer delays');
    assert.equal(decideRoute(KINDS.confident, routing('all2c', [auto])).fired[0]!.name, 'answer delays');
    assert.equal(decideRoute(KINDS.unanswered, routing('all2c', [auto])).target, 'level2');
    for (const preset of ['b2c', 'c2c'] as const) {
      const d = decideRoute(KINDS.confident, routing(preset, [auto]));
      assert.notEqual(d.target, 'auto_answer');
      assert.equal(d.autoAnswerAllowed, false);
    }
  });

  it('a rule sending to people forbids any automatic answer, even a confident one', () => {
    const d = decideRoute(KINDS.confident, routing('all2c', [rule({ intents: ['delay_compensation'] }, { target: 'level3' })]));
    assert.deepEqual([d.target, d.autoAnswerAllowed, d.priority], ['level3', false, 1]);
  });

  it('200 rules: the one that matches is found, the rest cost little', () => {
    const rules = Array.from({ length: 200 }, (_, i) => rule({ intents: [`intent_${i}`], languages: ['fr'] }, { target: i % 2 ? 'level2' : 'level3' }, `r${i}`));
    const compiled = routing('all2c', rules);
    const d = decideRoute(message({ intent: 'intent_137' }), compiled);
    assert.equal(d.fired[0]!.name, 'r137');
    assert.equal(d.target, 'level2');
    const t = performance.now();
    for (let i = 0; i < 10_000; i++) decideRoute(message({ intent: `intent_${i % 250}` }), compiled);
    assert.ok(performance.now() - t < 5_000, 'well under a millisecond a decision');
  });
});

describe('decideRoute: scenario playbooks that route', () => {
  const VIP = TEAMS[0]!.id;
  const playbook = (name: string, match: Record<string, unknown>, steps: Record<string, unknown>[], on = 'conversation.triaged') =>
    ({ id: `00000000-0000-4000-a000-${String(++n).padStart(12, '0')}`, name, enabled: true, trigger: { on, match }, steps });

  it('a scenario routing an intent to a team acts as a rule named after it, after the organization\'s own rules', () => {
    const fromScenarios = scenarioRules([
      playbook('Retard : indemnisation', { intent: ['delay_compensation'], minConfidence: 0.4 }, [{ type: 'route', teamId: VIP }, { type: 'tag', tags: ['indemnisation'] }]),
    ], new Set(TEAMS.map((t) => t.id)));
    const d = decideRoute(message({ confidence: 0.5 }), routing('all2c', fromScenarios));
    assert.equal(d.target, 'team');
    assert.equal(d.teamId, VIP);
    assert.deepEqual(d.tags, ['indemnisation']);
    assert.ok(d.fired.some((f) => f.name === 'scenario "Retard : indemnisation"'), JSON.stringify(d.fired));
    // Below the scenario's confidence, the preset decides.
    assert.equal(decideRoute(message({ confidence: 0.3 }), routing('all2c', fromScenarios)).target, 'level2');
    // An organization's own rule comes first.
    const own = rule({ intents: ['delay_compensation'] }, { target: 'level3' }, 'own rule');
    assert.equal(decideRoute(message({ confidence: 0.5 }), routing('all2c', [own, ...fromScenarios])).fired.find((f) => f.name === 'own rule') !== undefined, true);
  });

  it('leaves out scenarios that do not route, fire on something else, name an unknown team or a condition routing cannot read', () => {
    const teams = new Set(TEAMS.map((t) => t.id));
    assert.deepEqual(scenarioRules([
      playbook('Only a template', { intent: ['x'] }, [{ type: 'reply_template', templateIds: {} }]),
      playbook('On creation', { intent: ['x'] }, [{ type: 'set', level: 3 }], 'conversation.created'),
      playbook('Unknown team', { intent: ['x'] }, [{ type: 'route', teamId: '00000000-0000-4000-8000-00000000dead' }]),
      playbook('Unreadable', { weather: ['rain'] }, [{ type: 'set', level: 3 }]),
      { ...playbook('Disabled', { intent: ['x'] }, [{ type: 'set', level: 3 }]), enabled: false },
    ], teams), []);
    const [levelRule] = scenarioRules([playbook('Abusive to level 3', { severity: ['angry'] }, [{ type: 'set', level: 3, priority: 3 }])], teams);
    assert.deepEqual(levelRule!.action, { target: 'level3', priority: 3 });
  });
});
