import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgKind } from './enums.ts';

/**
 * A brand is the tenant: every row of every other table belongs to exactly one brand (org_id).
 * A provider (an outsourced team) is a row of kind 'provider' whose parent is the brand it works for;
 * its agents are users of the brand tenant attached to one of the provider's teams.
 */
export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: orgKind('kind').notNull().default('brand'),
  parentId: uuid('parent_id').references((): AnyPgColumn => organizations.id),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  defaultLocale: text('default_locale').notNull().default('fr'),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    /** Set when the team belongs to an outsourced provider working for the brand. */
    providerOrgId: uuid('provider_org_id').references(() => organizations.id),
    name: text('name').notNull(),
    /** Pyramid level the team works at: 2 community experts, 3 core team; null for mixed teams. */
    level: smallint('level'),
    /** Topics (intents) this team's queue takes; empty means any. */
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    /** Languages this team's queue takes; empty means any. */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    /** Where conversations go when no one in this team can take them (checked for cycles when saved). */
    fallbackTeamId: uuid('fallback_team_id').references((): AnyPgColumn => teams.id),
    signature: text('signature'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('teams_org_idx').on(t.orgId)],
);
