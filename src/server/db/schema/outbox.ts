import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.ts';
import { channels } from './channels.ts';
import { messages } from './conversations.ts';

/**
 * Every reply leaves through here: written in the same transaction as the message, then delivered by the
 * dispatcher with retries and backoff, ending `sent` or visibly `failed` with the reason. Never dropped.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    messageId: uuid('message_id').notNull().references(() => messages.id),
    channelId: uuid('channel_id').notNull().references(() => channels.id),
    /** pending → sending → sent | (retrying → sending …) | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A `sending` row whose lease has passed belongs to a process that died: it is taken again. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    externalId: text('external_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outbox_message_uq').on(t.messageId),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_org_idx').on(t.orgId, t.status),
  ],
);

/** Inbound payloads that could not be read: kept for inspection, never silently lost. */
export const deadLetters = pgTable(
  'dead_letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').references(() => organizations.id),
    channelId: uuid('channel_id').references(() => channels.id),
    source: text('source').notNull(),
    reason: text('reason').notNull(),
    headers: jsonb('headers').$type<Record<string, unknown>>().notNull().default({}),
    payload: text('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dead_letters_org_idx').on(t.orgId, t.createdAt)],
);
