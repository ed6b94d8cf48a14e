// The organization's routing rules: listed, created, changed and deleted, the whole set validated on every
// save, the compiled routing forgotten so the next message uses the new rules.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organizations, routingRules } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getOrgSettings } from '../organizations/org-settings.ts';
import { builtInRuleNames } from './presets.ts';
import { forgetRouting, loadRules, loadTeams } from './routing-cache.ts';
import { ruleInputSchema, rulePatchSchema, type RoutingRule } from './rule-schema.ts';
import { validateRuleSet } from './validate-rules.ts';
import type { z } from 'zod';

type StoredRule = Awaited<ReturnType<typeof loadRules>>[number];
const present = (r: StoredRule) => ({
  id: r.id, name: r.name, position: r.position, enabled: r.enabled, conditions: r.conditions, action: r.action,
  createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
});

export async function listRules(db: Db, orgId: string) {
  const settings = await getOrgSettings(db, orgId);
  return { preset: settings.pyramid.preset, builtIn: builtInRuleNames(settings.pyramid.preset), items: (await loadRules(db, orgId)).map(present) };
}

async function validateWith(db: Db, orgId: string, rules: RoutingRule[]) {
  const [teamRows, settings] = await Promise.all([loadTeams(db, orgId), getOrgSettings(db, orgId)]);
  validateRuleSet(rules, { teams: teamRows, confidentialTopics: settings.pyramid.confidentialTopics });
}

type Actor = { orgId: string; userId: string };

/** Saves one at a time per organization: two admins saving at once must not each pass validation alone. */
async function lockedRuleSet<T>(db: Db, orgId: string, fn: (tx: Db) => Promise<T>): Promise<T> {
  const result = await db.transaction(async (tx) => {
    await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId)).for('update');
    return fn(tx as unknown as Db);
  });
  forgetRouting(orgId); // again after COMMIT: a message routed meanwhile may have cached the old set
  return result;
}

export async function createRule(db: Db, actor: Actor, input: z.output<typeof ruleInputSchema>) {
  return lockedRuleSet(db, actor.orgId, (tx) => insertRule(tx, actor, input));
}

export async function updateRule(db: Db, actor: Actor, id: string, patch: z.output<typeof rulePatchSchema>) {
  return lockedRuleSet(db, actor.orgId, (tx) => changeRule(tx, actor, id, patch));
}

async function insertRule(db: Db, actor: Actor, input: z.output<typeof ruleInputSchema>) {
  const { orgId } = actor;
  const existing = await loadRules(db, orgId);
  const position = input.position ?? (existing.length === 0 ? 10 : Math.max(...existing.map((r) => r.position)) + 10);
  const rule = { ...input, position, id: null };
  await validateWith(db, orgId, [...existing, rule]);
  const [row] = await db.insert(routingRules).values({ orgId, name: input.name, position, enabled: input.enabled, conditions: input.conditions, action: input.action }).returning();
  await saved(db, actor, 'routing.rule_created', row!.id, { name: input.name });
  return present({ ...row!, conditions: input.conditions, action: input.action });
}

async function changeRule(db: Db, actor: Actor, id: string, patch: z.output<typeof rulePatchSchema>) {
  const { orgId } = actor;
  const existing = await loadRules(db, orgId);
  const current = existing.find((r) => r.id === id);
  if (!current) throw notFound('routing rule');
  const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as StoredRule;
  await validateWith(db, orgId, existing.map((r) => (r.id === id ? next : r)));
  const [row] = await db.update(routingRules)
    .set({ name: next.name, position: next.position, enabled: next.enabled, conditions: next.conditions, action: next.action, updatedAt: new Date() })
    .where(and(eq(routingRules.id, id), eq(routingRules.orgId, orgId))).returning();
  await saved(db, actor, 'routing.rule_updated', id, { changed: Object.keys(patch) });
  return present({ ...row!, conditions: next.conditions, action: next.action });
}

export async function deleteRule(db: Db, actor: Actor, id: string) {
  const { orgId } = actor;
  const existing = await loadRules(db, orgId);
  const current = existing.find((r) => r.id === id);
  if (!current) throw notFound('routing rule');
  await db.delete(routingRules).where(and(eq(routingRules.id, id), eq(routingRules.orgId, orgId)));
  await saved(db, actor, 'routing.rule_deleted', id, { name: current.name });
}

async function saved(db: Db, actor: Actor, type: string, id: string, data: Record<string, unknown>) {
  forgetRouting(actor.orgId);
  await recordEvent(db, { orgId: actor.orgId, type, actor: { kind: 'user', id: actor.userId }, subject: { type: 'routing_rule', id }, data });
}
