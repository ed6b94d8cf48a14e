// A demo brand's organization records, through the same services the product uses:
// the brand (and its provider), teams, one channel of every type, and its staff.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { CHANNEL_TYPES, type ChannelType } from '../db/schema/index.ts';
import { createBrand, createChannel, createProvider, createTeam } from '../organizations/organizations.service.ts';
import { createUser } from '../accounts/users.service.ts';
import type { BrandContent, Person, StaffKey } from './demo-types.ts';
import type { TeamKey } from './demo-plan.ts';
import { isPublicChannel } from './demo-plan.ts';
import { asciiSlug, fullName } from './demo-phrases.ts';

export type BrandStructure = {
  orgId: string;
  organizations: number;
  teams: Partial<Record<TeamKey, string>>;
  channels: Record<ChannelType, string>;
};

export const adminEmailFor = (brand: BrandContent) => `admin@${brand.slug}.demo`;

export async function createStructure(db: Db, brand: BrandContent): Promise<BrandStructure> {
  const org = await createBrand(db, { name: brand.name, slug: brand.slug, defaultLocale: 'fr' });
  const teams: Partial<Record<TeamKey, string>> = {
    core: (await createTeam(db, org.id, { ...brand.teams.core, level: 3, signature: brand.signature.fr })).id,
    experts: (await createTeam(db, org.id, { ...brand.teams.experts, level: 2 })).id,
  };
  let organizations = 1;
  const p = brand.teams.provider;
  if (p) {
    const provider = await createProvider(db, org.id, { name: p.orgName, slug: p.orgSlug });
    teams.provider = (await createTeam(db, org.id, { name: p.teamName, level: 3, providerOrgId: provider.id, skills: p.skills })).id;
    organizations++;
  }
  const channels = {} as Record<ChannelType, string>;
  for (const type of CHANNEL_TYPES) {
    const spec = brand.channels.find((c) => c.type === type);
    channels[type] = (await createChannel(db, org.id, { type, name: spec?.name ?? type, isPublic: isPublicChannel(type) })).id;
  }
  return { orgId: org.id, organizations, teams, channels };
}

export type Staff = { users: Record<string, string>; adminEmail: string; adminPassword: string };

/**
 * Only the admin gets a password (random, returned once). The others have none until an admin sets one
 * (PATCH /api/users/:id); `relais user create` adds more people. No guessable demo credentials exist.
 */
export async function createStaff(
  db: Db, brand: BrandContent, s: BrandStructure, experts: readonly { contactId: string; email: string }[],
): Promise<Staff> {
  const users: Record<string, string> = {};
  const actor = { kind: 'system' as const };
  const emailOf = (p: Person, domain: string) => `${asciiSlug(p.first, '')}.${asciiSlug(p.last, '')}@${domain}`;
  const add = async (key: StaffKey, input: Parameters<typeof createUser>[2]) => {
    users[key] = (await createUser(db, s.orgId, input, actor)).id;
  };

  const adminEmail = adminEmailFor(brand);
  const adminPassword = randomBytes(12).toString('base64url');
  await add('admin', { email: adminEmail, name: fullName(brand.staff.admin), role: 'admin', password: adminPassword });
  await add('supervisor', { email: emailOf(brand.staff.supervisor, brand.domain), name: fullName(brand.staff.supervisor), role: 'supervisor', teamId: s.teams.core });
  for (const [i, p] of brand.staff.agents.entries()) {
    await add(`agent${i}`, { email: emailOf(p, brand.domain), name: fullName(p), role: 'agent', teamId: s.teams.core });
  }
  const provider = brand.teams.provider;
  for (const [i, p] of brand.staff.providerAgents.entries()) {
    if (!provider) break;
    await add(`provider${i}`, { email: emailOf(p, provider.domain), name: fullName(p), role: 'provider_agent', teamId: s.teams.provider });
  }
  // Community experts are customers first: their user points at their contact record.
  for (const [i, p] of brand.staff.experts.entries()) {
    await add(`expert${i}`, {
      email: experts[i]?.email ?? emailOf(p, 'example.com'), name: fullName(p), role: 'expert',
      teamId: s.teams.experts, contactId: experts[i]?.contactId ?? null,
    });
  }
  await add('bot', { email: `assistant@${brand.domain}`, name: brand.staff.botName, role: 'bot' });
  return { users, adminEmail, adminPassword };
}
