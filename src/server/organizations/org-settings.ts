// An organization's settings, stored as JSON on its row and always read through this schema,
// so a missing or older settings object gets today's defaults.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { organizations } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';

export const orgSettingsSchema = z.object({
  triage: z.object({
    /** Share of automatic answers that must be right; the threshold is chosen on held-out data to reach it. */
    targetPrecision: z.number().min(0.5).max(1).default(0.95),
    /** Overrides the chosen threshold when set. */
    autoAnswerThreshold: z.number().min(0).max(1).nullable().default(null),
    autoAnswerEnabled: z.boolean().default(true),
    /** Followers from which a negative public message is a reputation risk. */
    reputationFollowers: z.number().int().min(0).default(1000),
  }).prefault({}),
  alerts: z.object({
    /** Receives a signed JSON POST for each crisis alert. */
    webhookUrl: z.url().nullable().default(null),
    webhookSecret: z.string().min(16).nullable().default(null),
    /** Receive an email for each crisis alert (needs RELAIS_SMTP_URL). */
    emails: z.array(z.email()).max(20).default([]),
  }).prefault({}),
});

export type OrgSettings = z.infer<typeof orgSettingsSchema>;

export function parseOrgSettings(raw: unknown): OrgSettings {
  const parsed = orgSettingsSchema.safeParse(raw ?? {});
  // Settings written by an older version and no longer valid fall back to defaults rather than break triage.
  return parsed.success ? parsed.data : orgSettingsSchema.parse({});
}

export async function getOrgSettings(db: Db, orgId: string): Promise<OrgSettings & { defaultLocale: string }> {
  const [org] = await db.select({ settings: organizations.settings, defaultLocale: organizations.defaultLocale })
    .from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw notFound('organization');
  return { ...parseOrgSettings(org.settings), defaultLocale: org.defaultLocale };
}

export type OrgSettingsPatch = {
  triage?: Partial<OrgSettings['triage']> | undefined;
  alerts?: Partial<OrgSettings['alerts']> | undefined;
};

export async function updateOrgSettings(db: Db, orgId: string, patch: OrgSettingsPatch): Promise<OrgSettings> {
  const [org] = await db.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw notFound('organization');
  const current = parseOrgSettings(org.settings);
  const next = orgSettingsSchema.parse({
    triage: { ...current.triage, ...patch.triage },
    alerts: { ...current.alerts, ...patch.alerts },
  });
  await db.update(organizations).set({ settings: next }).where(eq(organizations.id, orgId));
  return next;
}
