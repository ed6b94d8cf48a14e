// Tests only: a tenant's people across the pyramid, each with an API token: a core agent (in the tenant's
// level-3 Core team), two experts in a level-2 Experts team, an expert without a team, and a provider agent.
import { eq } from 'drizzle-orm';
import { users } from '../db/schema/index.ts';
import { createProvider, createTeam } from '../organizations/organizations.service.ts';
import type { Tenant, TestServer } from './test-server.ts';

export type Person = { id: string; email: string; token: string; teamId: string | null };

export async function pyramidPeople(server: TestServer, tenant: Tenant) {
  const { db } = server.database;
  const expertTeam = await createTeam(db, tenant.orgId, { name: 'Experts', level: 2 });
  const otherExpertTeam = await createTeam(db, tenant.orgId, { name: 'Experts vélo', level: 2 });
  const provider = await createProvider(db, tenant.orgId, { name: 'Provider', slug: `provider-${crypto.randomUUID()}` });
  const providerTeam = await createTeam(db, tenant.orgId, { name: 'Provider team', level: 2, providerOrgId: provider.id });
  // Set before the token is first used: the token cache would otherwise keep the old team for a few seconds.
  const person = async (role: 'agent' | 'expert' | 'provider_agent', teamId: string | null): Promise<Person> => {
    const user = await tenant.addUser(role, { password: 'correct horse battery' });
    await db.update(users).set({ teamId }).where(eq(users.id, user.id));
    return { ...user, teamId };
  };
  return {
    expertTeam, otherExpertTeam, providerTeam,
    agent: await person('agent', tenant.teamId),
    expert: await person('expert', expertTeam.id),
    otherExpert: await person('expert', otherExpertTeam.id),
    loneExpert: await person('expert', null),
    providerAgent: await person('provider_agent', providerTeam.id),
  };
}
