// The pyramid's own records: routing rules and the history of every routing decision, the brand's delegation
// of authority to provider teams with its approval queue, experts' reputation and invitations.
import { boolean, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, teams } from './organizations.ts';
import { users } from './accounts.ts';
import { contacts } from './contacts.ts';
import { conversations, messages } from './conversations.ts';

/**
 * An organization's routing rules, tried in `position` order after the preset's safety rules: the first
 * enabled rule whose conditions all match decides the target. Conditions and action are validated JSON
 * (routing/rule-schema.ts); conflicting or circular rule sets are refused when saved.
 */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    conditions: jsonb('conditions').$type<Record<string, unknown>>().notNull().default({}),
    action: jsonb('action').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('routing_rules_org_idx').on(t.orgId, t.position)],
);

/** Every routing, re-routing, escalation and takeover of a conversation, with why: the history agents see. */
export const routingDecisions = pgTable(
  'routing_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    conversationId: uuid('conversation_id').notNull().references(() => conversations.id),
    messageId: uuid('message_id').references(() => messages.id),
    /** route (automatic) · reroute (a person moved it) · escalate · takeover · sla_escalate · unrouted */
    kind: text('kind').notNull(),
    fromLevel: smallint('from_level'),
    toLevel: smallint('to_level').notNull(),
    fromTeamId: uuid('from_team_id').references(() => teams.id),
    toTeamId: uuid('to_team_id').references(() => teams.id),
    fromAssigneeId: uuid('from_assignee_id').references(() => users.id),
    toAssigneeId: uuid('to_assignee_id').references(() => users.id),
    priority: smallint('priority').notNull(),
    /** Rules that fired, in order, each with its reason. */
    rules: jsonb('rules').$type<{ id: string | null; name: string; reason: string }[]>().notNull().default([]),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('routing_decisions_conversation_idx').on(t.conversationId, t.createdAt)],
);

/**
 * The brand's delegation of authority to a provider team, per action type (and topic, for answers):
 * autonomous (up to `maxAmount` for money), needs the brand's approval, or forbidden.
 */
export const delegationRules = pgTable(
  'delegation_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    teamId: uuid('team_id').notNull().references(() => teams.id),
    /** answer_topic · commercial_gesture · refund · account_change · public_statement */
    actionType: text('action_type').notNull(),
    /** For answer_topic: the intent; '*' for any. */
    topic: text('topic').notNull().default('*'),
    /** autonomous · approval · forbidden */
    mode: text('mode').notNull(),
    /** For money actions: the ceiling of the delegated authority; above it the action is refused. */
    maxAmount: numeric('max_amount', { precision: 12, scale: 2, mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('delegation_rules_uq').on(t.orgId, t.teamId, t.actionType, t.topic)],
);

/**
 * A provider agent's reply that needs the brand's approval. The draft lives here, not in `messages`, so
 * nothing reaches the customer before a brand user approves it (as written or edited).
 */
export const approvalRequests = pgTable(
  'approval_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    conversationId: uuid('conversation_id').notNull().references(() => conversations.id),
    teamId: uuid('team_id').references(() => teams.id),
    requestedByUserId: uuid('requested_by_user_id').notNull().references(() => users.id),
    body: text('body').notNull(),
    isPublic: boolean('is_public').notNull().default(false),
    actionType: text('action_type').notNull(),
    amount: numeric('amount', { precision: 12, scale: 2, mode: 'number' }),
    /** The rule that required approval, and why. */
    ruleId: uuid('rule_id').references(() => delegationRules.id),
    reason: text('reason').notNull(),
    /** pending · approved · rejected */
    status: text('status').notNull().default('pending'),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decisionReason: text('decision_reason'),
    edited: boolean('edited').notNull().default(false),
    /** The message sent once approved. */
    messageId: uuid('message_id').references(() => messages.id),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('approval_requests_queue_idx').on(t.orgId, t.status, t.createdAt),
    index('approval_requests_conversation_idx').on(t.conversationId),
  ],
);

/** Points a community expert earns (an accepted answer, a good rating) or loses. */
export const reputationEvents = pgTable(
  'reputation_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    conversationId: uuid('conversation_id').references(() => conversations.id),
    points: integer('points').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reputation_events_user_idx').on(t.userId, t.createdAt),
    // One award per reason and conversation: a rating counted twice would be a bug.
    uniqueIndex('reputation_events_once_uq').on(t.userId, t.conversationId, t.reason),
  ],
);

/** A one-time link inviting someone (a customer recognized as an expert) to set a password and join. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id),
    /** SHA-256 of the token sent in the link. */
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
);
