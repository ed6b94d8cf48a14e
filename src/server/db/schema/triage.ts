import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.ts';
import { users } from './accounts.ts';
import { conversations, messages } from './conversations.ts';

/** Each training of an organization's intent model; the newest row is the one in use. */
export const intentModels = pgTable(
  'intent_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    version: text('version').notNull(),
    labels: text('labels').array().notNull(),
    /** The serialized model (JSON text): loaded once per process and cached by version. */
    model: text('model').notNull(),
    /** Confidence above which level 1 may answer, chosen on a held-out split for the target precision. */
    threshold: real('threshold').notNull(),
    targetPrecision: real('target_precision').notNull(),
    exampleCount: integer('example_count').notNull(),
    metrics: jsonb('metrics').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('intent_models_org_idx').on(t.orgId, t.createdAt)],
);

/** Labeled examples uploaded by the organization (`relais nlu train`, or the API). */
export const intentExamples = pgTable(
  'intent_examples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    text: text('text').notNull(),
    label: text('label').notNull(),
    source: text('source').notNull().default('upload'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('intent_examples_org_idx').on(t.orgId)],
);

/** A person's correction of a triage result: audited, and used by the next training. */
export const triageCorrections = pgTable(
  'triage_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    conversationId: uuid('conversation_id').notNull().references(() => conversations.id),
    messageId: uuid('message_id').references(() => messages.id),
    field: text('field').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    userId: uuid('user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('triage_corrections_org_idx').on(t.orgId, t.field)],
);

/** Alerts that must reach a person at once (crisis messages), with what was done to deliver them. */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    kind: text('kind').notNull(),
    conversationId: uuid('conversation_id').notNull().references(() => conversations.id),
    messageId: uuid('message_id').references(() => messages.id),
    summary: text('summary').notNull(),
    acknowledged: boolean('acknowledged').notNull().default(false),
    acknowledgedByUserId: uuid('acknowledged_by_user_id').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    deliveries: jsonb('deliveries').$type<Record<string, unknown>[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('alerts_org_idx').on(t.orgId, t.acknowledged, t.createdAt)],
);
