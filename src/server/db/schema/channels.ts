import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { channelType } from './enums.ts';
import { organizations } from './organizations.ts';

export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    type: channelType('type').notNull(),
    name: text('name').notNull(),
    /** Public channels (social posts, community) are read by everyone: replies there are public statements. */
    isPublic: boolean('is_public').notNull().default(false),
    /** Credentials and webhook secrets, encrypted at rest (AES-GCM) with a key from the environment. */
    settingsEncrypted: text('settings_encrypted'),
    /** Public identifier in webhook URLs (/hooks/<type>/<key>): unguessable, unlike a sequential id. */
    webhookKey: text('webhook_key').notNull().default(sql`replace(gen_random_uuid()::text, '-', '')`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('channels_org_idx').on(t.orgId), uniqueIndex('channels_webhook_key_uq').on(t.webhookKey)],
);
