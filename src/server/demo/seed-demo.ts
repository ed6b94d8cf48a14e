// Demo data for a fresh install: two French brands (a regional rail operator and an online shop)
// with two months of customer conversations, a help centre, saved replies and scenarios, and the pyramid's
// records: experts, provider teams with delegated authority, routing history.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { recordEvent } from '../audit/record-event.ts';
import { findOrganizationBySlug } from '../organizations/organizations.service.ts';
import { createRng } from './demo-random.ts';
import type { BrandContent } from './demo-types.ts';
import { planBrand, type BrandPlan } from './demo-plan.ts';
import { adminEmailFor, createStaff, createStructure } from './demo-org.ts';
import { insertContacts, insertConversations, insertKnowledge, insertScenarios } from './demo-write.ts';
import { seedPyramid } from './demo-pyramid.ts';
import { railBrand } from './rail-brand.ts';
import { shopBrand } from './shop-brand.ts';

/**
 * `seeded: false` means demo data was already there and nothing was created; the counts are what this
 * call created. `adminPassword` is the password of every demo person (admins, supervisors, agents, provider
 * agents, experts of both brands), present only when just created.
 */
export type SeedResult = { seeded: boolean; adminEmail: string; adminPassword?: string; organizations: number; conversations: number; articles: number };

const BRANDS: readonly BrandContent[] = [railBrand, shopBrand];
/** The first brand's slug marks the demo as present. */
const MARKER_SLUG = railBrand.slug;
const DEFAULT_SEED = 20_250_101;

export async function seedDemo(db: Db, options: { now?: Date; seed?: number } = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const seed = options.seed ?? DEFAULT_SEED;
  const adminEmail = adminEmailFor(BRANDS[0]!);
  const nothing: SeedResult = { seeded: false, adminEmail, organizations: 0, conversations: 0, articles: 0 };
  if (await findOrganizationBySlug(db, MARKER_SLUG)) return nothing;

  // Planning is pure CPU and needs no transaction; each brand draws from its own stream.
  const plans = BRANDS.map((brand, i) => planBrand(brand, createRng((seed + i * 7919) >>> 0), now));
  try {
    // One transaction: a crash half-way leaves nothing behind, so the next start simply seeds again.
    return await db.transaction(async (tx) => {
      const password = randomBytes(12).toString('base64url');
      const result: SeedResult = { seeded: true, adminEmail, adminPassword: password, organizations: 0, conversations: 0, articles: 0 };
      for (const [i, brand] of BRANDS.entries()) {
        const written = await seedBrand(tx, brand, plans[i]!, password, now);
        result.organizations += written.organizations;
        result.conversations += written.conversations;
        result.articles += written.articles;
      }
      return result;
    });
  } catch (err) {
    // Another process seeding at the same moment wins on the unique slug: the demo is there, which is the goal.
    if (await findOrganizationBySlug(db, MARKER_SLUG)) return nothing;
    throw err;
  }
}

async function seedBrand(db: Db, brand: BrandContent, plan: BrandPlan, password: string, now: Date) {
  const structure = await createStructure(db, brand);
  const contactIds = await insertContacts(db, structure.orgId, plan);
  const staff = await createStaff(db, brand, structure, plan.expertContacts.map((index) => ({
    contactId: contactIds[index]!, email: plan.contacts[index]!.email!,
  })), password);
  const knowledge = await insertKnowledge(db, structure.orgId, brand, plan.articles, staff.users);
  await insertScenarios(db, structure.orgId, brand.scenarios({
    teams: structure.teams as Record<string, string>, templates: knowledge.templates, users: staff.users,
  }));
  const conversationIds = await insertConversations(db, structure, plan, contactIds, staff.users);
  await seedPyramid(db, { brand, s: structure, plan, conversationIds, contactIds, users: staff.users, now });
  const conversations = conversationIds.length;
  // Demo messages arrive already read: record their planned attributes as their triage, so the triage
  // worker does not re-read a month of history on first start.
  await db.execute(sql`
    UPDATE messages m SET triage = jsonb_build_object('source', 'demo', 'language', c.language, 'intent', c.intent, 'severity', c.severity)
    FROM conversations c WHERE c.id = m.conversation_id AND m.org_id = ${structure.orgId} AND m.direction = 'inbound' AND m.triage IS NULL`);
  await recordEvent(db, {
    orgId: structure.orgId, type: 'demo.seeded', actor: { kind: 'system' },
    data: { conversations, articles: knowledge.articles, contacts: contactIds.length },
  });
  return { organizations: structure.organizations, conversations, articles: knowledge.articles };
}
