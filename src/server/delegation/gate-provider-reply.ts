// The one check between a provider agent's reply and the customer: the brand's delegation decides whether
// it goes out now, waits in the brand's approval queue, or is refused (naming the rule that refused it).
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { AuthContext } from '../accounts/roles.ts';
import { getConversation } from '../conversations/conversations.service.ts';
import { ACTION_TYPES, isMoneyAction, type DeclaredAction } from './delegation-actions.ts';
import { checkDelegation } from './check-delegation.ts';
import { rulesForTeam } from './delegation-rules.service.ts';
import { presentApproval, requestApproval, type ApprovalDto } from './approvals.service.ts';

/** What a reply declares it does beyond answering: `actions: [{type, amount?}]` on POST …/messages. */
export const declaredActionsSchema = z.array(
  z.strictObject({ type: z.enum(ACTION_TYPES), amount: z.number().min(0).max(9_999_999_999.99).optional() })
    .superRefine((a, ctx) => {
      if (isMoneyAction(a.type) && a.amount === undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: `${a.type} needs an amount` });
      if (!isMoneyAction(a.type) && a.amount !== undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: `${a.type} has no amount` });
    }),
).max(10);

export type ReplyInput = { body: string; isPublic: boolean; actions?: DeclaredAction[] | undefined };

/**
 * Null when the reply may be sent now. The brand's own people (the core team) are the brand: only provider
 * agents are checked. A refusal throws `forbidden_action` (403) with the rule; an approval files the request.
 */
export async function gateProviderReply(db: Db, auth: AuthContext, conversationId: string, reply: ReplyInput): Promise<ApprovalDto | null> {
  if (auth.role !== 'provider_agent') return null;
  const conversation = await getConversation(db, auth, conversationId); // 404 outside the caller's scope: no request filed
  const rules = await rulesForTeam(db, auth.orgId, auth.teamId);
  const verdict = checkDelegation(rules, {
    actions: reply.actions ?? [], isPublic: reply.isPublic,
    conversation: { intent: conversation.intent, visibility: conversation.visibility },
  });
  if (verdict.outcome === 'allowed') return null;
  const { action, ruleId, reason } = verdict.verdict;
  if (verdict.outcome === 'refused') {
    // Kept in the audit log: the brand sees what its providers tried beyond their authority.
    await recordEvent(db, {
      orgId: auth.orgId, type: 'delegation.refused', actor: { kind: 'user', id: auth.userId },
      subject: { type: 'conversation', id: conversationId }, data: { actionType: action.type, amount: action.amount ?? null, ruleId, reason },
    });
    throw new AppError('forbidden_action', `${reason} (rule ${ruleId ?? 'default'})`, {
      ruleId, actionType: action.type, amount: action.amount ?? null, reason,
    });
  }
  return presentApproval(await requestApproval(db, auth, conversationId, reply, verdict.verdict));
}
