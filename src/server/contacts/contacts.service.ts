import { and, asc, eq, ilike, isNull, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { CHANNEL_TYPES, contactIdentities, contacts } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { recordEvent, type Actor } from '../audit/record-event.ts';
import { afterCursor, newestFirst } from '../http/keyset.ts';
import { containsPattern } from '../http/like-pattern.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';

export const identitySchema = z.object({
  id: z.uuid(), channelType: z.enum(CHANNEL_TYPES), externalId: z.string(), displayName: z.string().nullable(), verified: z.boolean(),
});
export const contactSchema = z.object({
  id: z.uuid(), name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable(),
  segment: z.string().nullable(), locale: z.string().nullable(), mergedIntoId: z.uuid().nullable(), createdAt: z.string(),
});
export const contactDetailSchema = contactSchema.extend({ identities: z.array(identitySchema) });

type ContactRow = typeof contacts.$inferSelect;
export const presentContact = (c: ContactRow): z.infer<typeof contactSchema> => ({
  id: c.id, name: c.name, email: c.email, phone: c.phone, segment: c.segment, locale: c.locale,
  mergedIntoId: c.mergedIntoId, createdAt: c.createdAt.toISOString(),
});

export type ContactFilters = { q?: string | undefined; segment?: string | undefined; cursor?: string | undefined; limit: number };

export async function listContacts(db: Db, orgId: string, f: ContactFilters) {
  const pattern = f.q ? containsPattern(f.q) : undefined;
  const conditions: (SQL | undefined)[] = [
    eq(contacts.orgId, orgId),
    isNull(contacts.mergedIntoId),
    pattern ? or(ilike(contacts.name, pattern), ilike(contacts.email, pattern), ilike(contacts.phone, pattern)) : undefined,
    f.segment ? eq(contacts.segment, f.segment) : undefined,
    afterCursor(contacts.createdAt, contacts.id, decodeCursor(f.cursor)),
  ];
  const rows = await db.select().from(contacts).where(and(...conditions))
    .orderBy(...newestFirst(contacts.createdAt, contacts.id)).limit(f.limit + 1);
  return toPage(rows, f.limit, (c) => ({ at: c.createdAt, id: c.id }), presentContact);
}

export async function getContact(db: Db, orgId: string, id: string) {
  const [contact] = await db.select().from(contacts).where(and(eq(contacts.id, id), eq(contacts.orgId, orgId)));
  if (!contact) throw notFound('contact');
  const identities = await db.select().from(contactIdentities)
    .where(and(eq(contactIdentities.contactId, id), eq(contactIdentities.orgId, orgId)))
    .orderBy(asc(contactIdentities.createdAt));
  return {
    ...presentContact(contact),
    identities: identities.map((i) => ({
      id: i.id, channelType: i.channelType, externalId: i.externalId, displayName: i.displayName, verified: i.verified,
    })),
  };
}

export type ContactInput = {
  name?: string | null | undefined; email?: string | null | undefined; phone?: string | null | undefined;
  segment?: string | null | undefined; locale?: string | null | undefined;
};

export async function createContact(db: Db, orgId: string, input: ContactInput, actor: Actor) {
  const [contact] = await db.insert(contacts).values({ orgId, ...input, email: input.email?.toLowerCase() ?? null }).returning();
  await recordEvent(db, { orgId, type: 'contact.created', actor, subject: { type: 'contact', id: contact!.id } });
  return getContact(db, orgId, contact!.id);
}

export async function updateContact(db: Db, orgId: string, id: string, patch: ContactInput, actor: Actor) {
  const updated = await db.update(contacts)
    .set({ ...patch, email: patch.email === undefined ? undefined : patch.email?.toLowerCase() ?? null })
    .where(and(eq(contacts.id, id), eq(contacts.orgId, orgId))).returning({ id: contacts.id });
  if (updated.length === 0) throw notFound('contact');
  await recordEvent(db, { orgId, type: 'contact.updated', actor, subject: { type: 'contact', id }, data: { fields: Object.keys(patch) } });
  return getContact(db, orgId, id);
}
