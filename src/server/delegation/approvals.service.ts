// The brand's approval queue: provider replies that need the brand's word wait here, outside `messages`,
// so nothing reaches the customer (or the outbox) before a brand user approves them, as written or edited.
import { and, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { approvalRequests } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { isCoreTeam, type AuthContext } from '../accounts/roles.ts';
import { afterCursor, newestFirst } from '../http/keyset.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { publishRealtime } from '../realtime/publish-realtime.ts';
import { getOrgSettings } from '../organizations/org-settings.ts';
import { addStaffReply } from '../conversations/messages.service.ts';
import { ACTION_TYPES, type ActionType } from './delegation-actions.ts';
import type { ActionVerdict } from './check-delegation.ts';

export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const approvalSchema = z.object({
  id: z.uuid(), conversationId: z.uuid(), teamId: z.uuid().nullable(), requestedByUserId: z.uuid(),
  body: z.string(), isPublic: z.boolean(), actionType: z.enum(ACTION_TYPES), amount: z.number().nullable(),
  ruleId: z.uuid().nullable(), reason: z.string(), status: z.enum(APPROVAL_STATUSES),
  decidedByUserId: z.uuid().nullable(), decisionReason: z.string().nullable(), edited: z.boolean(),
  messageId: z.uuid().nullable(), dueAt: z.string(),
  /** Still pending past the brand's approval target time. */
  overdue: z.boolean(),
  decidedAt: z.string().nullable(), createdAt: z.string(),
});
export type ApprovalDto = z.infer<typeof approvalSchema>;
type ApprovalRow = typeof approvalRequests.$inferSelect;

export const presentApproval = (a: ApprovalRow, now = new Date()): ApprovalDto => ({
  id: a.id, conversationId: a.conversationId, teamId: a.teamId, requestedByUserId: a.requestedByUserId,
  body: a.body, isPublic: a.isPublic, actionType: a.actionType as ActionType, amount: a.amount, ruleId: a.ruleId,
  reason: a.reason, status: a.status as ApprovalStatus, decidedByUserId: a.decidedByUserId, decisionReason: a.decisionReason,
  edited: a.edited, messageId: a.messageId, dueAt: a.dueAt.toISOString(),
  overdue: a.status === 'pending' && a.dueAt.getTime() < now.getTime(),
  decidedAt: a.decidedAt?.toISOString() ?? null, createdAt: a.createdAt.toISOString(),
});

/** Files a provider agent's reply for the brand's decision; due within the brand's approval target time. */
export async function requestApproval(
  db: Db, auth: AuthContext, conversationId: string, reply: { body: string; isPublic: boolean }, verdict: ActionVerdict,
): Promise<ApprovalRow> {
  const { pyramid } = await getOrgSettings(db, auth.orgId);
  const now = new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(approvalRequests).values({
      orgId: auth.orgId, conversationId, teamId: auth.teamId, requestedByUserId: auth.userId,
      body: reply.body, isPublic: reply.isPublic, actionType: verdict.action.type, amount: verdict.action.amount ?? null,
      ruleId: verdict.ruleId, reason: verdict.reason, createdAt: now,
      dueAt: new Date(now.getTime() + pyramid.approvalTargetMinutes * 60_000),
    }).returning();
    await publishRealtime(tx as unknown as Db, auth.orgId, { kind: 'approval.requested', approvalId: row!.id, conversationId });
    await recordEvent(tx as unknown as Db, {
      orgId: auth.orgId, type: 'approval.requested', actor: { kind: 'user', id: auth.userId }, subject: { type: 'approval', id: row!.id },
      data: { conversationId, actionType: verdict.action.type, amount: verdict.action.amount ?? null, ruleId: verdict.ruleId, reason: verdict.reason },
    });
    return row!;
  });
}

/** The brand sees its whole queue; a provider agent sees only the requests they made. */
const visibleTo = (auth: AuthContext): SQL | undefined =>
  isCoreTeam(auth) ? undefined : eq(approvalRequests.requestedByUserId, auth.userId);

export async function listApprovals(db: Db, auth: AuthContext, q: { status?: ApprovalStatus | undefined; cursor?: string | undefined; limit: number }) {
  const a = approvalRequests;
  const rows = await db.select().from(a)
    .where(and(eq(a.orgId, auth.orgId), q.status ? eq(a.status, q.status) : undefined, visibleTo(auth), afterCursor(a.createdAt, a.id, decodeCursor(q.cursor))))
    .orderBy(...newestFirst(a.createdAt, a.id))
    .limit(q.limit + 1);
  const now = new Date();
  return toPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }), (r) => presentApproval(r, now));
}

export async function getApproval(db: Db, auth: AuthContext, id: string): Promise<ApprovalRow> {
  const [row] = await db.select().from(approvalRequests)
    .where(and(eq(approvalRequests.id, id), eq(approvalRequests.orgId, auth.orgId), visibleTo(auth)));
  if (!row) throw notFound('approval request');
  return row;
}

/** Takes the pending request for this decision; a second decision finds it decided and is refused. */
async function decide(tx: Db, auth: AuthContext, id: string, decision: { status: 'approved' | 'rejected'; reason: string | null }) {
  const [row] = await tx.update(approvalRequests)
    .set({ status: decision.status, decidedByUserId: auth.userId, decisionReason: decision.reason, decidedAt: new Date() })
    .where(and(eq(approvalRequests.id, id), eq(approvalRequests.orgId, auth.orgId), eq(approvalRequests.status, 'pending')))
    .returning();
  if (row) return row;
  const existing = await getApproval(tx, auth, id);
  throw new AppError('conflict', `this approval request was already ${existing.status}`, { status: existing.status, decidedByUserId: existing.decidedByUserId });
}

/**
 * Approves the reply, as written or edited, and sends it in the same transaction: the message, its outbox
 * row and the decision commit together. The message is the provider agent's, signed by their team.
 */
export async function approveRequest(db: Db, auth: AuthContext, id: string, input: { body?: string | undefined }) {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const decided = await decide(t, auth, id, { status: 'approved', reason: null });
    const body = input.body ?? decided.body;
    const edited = body !== decided.body;
    const author: AuthContext = { userId: decided.requestedByUserId, orgId: auth.orgId, role: 'provider_agent', teamId: decided.teamId, via: 'session' };
    const { message, channelType } = await addStaffReply(t, author, decided.conversationId, { body, isPublic: decided.isPublic });
    const [row] = await tx.update(approvalRequests).set({ edited, messageId: message.id }).where(eq(approvalRequests.id, id)).returning();
    await publishRealtime(t, auth.orgId, { kind: 'approval.decided', approvalId: id, conversationId: decided.conversationId, status: 'approved' });
    await recordEvent(t, {
      orgId: auth.orgId, type: 'approval.approved', actor: { kind: 'user', id: auth.userId }, subject: { type: 'approval', id },
      data: { conversationId: decided.conversationId, messageId: message.id, edited },
    });
    return { approval: row!, channelType };
  });
}

export async function rejectRequest(db: Db, auth: AuthContext, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const row = await decide(t, auth, id, { status: 'rejected', reason });
    await publishRealtime(t, auth.orgId, { kind: 'approval.decided', approvalId: id, conversationId: row.conversationId, status: 'rejected' });
    await recordEvent(t, {
      orgId: auth.orgId, type: 'approval.rejected', actor: { kind: 'user', id: auth.userId }, subject: { type: 'approval', id },
      data: { conversationId: row.conversationId, reason },
    });
    return row;
  });
}
