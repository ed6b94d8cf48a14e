// Tests only: a provider working for a tenant, with a team and an agent holding an API token.
import type { Db } from '../db/client.ts';
import { createProvider, createTeam } from '../organizations/organizations.service.ts';
import { createUser } from '../accounts/users.service.ts';
import { createApiToken } from '../accounts/api-tokens.service.ts';

let counter = 0;

export async function createProviderTeam(db: Db, brandId: string, name = 'Provider') {
  const slug = `${name.toLowerCase()}-${process.pid}-${++counter}-${Date.now().toString(36)}`;
  const provider = await createProvider(db, brandId, { name, slug });
  const team = await createTeam(db, brandId, { name: `${name} team`, providerOrgId: provider.id });
  const addAgent = async () => {
    const user = await createUser(db, brandId, {
      email: `agent.${slug}.${++counter}@provider.test`, name: `${name} agent`, role: 'provider_agent', teamId: team.id,
    }, { kind: 'system' });
    const { token } = await createApiToken(db, brandId, user.id, 'test', null);
    return { id: user.id, token };
  };
  return { providerId: provider.id, teamId: team.id, addAgent };
}
