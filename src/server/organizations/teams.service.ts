// Teams as queues: their level, the topics and languages they take, and where conversations go when no one
// in them can (fallbackTeamId, refused when the chain would loop). Routing forgets its compiled copy on change.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { teams } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertNoFallbackLoop } from '../routing/validate-rules.ts';
import { forgetRouting, loadTeams } from '../routing/routing-cache.ts';

export type TeamPatch = {
  name?: string | undefined; level?: 2 | 3 | null | undefined; skills?: string[] | undefined; languages?: string[] | undefined;
  fallbackTeamId?: string | null | undefined; signature?: string | null | undefined;
};

export async function listTeams(db: Db, orgId: string) {
  return db.select().from(teams).where(eq(teams.orgId, orgId)).orderBy(asc(teams.createdAt), asc(teams.id));
}

export async function createQueueTeam(db: Db, orgId: string, input: TeamPatch & { name: string }, userId: string) {
  if (input.fallbackTeamId) assertNoFallbackLoop(await loadTeams(db, orgId), 'new', input.fallbackTeamId);
  const [team] = await db.insert(teams).values({ orgId, ...stripUndefined(input) }).returning();
  forgetRouting(orgId);
  await recordEvent(db, { orgId, type: 'team.created', actor: { kind: 'user', id: userId }, subject: { type: 'team', id: team!.id }, data: { name: input.name } });
  return team!;
}

export async function updateTeam(db: Db, orgId: string, id: string, patch: TeamPatch, userId: string) {
  return db.transaction(async (tx) => {
    // One team change at a time per organization: two changes that are each fine alone could close a loop together.
    const all = await tx.select().from(teams).where(eq(teams.orgId, orgId)).orderBy(asc(teams.id)).for('update');
    const current = all.find((t) => t.id === id);
    if (!current) throw notFound('team');
    if (patch.fallbackTeamId !== undefined && patch.fallbackTeamId !== null) {
      if (patch.fallbackTeamId === id) throw new AppError('conflict', `fallback teams go round in a circle: ${current.name} → ${current.name}`);
      assertNoFallbackLoop(all, id, patch.fallbackTeamId);
    }
    if (patch.level === 2 && current.providerOrgId) throw new AppError('validation_failed', 'level: a provider team cannot be a community experts (level 2) queue');
    const [team] = await tx.update(teams).set(stripUndefined(patch)).where(and(eq(teams.id, id), eq(teams.orgId, orgId))).returning();
    await recordEvent(tx as unknown as Db, { orgId, type: 'team.updated', actor: { kind: 'user', id: userId }, subject: { type: 'team', id }, data: patch });
    forgetRouting(orgId);
    return team!;
  }).finally(() => forgetRouting(orgId));
}

const stripUndefined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
