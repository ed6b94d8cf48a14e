// The vocabulary of delegated authority: what a provider agent's reply may do, and what the brand may allow.

export const ACTION_TYPES = ['answer_topic', 'commercial_gesture', 'refund', 'account_change', 'public_statement'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const DELEGATION_MODES = ['autonomous', 'approval', 'forbidden'] as const;
export type DelegationMode = (typeof DELEGATION_MODES)[number];

/** Actions that carry an amount, and so may have a ceiling (maxAmount). */
export const MONEY_ACTIONS: readonly ActionType[] = ['commercial_gesture', 'refund'];
export const isMoneyAction = (type: ActionType) => MONEY_ACTIONS.includes(type);

/** Any topic: the only topic for action types other than answering. */
export const ANY_TOPIC = '*';

/**
 * What applies when the brand set no rule for a team and action: answering is the provider's job, so it is
 * autonomous; anything that commits the brand (money, the customer's account, a public word) waits for the
 * brand. A brand that configured nothing is safe by default.
 */
export const DEFAULT_MODES: Record<ActionType, DelegationMode> = {
  answer_topic: 'autonomous',
  commercial_gesture: 'approval',
  refund: 'approval',
  account_change: 'approval',
  public_statement: 'approval',
};

/** An action a reply declares (or implies: every reply answers the conversation's topic). */
export type DeclaredAction = { type: ActionType; amount?: number | undefined; topic?: string | undefined };
