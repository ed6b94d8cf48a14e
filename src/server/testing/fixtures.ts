// Records for tests, made through the same services the product uses.
import type { Db } from '../db/client.ts';
import { contacts } from '../db/schema/index.ts';
import { openConversation, type OpenConversationInput } from '../conversations/open-conversation.ts';

export async function createContactRecord(db: Db, orgId: string, fields: { name?: string; email?: string } = {}) {
  const [contact] = await db.insert(contacts).values({ orgId, name: fields.name ?? 'Camille Martin', email: fields.email ?? null }).returning();
  return contact!;
}

export async function createConversationRecord(
  db: Db,
  orgId: string,
  channelId: string,
  fields: Partial<OpenConversationInput> = {},
) {
  const contact = await createContactRecord(db, orgId);
  return openConversation(db, orgId, { channelId, contactId: contact.id, body: 'Bonjour, mon train est en retard.', ...fields });
}
