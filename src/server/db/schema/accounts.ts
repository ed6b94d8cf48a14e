import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { userRole } from './enums.ts';
import { organizations, teams } from './organizations.ts';
import { contacts } from './contacts.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    /** For community experts: the customer record they were invited from. */
    contactId: uuid('contact_id').references(() => contacts.id),
    locale: text('locale').notNull().default('fr'),
    /** Assignment within a queue: topics (intents) and languages the person handles, and how many open
     * conversations they can hold at once. Empty lists mean "any". */
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    capacity: integer('capacity').notNull().default(10),
    /** Round-robin: the least recently assigned eligible person gets the next conversation. */
    lastAssignedAt: timestamp('last_assigned_at', { withTimezone: true }),
    /** Community experts' reputation points (sum of reputation_events). */
    reputation: integer('reputation').notNull().default(0),
    /** scrypt hash; null for users who only authenticate with API tokens (the bot). */
    passwordHash: text('password_hash'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Login is by email alone, so an email identifies one user across all tenants.
  (t) => [uniqueIndex('users_email_uq').on(t.email), index('users_org_idx').on(t.orgId, t.createdAt, t.id)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value: a database leak does not leak live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('api_tokens_org_idx').on(t.orgId)],
);
