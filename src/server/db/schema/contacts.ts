import { type AnyPgColumn, boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { channelType } from './enums.ts';
import { organizations } from './organizations.ts';

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    name: text('name'),
    email: text('email'),
    phone: text('phone'),
    segment: text('segment'),
    locale: text('locale'),
    /** Set when this contact was merged into another; kept so the merge can be undone. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => contacts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contacts_org_idx').on(t.orgId, t.createdAt, t.id), index('contacts_org_email_idx').on(t.orgId, t.email)],
);

/** One identity per channel: an email address, a phone number, a Facebook PSID, an X user id... */
export const contactIdentities = pgTable(
  'contact_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    contactId: uuid('contact_id').notNull().references(() => contacts.id),
    channelType: channelType('channel_type').notNull(),
    externalId: text('external_id').notNull(),
    displayName: text('display_name'),
    verified: boolean('verified').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contact_identities_uq').on(t.orgId, t.channelType, t.externalId),
    index('contact_identities_contact_idx').on(t.contactId),
  ],
);

/** A merge of one contact into another, with what moved, so it can be undone without losing history. */
export const contactMerges = pgTable(
  'contact_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    sourceContactId: uuid('source_contact_id').notNull().references(() => contacts.id),
    targetContactId: uuid('target_contact_id').notNull().references(() => contacts.id),
    identityIds: uuid('identity_ids').array().notNull(),
    conversationIds: uuid('conversation_ids').array().notNull(),
    reason: text('reason').notNull(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contact_merges_org_idx').on(t.orgId, t.createdAt)],
);
