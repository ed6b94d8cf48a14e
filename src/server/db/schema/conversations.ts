import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, real, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { authorKind, conversationStatus, messageDirection, severity, visibility } from './enums.ts';
import { organizations, teams } from './organizations.ts';
import { channels } from './channels.ts';
import { contacts } from './contacts.ts';
import { users } from './accounts.ts';

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    channelId: uuid('channel_id').notNull().references(() => channels.id),
    contactId: uuid('contact_id').notNull().references(() => contacts.id),
    subject: text('subject'),
    status: conversationStatus('status').notNull().default('open'),
    /** Pyramid level: 1 automation, 2 community experts, 3 core team. */
    level: smallint('level').notNull().default(1),
    severity: severity('severity').notNull().default('normal'),
    intent: text('intent'),
    intentConfidence: real('intent_confidence'),
    language: text('language'),
    /** 0 (lowest) to 4 (highest, crisis). */
    priority: smallint('priority').notNull().default(1),
    assigneeId: uuid('assignee_id').references(() => users.id),
    teamId: uuid('team_id').references(() => teams.id),
    visibility: visibility('visibility').notNull().default('private'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Topic the organization marks confidential: only the core team (level 3) may see or handle it. */
    confidential: boolean('confidential').notNull().default(false),
    /** No eligible queue or agent: shown in the visible "unrouted" queue until a supervisor places it. */
    unrouted: boolean('unrouted').notNull().default(false),
    /** The latest routing decision: target, rules that fired and their reasons ("why is this here?"). */
    routing: jsonb('routing').$type<Record<string, unknown>>(),
    /** Participants copied on the conversation (email CC). */
    cc: text('cc').array().notNull().default(sql`'{}'::text[]`),
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** Response-time target state: warned before a breach, breached (then escalated). */
    slaWarnedAt: timestamp('sla_warned_at', { withTimezone: true }),
    slaBreachedAt: timestamp('sla_breached_at', { withTimezone: true }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The inbox lists by recency within a tenant; the other indexes serve its filters.
  (t) => [
    index('conversations_inbox_idx').on(t.orgId, t.lastMessageAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('conversations_status_idx').on(t.orgId, t.status, t.lastMessageAt.desc().nullsFirst()),
    index('conversations_level_idx').on(t.orgId, t.level, t.lastMessageAt.desc().nullsFirst()),
    index('conversations_assignee_idx').on(t.orgId, t.assigneeId),
    index('conversations_contact_idx').on(t.contactId),
    index('conversations_team_idx').on(t.orgId, t.teamId, t.lastMessageAt.desc().nullsFirst()),
    // The SLA sweeper's question: which open conversations still owe a first response or a resolution?
    index('conversations_sla_idx').on(t.firstResponseDueAt).where(sql`${t.status} IN ('open', 'pending')`),
    // Reports count conversations received, or resolved, within a date range.
    index('conversations_created_idx').on(t.orgId, t.createdAt),
    index('conversations_resolved_idx').on(t.orgId, t.resolvedAt).where(sql`${t.resolvedAt} IS NOT NULL`),
  ],
);

export type Attachment = { name: string; contentType: string; size: number; url?: string; storageKey?: string };

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    conversationId: uuid('conversation_id').notNull().references(() => conversations.id),
    channelId: uuid('channel_id').notNull().references(() => channels.id),
    direction: messageDirection('direction').notNull(),
    authorKind: authorKind('author_kind').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id),
    authorContactId: uuid('author_contact_id').references(() => contacts.id),
    body: text('body').notNull(),
    bodyHtml: text('body_html'),
    /** The channel's own id for this message: intake is idempotent on (channel, external id). */
    externalId: text('external_id'),
    isPublic: boolean('is_public').notNull().default(false),
    attachments: jsonb('attachments').$type<Attachment[]>().notNull().default([]),
    triage: jsonb('triage').$type<Record<string, unknown>>(),
    /** What the channel needs beyond text: quick replies, cited articles, delivery details. */
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('messages_external_uq').on(t.channelId, t.externalId),
    index('messages_conversation_idx').on(t.conversationId, t.createdAt, t.id),
    // The triage sweeper's question: which customer messages are still waiting to be read?
    index('messages_untriaged_idx').on(t.createdAt).where(sql`${t.triage} IS NULL AND ${t.direction} = 'inbound'`),
  ],
);

/** Internal notes: never sent to the customer. */
export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    conversationId: uuid('conversation_id').notNull().references(() => conversations.id),
    authorUserId: uuid('author_user_id').references(() => users.id),
    /** note: staff only · instruction: core team to the expert handling it · escalation: an expert's "beyond my competence" */
    kind: text('kind').notNull().default('note'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notes_conversation_idx').on(t.conversationId, t.createdAt)],
);
