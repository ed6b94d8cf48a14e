import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkDelegation, impliedActions, type DelegationRule, type ReplyToCheck } from './check-delegation.ts';

const rule = (id: string, r: Omit<DelegationRule, 'id' | 'topic' | 'maxAmount'> & Partial<DelegationRule>): DelegationRule =>
  ({ id, topic: '*', maxAmount: null, ...r });
const reply = (over: Partial<ReplyToCheck> = {}): ReplyToCheck =>
  ({ actions: [], isPublic: false, conversation: { intent: 'delay', visibility: 'private' }, ...over });

describe('checkDelegation', () => {
  it('lets a plain answer through by default, and sends money, account changes and public words to approval', () => {
    assert.equal(checkDelegation([], reply()).outcome, 'allowed');
    for (const type of ['commercial_gesture', 'refund'] as const) {
      const v = checkDelegation([], reply({ actions: [{ type, amount: 5 }] }));
      assert.equal(v.outcome, 'approval');
      assert.ok(v.outcome === 'approval' && v.verdict.ruleId === null && /default is approval/.test(v.verdict.reason));
    }
    assert.equal(checkDelegation([], reply({ actions: [{ type: 'account_change' }] })).outcome, 'approval');
    assert.equal(checkDelegation([], reply({ isPublic: true, conversation: { intent: null, visibility: 'public' } })).outcome, 'approval');
  });

  it('treats a public reply on a public conversation as a public statement, and a private one as not', () => {
    const pub = impliedActions(reply({ isPublic: true, conversation: { intent: 'delay', visibility: 'public' } }));
    assert.deepEqual(pub.map((a) => a.type), ['answer_topic', 'public_statement']);
    // A private reply (a direct message) on a public thread says nothing in public.
    assert.deepEqual(impliedActions(reply({ isPublic: false, conversation: { intent: 'delay', visibility: 'public' } })).map((a) => a.type), ['answer_topic']);
    const rules = [rule('p', { actionType: 'public_statement', mode: 'forbidden' })];
    const v = checkDelegation(rules, reply({ isPublic: true, conversation: { intent: 'delay', visibility: 'public' } }));
    assert.equal(v.outcome, 'refused');
    assert.ok(v.outcome === 'refused' && v.verdict.ruleId === 'p');
  });

  it('prefers the topic\'s own rule over the any-topic rule', () => {
    const rules = [rule('any', { actionType: 'answer_topic', mode: 'autonomous' }), rule('legal', { actionType: 'answer_topic', topic: 'legal', mode: 'forbidden' })];
    assert.equal(checkDelegation(rules, reply()).outcome, 'allowed');
    const v = checkDelegation(rules, reply({ conversation: { intent: 'legal', visibility: 'private' } }));
    assert.ok(v.outcome === 'refused' && v.verdict.ruleId === 'legal');
  });

  it('refuses an amount over the ceiling with the rule, and allows up to it', () => {
    const rules = [rule('g', { actionType: 'commercial_gesture', mode: 'autonomous', maxAmount: 50 })];
    assert.equal(checkDelegation(rules, reply({ actions: [{ type: 'commercial_gesture', amount: 50 }] })).outcome, 'allowed');
    const v = checkDelegation(rules, reply({ actions: [{ type: 'commercial_gesture', amount: 50.01 }] }));
    assert.equal(v.outcome, 'refused');
    assert.ok(v.outcome === 'refused' && v.verdict.ruleId === 'g' && /over the delegated maximum of 50/.test(v.verdict.reason));
  });

  it('takes the strictest verdict among the actions: refused over approval over allowed', () => {
    const rules = [
      rule('r', { actionType: 'refund', mode: 'approval', maxAmount: 100 }),
      rule('a', { actionType: 'account_change', mode: 'forbidden' }),
    ];
    const both = checkDelegation(rules, reply({ actions: [{ type: 'refund', amount: 20 }, { type: 'account_change' }] }));
    assert.ok(both.outcome === 'refused' && both.verdict.ruleId === 'a');
    const refund = checkDelegation(rules, reply({ actions: [{ type: 'refund', amount: 20 }] }));
    assert.ok(refund.outcome === 'approval' && refund.verdict.ruleId === 'r');
  });
});
