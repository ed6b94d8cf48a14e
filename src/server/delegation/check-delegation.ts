// The delegation decision for one provider reply, as a pure function of the brand's rules and the reply:
// allowed, needs the brand's approval, or refused, always naming the rule (or the default) and why.
import {
  ANY_TOPIC, DEFAULT_MODES, isMoneyAction, type ActionType, type DeclaredAction, type DelegationMode,
} from './delegation-actions.ts';

export type DelegationRule = {
  id: string;
  actionType: ActionType;
  topic: string;
  mode: DelegationMode;
  maxAmount: number | null;
};

export type ReplyToCheck = {
  actions: DeclaredAction[];
  isPublic: boolean;
  conversation: { intent: string | null; visibility: 'public' | 'private' };
};

/** One action's verdict. `ruleId` is null when no rule matched and the default applied. */
export type ActionVerdict = { action: DeclaredAction; mode: DelegationMode; ruleId: string | null; reason: string };

export type DelegationVerdict =
  | { outcome: 'allowed'; verdicts: ActionVerdict[] }
  | { outcome: 'approval'; verdict: ActionVerdict; verdicts: ActionVerdict[] }
  | { outcome: 'refused'; verdict: ActionVerdict; verdicts: ActionVerdict[] };

/** The actions a reply really performs: the declared ones, plus answering the topic and, in public, speaking publicly. */
export function impliedActions(reply: ReplyToCheck): DeclaredAction[] {
  const actions: DeclaredAction[] = [{ type: 'answer_topic', topic: reply.conversation.intent ?? ANY_TOPIC }];
  for (const a of reply.actions) if (a.type !== 'answer_topic') actions.push(a);
  const speaksInPublic = reply.isPublic && reply.conversation.visibility === 'public';
  if (speaksInPublic && !actions.some((a) => a.type === 'public_statement')) actions.push({ type: 'public_statement' });
  return actions;
}

/** The topic's own rule first, then the team's rule for any topic. */
function findRule(rules: DelegationRule[], action: DeclaredAction): DelegationRule | undefined {
  const sameType = rules.filter((r) => r.actionType === action.type);
  if (action.type === 'answer_topic' && action.topic && action.topic !== ANY_TOPIC) {
    const exact = sameType.find((r) => r.topic === action.topic);
    if (exact) return exact;
  }
  return sameType.find((r) => r.topic === ANY_TOPIC);
}

const describe = (a: DeclaredAction) =>
  a.type === 'answer_topic' ? `answering the topic "${a.topic ?? ANY_TOPIC}"` : a.amount !== undefined ? `${a.type} of ${a.amount}` : a.type;

export function checkAction(rules: DelegationRule[], action: DeclaredAction): ActionVerdict {
  const rule = findRule(rules, action);
  if (!rule) {
    const mode = DEFAULT_MODES[action.type];
    return { action, mode, ruleId: null, reason: `no delegation rule for ${describe(action)}: the default is ${mode}` };
  }
  // The ceiling bounds the authority delegated at all: above it the provider cannot act, even with approval.
  if (isMoneyAction(action.type) && rule.maxAmount !== null && (action.amount ?? 0) > rule.maxAmount) {
    return { action, mode: 'forbidden', ruleId: rule.id, reason: `${describe(action)} is over the delegated maximum of ${rule.maxAmount}` };
  }
  const scope = rule.topic === ANY_TOPIC ? '' : ` on topic "${rule.topic}"`;
  return { action, mode: rule.mode, ruleId: rule.id, reason: `${describe(action)} is ${rule.mode}${scope} for this team` };
}

export function checkDelegation(rules: DelegationRule[], reply: ReplyToCheck): DelegationVerdict {
  const verdicts = impliedActions(reply).map((a) => checkAction(rules, a));
  const refused = verdicts.find((v) => v.mode === 'forbidden');
  if (refused) return { outcome: 'refused', verdict: refused, verdicts };
  const approval = verdicts.find((v) => v.mode === 'approval');
  if (approval) return { outcome: 'approval', verdict: approval, verdicts };
  return { outcome: 'allowed', verdicts };
}
