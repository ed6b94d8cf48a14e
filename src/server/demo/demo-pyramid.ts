// The pyramid's records for a demo brand, once its conversations exist: the all2c preset and a confidential
// topic, what each expert knows and the reputation they earned, the authority the brand delegates to its
// provider team and the approvals waiting, and the routing history.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { approvalRequests, delegationRules, reputationEvents, users as usersTable } from '../db/schema/index.ts';
import { updateOrgSettings } from '../organizations/org-settings.ts';
import { insertRoutingHistory, type SeededBrand } from './demo-routing.ts';
import { insertAll } from './demo-write.ts';

const APPROVAL_TARGET_MINUTES = 240;

export async function seedPyramid(db: Db, seeded: SeededBrand) {
  const { brand, s } = seeded;
  await updateOrgSettings(db, s.orgId, {
    pyramid: { preset: 'all2c', confidentialTopics: [...brand.confidentialTopics], approvalTargetMinutes: APPROVAL_TARGET_MINUTES },
  });
  await seedExperts(db, seeded);
  const approvals = await seedDelegation(db, seeded);
  const routing = await insertRoutingHistory(db, seeded);
  return { approvals, ...routing };
}

/** Topics and languages per expert, and points for the answers the customers accepted or rated. */
async function seedExperts(db: Db, { brand, s, plan, conversationIds, users }: SeededBrand) {
  for (const [i, skills] of brand.expertSkills.entries()) {
    const id = users[`expert${i}`];
    if (id) await db.update(usersTable).set({ topics: [...skills.topics], languages: [...skills.languages] }).where(eq(usersTable.id, id));
  }
  const rows: (typeof reputationEvents.$inferInsert)[] = [];
  plan.conversations.forEach((c, i) => {
    const userId = c.level === 2 && c.assignee ? users[c.assignee] : undefined;
    if (!userId || !c.resolvedAt) return;
    const conversationId = conversationIds[i]!;
    rows.push({ orgId: s.orgId, userId, conversationId, points: 10, reason: 'answer_accepted', createdAt: c.resolvedAt });
    if (i % 3 === 0) rows.push({ orgId: s.orgId, userId, conversationId, points: 5, reason: 'good_rating', createdAt: c.resolvedAt });
    if (i % 11 === 0) rows.push({ orgId: s.orgId, userId, conversationId, points: -5, reason: 'answer_reported', createdAt: c.resolvedAt });
  });
  await insertAll(rows, (slice) => db.insert(reputationEvents).values(slice));
  // users.reputation is the sum of the events, as the product keeps it.
  await db.execute(sql`
    UPDATE ${usersTable} u SET reputation = coalesce((SELECT sum(points) FROM ${reputationEvents} r WHERE r.user_id = u.id), 0)
    WHERE u.org_id = ${s.orgId} AND u.role = 'expert'`);
}

/**
 * The delegation matrix of the provider team: answers and small commercial gestures on its own, refunds and
 * public statements with the brand's approval, account changes never. Three replies wait for approval.
 */
async function seedDelegation(db: Db, { brand, s, plan, conversationIds, users, now }: SeededBrand): Promise<number> {
  const teamId = s.teams.provider;
  if (!teamId) return 0;
  const rules = await db.insert(delegationRules).values([
    { orgId: s.orgId, teamId, actionType: 'answer_topic', topic: '*', mode: 'autonomous' },
    { orgId: s.orgId, teamId, actionType: 'commercial_gesture', mode: 'autonomous', maxAmount: 50 },
    { orgId: s.orgId, teamId, actionType: 'refund', mode: 'approval' },
    { orgId: s.orgId, teamId, actionType: 'account_change', mode: 'forbidden' },
    { orgId: s.orgId, teamId, actionType: 'public_statement', mode: 'approval' },
  ]).returning({ id: delegationRules.id, actionType: delegationRules.actionType });
  const ruleFor = (type: string) => rules.find((r) => r.actionType === type)!.id;

  const waiting = plan.conversations
    .map((c, i) => ({ c, id: conversationIds[i]! }))
    .filter(({ c }) => c.team === 'provider' && c.assignee && (c.status === 'open' || c.status === 'pending'))
    .sort((a, b) => b.c.lastMessageAt.getTime() - a.c.lastMessageAt.getTime())
    .slice(0, 3);
  const drafts = [
    { actionType: 'refund', amount: 42.5, reason: 'Remboursement : la marque doit le valider', rule: 'refund',
      body: `Bonjour, nous vous remboursons 42,50 € sur votre moyen de paiement d'origine sous 5 jours ouvrés. ${brand.signature.fr}` },
    { actionType: 'commercial_gesture', amount: 80, reason: 'Geste commercial de 80 € : au-delà de 50 €, la marque doit le valider', rule: 'commercial_gesture',
      body: `Bonjour, pour nous excuser de ce désagrément, nous vous offrons un bon d'achat de 80 €. ${brand.signature.fr}` },
    { actionType: 'refund', amount: 19.9, reason: 'Remboursement : la marque doit le valider', rule: 'refund',
      body: `Bonjour, votre remboursement de 19,90 € est accordé, vous le recevrez d'ici quelques jours. ${brand.signature.fr}` },
  ];
  const rows = waiting.map(({ c, id }, i) => {
    const draft = drafts[i]!;
    // Asked shortly after the customer's last message (never after now); some are already past their target.
    const createdAt = new Date(Math.min(now.getTime() - 60_000, c.lastMessageAt.getTime() + 10 * 60_000));
    return {
      orgId: s.orgId, conversationId: id, teamId, requestedByUserId: users[c.assignee!]!, body: draft.body,
      actionType: draft.actionType, amount: draft.amount, ruleId: ruleFor(draft.rule), reason: draft.reason, status: 'pending',
      dueAt: new Date(createdAt.getTime() + APPROVAL_TARGET_MINUTES * 60_000), createdAt,
    };
  });
  if (rows.length > 0) await db.insert(approvalRequests).values(rows);
  return rows.length;
}
