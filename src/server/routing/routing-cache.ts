// Each organization's routing compiled once and kept: saving a rule, a team or the settings forgets it in
// this process at once; other processes sharing the database pick the change up within a second.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { routingRules, scenarios, teams } from '../db/schema/index.ts';
import { getOrgSettings } from '../organizations/org-settings.ts';
import { ttlCache } from '../http/ttl-cache.ts';
import { compileRouting } from './compile-rules.ts';
import { scenarioRules } from './scenario-rules.ts';
import type { RoutingRule } from './rule-schema.ts';
import type { CompiledRouting, TeamInfo } from './routing.types.ts';

const cache = ttlCache<CompiledRouting>(1_000);

export function forgetRouting(orgId: string): void {
  cache.delete(orgId);
}

export async function loadRules(db: Db, orgId: string): Promise<(RoutingRule & { id: string; createdAt: Date; updatedAt: Date })[]> {
  const rows = await db.select().from(routingRules).where(eq(routingRules.orgId, orgId)).orderBy(asc(routingRules.position), asc(routingRules.createdAt));
  return rows.map((r) => ({ ...r, conditions: r.conditions as RoutingRule['conditions'], action: r.action as RoutingRule['action'] }));
}

export async function loadTeams(db: Db, orgId: string): Promise<TeamInfo[]> {
  return db.select({ id: teams.id, name: teams.name, level: teams.level, providerOrgId: teams.providerOrgId, fallbackTeamId: teams.fallbackTeamId })
    .from(teams).where(eq(teams.orgId, orgId));
}

export async function compiledRoutingFor(db: Db, orgId: string): Promise<CompiledRouting> {
  return cache.get(orgId, async () => {
    const [settings, rules, teamRows, playbooks] = await Promise.all([
      getOrgSettings(db, orgId), loadRules(db, orgId), loadTeams(db, orgId),
      db.select().from(scenarios).where(eq(scenarios.orgId, orgId)).orderBy(asc(scenarios.createdAt), asc(scenarios.id)),
    ]);
    // The organization's own rules first, then its scenarios that route (see scenario-rules.ts).
    const fromScenarios = scenarioRules(playbooks, new Set(teamRows.map((t) => t.id)));
    return compileRouting({ preset: settings.pyramid.preset, confidentialTopics: settings.pyramid.confidentialTopics, rules: [...rules, ...fromScenarios], teams: teamRows });
  });
}
