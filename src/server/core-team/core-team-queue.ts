import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { teams } from '../db/schema/index.ts';

/**
 * The core team's queue: the brand's own level-3 team (not a provider's), the oldest if there are several.
 * Null when the organization has none: the conversation is then shown as unrouted for a supervisor to place.
 */
export async function coreTeamOf(db: Db, orgId: string): Promise<{ id: string } | null> {
  const [team] = await db.select({ id: teams.id }).from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.level, 3), isNull(teams.providerOrgId)))
    .orderBy(asc(teams.createdAt), asc(teams.id)).limit(1);
  return team ?? null;
}
