// Rule sets that contradict themselves, name foreign teams, leak confidential topics or loop are refused,
// and the error names the rules involved and why.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import type { RoutingRule } from './rule-schema.ts';
import type { TeamInfo } from './routing.types.ts';
import { assertNoFallbackLoop, includes, validateRuleSet } from './validate-rules.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const P = '00000000-0000-4000-8000-00000000000f';
const teams = (): TeamInfo[] => [
  { id: A, name: 'Alpha', level: 3, providerOrgId: null, fallbackTeamId: null },
  { id: B, name: 'Beta', level: 2, providerOrgId: null, fallbackTeamId: null },
  { id: C, name: 'Gamma', level: 3, providerOrgId: null, fallbackTeamId: null },
  { id: P, name: 'Provider', level: 3, providerOrgId: '00000000-0000-4000-8000-0000000000ff', fallbackTeamId: null },
];
let position = 0;
const rule = (name: string, conditions: RoutingRule['conditions'], action: RoutingRule['action'], enabled = true) =>
  ({ name, position: ++position, enabled, conditions, action });
const ctx = { teams: teams(), confidentialTopics: ['salary'] };

function refuses(fn: () => void, code: string, pattern: RegExp) {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof AppError);
    assert.equal(err.code, code);
    assert.match(err.message, pattern);
    return true;
  });
}

describe('validateRuleSet', () => {
  it('accepts a sensible set', () => {
    validateRuleSet([
      rule('vip', { segments: ['vip'] }, { target: 'team', teamId: A, priority: 3 }),
      rule('bikes', { intents: ['bike'], languages: ['fr'] }, { target: 'level2' }),
      rule('bikes en', { intents: ['bike'] }, { target: 'level3' }),
      rule('auto', { intents: ['refund'] }, { target: 'auto_answer' }),
      rule('refund people', { intents: ['refund'] }, { target: 'level3' }),
    ], ctx);
  });

  it('refuses two rules with the same conditions and different actions, naming both', () => {
    refuses(() => validateRuleSet([
      rule('first', { intents: ['bike', 'refund'], languages: ['fr'] }, { target: 'level2' }),
      rule('second', { languages: ['fr'], intents: ['refund', 'bike'] }, { target: 'level3' }),
    ], ctx), 'conflict', /"first".*"second".*same conditions.*community experts.*core team/);
  });

  it('refuses a rule an earlier one shadows, and says where the earlier one sends', () => {
    refuses(() => validateRuleSet([
      rule('all french', { languages: ['fr'] }, { target: 'level2' }),
      rule('french bikes', { languages: ['fr'], intents: ['bike'] }, { target: 'team', teamId: A }),
    ], ctx), 'conflict', /rule "french bikes".*can never fire: rule "all french".*community experts.*instead of team Alpha/);
    refuses(() => validateRuleSet([
      rule('unsure', { confidenceBelow: 0.5 }, { target: 'level3' }),
      rule('very unsure', { confidenceBelow: 0.2, flags: ['spam'] }, { target: 'level2' }),
    ], ctx), 'conflict', /"very unsure" .*can never fire/);
  });

  it('lets a later rule stand when the earlier one is narrower, disabled, or sends to the same place', () => {
    validateRuleSet([
      rule('french bikes', { languages: ['fr'], intents: ['bike'] }, { target: 'level3' }),
      rule('all french', { languages: ['fr'] }, { target: 'level2' }),
      rule('off', {}, { target: 'level3' }, false),
      rule('english', { languages: ['en'] }, { target: 'level2' }),
      rule('english again', { languages: ['en'], segments: ['vip'] }, { target: 'level2' }),
    ], ctx);
  });

  it('refuses conditions that can never be met together', () => {
    refuses(() => validateRuleSet([rule('empty range', { confidenceBelow: 0.3, confidenceAtLeast: 0.6 }, { target: 'level3' })], ctx),
      'validation_failed', /"empty range".*can never fire/);
    refuses(() => validateRuleSet([rule('odd', { decision: 'level3' }, { target: 'auto_answer' })], ctx), 'validation_failed', /"odd".*can never fire/);
  });

  it('refuses a team of another organization', () => {
    const foreign = '00000000-0000-4000-8000-0000000000ee';
    refuses(() => validateRuleSet([rule('elsewhere', {}, { target: 'team', teamId: foreign })], ctx),
      'validation_failed', new RegExp(`"elsewhere".*team ${foreign} is not a team of this organization`));
  });

  it('refuses sending a confidential topic to a provider team, the experts or automation', () => {
    refuses(() => validateRuleSet([rule('outsource salary', { intents: ['salary', 'bike'] }, { target: 'team', teamId: P })], ctx),
      'validation_failed', /topic salary is confidential.*provider team Provider/);
    refuses(() => validateRuleSet([rule('experts salary', { intents: ['salary'] }, { target: 'level2' })], ctx), 'validation_failed', /salary is confidential/);
    refuses(() => validateRuleSet([rule('bot salary', { intents: ['salary'] }, { target: 'auto_answer' })], ctx), 'validation_failed', /salary is confidential/);
    validateRuleSet([rule('core salary', { intents: ['salary'] }, { target: 'team', teamId: C })], ctx);
  });

  it('refuses circular fallback chains, naming the loop', () => {
    const looped = teams().map((t) => (t.id === A ? { ...t, fallbackTeamId: B } : t.id === B ? { ...t, fallbackTeamId: C } : t));
    refuses(() => assertNoFallbackLoop(looped, C, A), 'conflict', /Gamma → Alpha → Beta → Gamma/);
    assertNoFallbackLoop(looped, C, null);
    refuses(() => validateRuleSet([], { ...ctx, teams: looped.map((t) => (t.id === C ? { ...t, fallbackTeamId: A } : t)) }), 'conflict', /circle/);
  });
});

describe('includes', () => {
  it('reads each condition the way matching does', () => {
    assert.equal(includes({}, { intents: ['x'] }), true);
    assert.equal(includes({ intents: ['x', 'y'] }, { intents: ['x'] }), true);
    assert.equal(includes({ intents: ['x'] }, { intents: ['x', 'y'] }), false);
    assert.equal(includes({ intents: ['x'] }, {}), false);
    assert.equal(includes({ flags: ['spam'] }, { flags: ['spam', 'confidential'] }), true);
    assert.equal(includes({ flags: ['spam', 'confidential'] }, { flags: ['spam'] }), false);
    assert.equal(includes({ confidenceAtLeast: 0.5 }, { confidenceAtLeast: 0.7 }), true);
    assert.equal(includes({ confidenceAtLeast: 0.7 }, { confidenceAtLeast: 0.5 }), false);
    assert.equal(includes({ visibility: 'public' }, { visibility: 'private' }), false);
    assert.equal(includes({ decision: 'level2' }, { decision: 'level2', segments: ['a'] }), true);
  });
});
