import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organizations } from '../db/schema/index.ts';
import { trainOrgModel, type TrainingReport } from '../triage/train-org-model.ts';
import { railBrand } from './rail-brand.ts';
import { shopBrand } from './shop-brand.ts';

/** Gives each demo brand an intent model learned from its resolved conversations, so level 1 answers from the start. */
export async function trainDemoModels(db: Db): Promise<Record<string, TrainingReport>> {
  const brands = await db.select({ id: organizations.id, slug: organizations.slug }).from(organizations)
    .where(inArray(organizations.slug, [railBrand.slug, shopBrand.slug]));
  const reports: Record<string, TrainingReport> = {};
  for (const brand of brands) reports[brand.slug] = await trainOrgModel(db, brand.id);
  return reports;
}
