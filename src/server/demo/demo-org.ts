// A demo brand's organization records, through the same services the product uses:
// the brand (and its provider), teams, one channel of every type, and its staff.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { CHANNEL_TYPES, users as usersTable, type ChannelType } from '../db/schema/index.ts';
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
    // Level null: a provider team takes what the brand delegates, at level 2 or 3.
    teams.provider = (await createTeam(db, org.id, { name: p.teamName, level: null, providerOrgId: provider.id, skills: p.skills })).id;
    organizations++;
  }
  const channels = {} as Record<ChannelType, string>;
  for (const type of CHANNEL_TYPES) {
    const spec = brand.channels.find((c) => c.type === type);
    channels[type] = (await createChannel(db, org.id, { type, name: spec?.name ?? type, isPublic: isPublicChannel(type) })).id;
  }
  return { orgId: org.id, organizations, teams, channels };
}

export type Staff = { users: Record<string, string>; adminEmail: string };

/**
 * Every person of the demo signs in with the one password drawn for this install (random, printed once),
 * so each role's screens can be tried; the bot has none. No guessable demo credentials exist.
 */
export async function createStaff(
  db: Db, brand: BrandContent, s: BrandStructure, experts: readonly { contactId: string; email: string }[], password: string,
): Promise<Staff> {
  const users: Record<string, string> = {};
  const actor = { kind: 'system' as const };
  const emailOf = (p: Person, domain: string) => `${asciiSlug(p.first, '')}.${asciiSlug(p.last, '')}@${domain}`;
  const add = async (key: StaffKey, input: Parameters<typeof createUser>[2]) => {
    users[key] = (await createUser(db, s.orgId, input, actor)).id;
  };

  const adminEmail = adminEmailFor(brand);
  await add('admin', { email: adminEmail, name: fullName(brand.staff.admin), role: 'admin', password });
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
  // The admin's hash for everyone else: one scrypt per brand keeps the first start fast.
  const [admin] = await db.select({ hash: usersTable.passwordHash }).from(usersTable).where(eq(usersTable.id, users.admin!));
  await db.update(usersTable).set({ passwordHash: admin!.hash })
    .where(and(eq(usersTable.orgId, s.orgId), inArray(usersTable.role, ['supervisor', 'agent', 'provider_agent', 'expert'])));
  return { users, adminEmail };
}
