import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { channels, organizations, teams, type ChannelType } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

export async function createBrand(db: Db, input: { name: string; slug: string; defaultLocale?: string }) {
  const [existing] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, input.slug));
  if (existing) throw new AppError('conflict', `an organization with slug ${input.slug} already exists`);
  const [org] = await db.insert(organizations).values({ kind: 'brand', ...input }).returning();
  return org!;
}

/** An outsourced provider working for `brandId`: its agents are users of the brand attached to its teams. */
export async function createProvider(db: Db, brandId: string, input: { name: string; slug: string }) {
  const [org] = await db.insert(organizations).values({ kind: 'provider', parentId: brandId, ...input }).returning();
  return org!;
}

export async function createTeam(
  db: Db,
  orgId: string,
  input: { name: string; level?: number | null; providerOrgId?: string | null; skills?: string[]; signature?: string | null },
) {
  const [team] = await db.insert(teams).values({ orgId, ...input }).returning();
  return team!;
}

export async function createChannel(db: Db, orgId: string, input: { type: ChannelType; name: string; isPublic?: boolean }) {
  const [channel] = await db.insert(channels).values({ orgId, ...input }).returning();
  return channel!;
}

export async function findOrganizationBySlug(db: Db, slug: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  return org;
}
