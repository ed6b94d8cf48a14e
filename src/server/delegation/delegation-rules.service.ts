// The brand's delegation matrix: per provider team and action type (and topic, for answers), a mode and,
// for money, a ceiling. Only an admin changes it; every change is audited.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { delegationRules, organizations, teams } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { ACTION_TYPES, ANY_TOPIC, DELEGATION_MODES, isMoneyAction, type ActionType, type DelegationMode } from './delegation-actions.ts';
import type { DelegationRule } from './check-delegation.ts';

export const ruleInputSchema = z.strictObject({
  actionType: z.enum(ACTION_TYPES),
  /** For answer_topic: the intent it covers, or '*' for any. Other actions have no topic. */
  topic: z.string().trim().min(1).max(100).default(ANY_TOPIC),
  mode: z.enum(DELEGATION_MODES),
  maxAmount: z.number().nullable().default(null),
});
export type RuleInput = z.infer<typeof ruleInputSchema>;

export const ruleSchema = z.object({
  id: z.uuid(), teamId: z.uuid(), actionType: z.enum(ACTION_TYPES), topic: z.string(), mode: z.enum(DELEGATION_MODES),
  maxAmount: z.number().nullable(), updatedAt: z.string(),
});

type RuleRow = typeof delegationRules.$inferSelect;
export const presentRule = (r: RuleRow): z.infer<typeof ruleSchema> => ({
  id: r.id, teamId: r.teamId, actionType: r.actionType as ActionType, topic: r.topic, mode: r.mode as DelegationMode,
  maxAmount: r.maxAmount, updatedAt: r.updatedAt.toISOString(),
});
export const toDelegationRule = (r: RuleRow): DelegationRule => ({
  id: r.id, actionType: r.actionType as ActionType, topic: r.topic, mode: r.mode as DelegationMode, maxAmount: r.maxAmount,
});

/** Rules that are well formed on their own and as a set (one row per action type and topic). */
export function validateRules(rules: RuleInput[], where = 'rules'): void {
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    const at = rules.length === 1 && where !== 'rules' ? where : `${where}.${i}`;
    if (r.actionType !== 'answer_topic' && r.topic !== ANY_TOPIC) {
      throw new AppError('validation_failed', `${at}.topic: only answer_topic rules name a topic (use '*' or leave it out)`);
    }
    if (r.maxAmount !== null && !isMoneyAction(r.actionType)) {
      throw new AppError('validation_failed', `${at}.maxAmount: only commercial_gesture and refund have an amount`);
    }
    if (r.maxAmount !== null && (!Number.isFinite(r.maxAmount) || r.maxAmount < 0 || r.maxAmount > 9_999_999_999.99)) {
      throw new AppError('validation_failed', `${at}.maxAmount: must be a number from 0`);
    }
    const key = `${r.actionType}/${r.topic}`;
    if (seen.has(key)) throw new AppError('validation_failed', `${at}: a second rule for ${r.actionType} on topic ${r.topic}`);
    seen.add(key);
  });
}

/** The team must be one of this brand's provider teams: delegation is what a brand gives a provider. */
export async function assertProviderTeam(db: Db, orgId: string, teamId: string): Promise<void> {
  const [team] = await db.select({ id: teams.id }).from(teams)
    .innerJoin(organizations, eq(organizations.id, teams.providerOrgId))
    .where(and(eq(teams.id, teamId), eq(teams.orgId, orgId), isNotNull(teams.providerOrgId), eq(organizations.parentId, orgId)));
  if (!team) throw new AppError('validation_failed', 'teamId: not a provider team of this brand');
}

export async function listRules(db: Db, orgId: string, teamId?: string | undefined): Promise<RuleRow[]> {
  return db.select().from(delegationRules)
    .where(and(eq(delegationRules.orgId, orgId), teamId ? eq(delegationRules.teamId, teamId) : undefined))
    .orderBy(asc(delegationRules.teamId), asc(delegationRules.actionType), asc(delegationRules.topic));
}

/** Replaces every rule of the team with `rules` (an empty list returns the team to the defaults). */
export async function replaceTeamRules(db: Db, orgId: string, teamId: string, rules: RuleInput[], userId: string) {
  validateRules(rules);
  await assertProviderTeam(db, orgId, teamId);
  return db.transaction(async (tx) => {
    await tx.delete(delegationRules).where(and(eq(delegationRules.orgId, orgId), eq(delegationRules.teamId, teamId)));
    if (rules.length > 0) await tx.insert(delegationRules).values(rules.map((r) => ({ orgId, teamId, ...r })));
    await recordEvent(tx as unknown as Db, {
      orgId, type: 'delegation.rules_replaced', actor: { kind: 'user', id: userId }, subject: { type: 'team', id: teamId }, data: { rules },
    });
    return listRules(tx as unknown as Db, orgId, teamId);
  });
}

/** Creates or changes the team's one rule for this action type and topic. */
export async function upsertRule(db: Db, orgId: string, teamId: string, rule: RuleInput, userId: string) {
  validateRules([rule], 'body');
  await assertProviderTeam(db, orgId, teamId);
  return db.transaction(async (tx) => {
    const now = new Date();
    await tx.insert(delegationRules).values({ orgId, teamId, ...rule })
      .onConflictDoUpdate({
        target: [delegationRules.orgId, delegationRules.teamId, delegationRules.actionType, delegationRules.topic],
        set: { mode: rule.mode, maxAmount: rule.maxAmount, updatedAt: now },
      });
    await recordEvent(tx as unknown as Db, {
      orgId, type: 'delegation.rule_set', actor: { kind: 'user', id: userId }, subject: { type: 'team', id: teamId }, data: { rule },
    });
    return listRules(tx as unknown as Db, orgId, teamId);
  });
}

export async function deleteRule(db: Db, orgId: string, id: string, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(delegationRules).where(and(eq(delegationRules.id, id), eq(delegationRules.orgId, orgId))).returning();
    if (!row) throw notFound('delegation rule');
    await recordEvent(tx as unknown as Db, {
      orgId, type: 'delegation.rule_deleted', actor: { kind: 'user', id: userId }, subject: { type: 'team', id: row.teamId },
      data: { ruleId: id, actionType: row.actionType, topic: row.topic, mode: row.mode },
    });
  });
}

/** The rules that bind a provider agent: those of their team (none when the team is not a provider team). */
export async function rulesForTeam(db: Db, orgId: string, teamId: string | null): Promise<DelegationRule[]> {
  if (!teamId) return [];
  return (await listRules(db, orgId, teamId)).map(toDelegationRule);
}
