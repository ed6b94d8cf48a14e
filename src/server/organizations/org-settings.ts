// An organization's settings, stored as JSON on its row and always read through this schema,
// so a missing or older settings object gets today's defaults.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { organizations } from '../db/schema/index.ts';
import { CHANNEL_TYPES, SEVERITIES } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { isValidTimeZone } from '../sla/business-clock.ts';

export const PRESETS = ['b2c', 'c2c', 'ia2c', 'all2c'] as const;
export type Preset = (typeof PRESETS)[number];
export const REDACTABLE_FIELDS = ['email', 'phone', 'address', 'orderNumber'] as const;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');
const dayHours = z.array(z.tuple([hhmm, hhmm])).max(4);
const WORK_DAY: [string, string][] = [['09:00', '18:00']];

/** Defaults from the practice Relais is built on: one hour on public social posts, minutes in chat, a day by email. */
export const DEFAULT_SLA_TARGETS = [
  { severity: 'crisis' as const, firstResponseMinutes: 15, resolutionMinutes: 240 },
  { channelTypes: ['facebook', 'instagram', 'x'] as ('facebook' | 'instagram' | 'x')[], visibility: 'public' as const, firstResponseMinutes: 60, resolutionMinutes: 1440 },
  { channelTypes: ['chat'] as 'chat'[], firstResponseMinutes: 2, resolutionMinutes: 60 },
  { channelTypes: ['facebook', 'instagram', 'x', 'sms'] as ('facebook' | 'instagram' | 'x' | 'sms')[], firstResponseMinutes: 60, resolutionMinutes: 1440 },
  { channelTypes: ['email', 'web_form', 'api'] as ('email' | 'web_form' | 'api')[], firstResponseMinutes: 1440, resolutionMinutes: 4320 },
  { channelTypes: ['community'] as 'community'[], firstResponseMinutes: 240, resolutionMinutes: 4320 },
];

export const slaTargetSchema = z.object({
  /** Empty or absent: every channel. */
  channelTypes: z.array(z.enum(CHANNEL_TYPES)).optional(),
  visibility: z.enum(['public', 'private']).optional(),
  severity: z.enum(SEVERITIES).optional(),
  firstResponseMinutes: z.number().int().min(1).max(60 * 24 * 30),
  resolutionMinutes: z.number().int().min(1).max(60 * 24 * 90).nullable().default(null),
});

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
  pyramid: z.object({
    /** The support model: b2c (team answers everything), c2c (experts first), ia2c (automation first), all2c (1 → 2 → 3). */
    preset: z.enum(PRESETS).default('all2c'),
    /** Intents only the core team may see or handle: never routed to experts or providers. */
    confidentialTopics: z.array(z.string().min(1)).max(200).default([]),
    /** Personal data the brand lets community experts see; everything else is redacted for them. */
    expertVisibleFields: z.array(z.enum(REDACTABLE_FIELDS)).default([]),
    /** Target time for the brand to decide on a provider's approval request. */
    approvalTargetMinutes: z.number().int().min(1).max(60 * 24 * 7).default(240),
  }).prefault({}),
  sla: z.object({
    /** First matching target wins: order from the most specific to the most general. */
    targets: z.array(slaTargetSchema).max(100).default(DEFAULT_SLA_TARGETS),
    /** 'always': the clock runs around the clock; 'business': only during the week's hours, outside holidays. */
    clock: z.enum(['always', 'business']).default('always'),
    timezone: z.string().min(1).refine(isValidTimeZone, 'an IANA time zone, such as Europe/Paris').default('Europe/Paris'),
    week: z.object({
      mon: dayHours.default(WORK_DAY), tue: dayHours.default(WORK_DAY), wed: dayHours.default(WORK_DAY),
      thu: dayHours.default(WORK_DAY), fri: dayHours.default(WORK_DAY), sat: dayHours.default([]), sun: dayHours.default([]),
    }).prefault({}),
    /** Dates (YYYY-MM-DD, in the organization's time zone) when the business clock stops. */
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(366).default([]),
    /** Warn when this share of the target time has elapsed. */
    warnAtShare: z.number().min(0.1).max(0.99).default(0.8),
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
  pyramid?: Partial<OrgSettings['pyramid']> | undefined;
  sla?: Partial<OrgSettings['sla']> | undefined;
};

export async function updateOrgSettings(db: Db, orgId: string, patch: OrgSettingsPatch): Promise<OrgSettings> {
  const [org] = await db.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw notFound('organization');
  const current = parseOrgSettings(org.settings);
  const next = orgSettingsSchema.parse({
    triage: { ...current.triage, ...patch.triage },
    alerts: { ...current.alerts, ...patch.alerts },
    pyramid: { ...current.pyramid, ...patch.pyramid },
    sla: { ...current.sla, ...patch.sla },
  });
  await db.update(organizations).set({ settings: next }).where(eq(organizations.id, orgId));
  return next;
}
