// Who is chatting: an anonymous visitor (a random id the widget keeps), or a user of the brand's site whose id the
// brand's server signed (HMAC). A valid signature links the visitor to the contact the brand already knows under
// that id; an invalid one is refused and never trusted.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contactIdentities, contacts } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { mergeContacts } from '../../contacts/merge-contacts.ts';
import type { SignedIdentity } from '../../../widget/protocol.ts';

export const visitorKey = (visitorId: string) => `visitor:${visitorId}`;
export const userKey = (userId: string) => `user:${userId}`;

export const newVisitorId = () => `v_${randomBytes(16).toString('base64url')}`;

/** signature = hex HMAC-SHA256(identitySecret, userId), compared in constant time. No secret: nothing is valid. */
export function validSignature(secret: string | undefined, identity: SignedIdentity): boolean {
  if (!secret) return false;
  const expected = createHmac('sha256', secret).update(identity.userId, 'utf8').digest();
  const given = Buffer.from(identity.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The contact behind a chat identity; null while that visitor has never written nor left an email. */
export async function contactOfChatIdentity(db: Db, orgId: string, externalId: string): Promise<string | null> {
  const [row] = await db.select({ contactId: contactIdentities.contactId }).from(contactIdentities)
    .where(and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.channelType, 'chat'), eq(contactIdentities.externalId, externalId)));
  return row?.contactId ?? null;
}

/** The chat identity's contact, created with it when missing. Two tabs racing keep the identity that won. */
export async function ensureChatContact(db: Db, orgId: string, externalId: string, fields: { name?: string | null; verified: boolean }) {
  const existing = await contactOfChatIdentity(db, orgId, externalId);
  if (existing) return existing;
  const [contact] = await db.insert(contacts).values({ orgId, name: fields.name ?? null }).returning({ id: contacts.id });
  await linkIdentity(db, orgId, contact!.id, externalId, fields);
  return (await contactOfChatIdentity(db, orgId, externalId)) ?? contact!.id;
}

async function linkIdentity(db: Db, orgId: string, contactId: string, externalId: string, fields: { name?: string | null; verified: boolean }) {
  await db.insert(contactIdentities).values({
    orgId, contactId, channelType: 'chat', externalId, displayName: fields.name ?? null, verified: fields.verified,
  }).onConflictDoNothing();
}

/**
 * A signed-in user of the brand: the contact already known under that user id (from an earlier signed chat, or
 * the API channel where the brand's back office uses the same id), or a new one. The anonymous visitor's record,
 * if it wrote before signing in, is merged into it (undoable, like any merge) so the thread stays whole.
 */
export async function linkVerifiedVisitor(db: Db, orgId: string, visitorId: string, identity: SignedIdentity): Promise<string> {
  const key = userKey(identity.userId);
  const known = await db.select({ contactId: contactIdentities.contactId, channelType: contactIdentities.channelType })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.orgId, orgId), or(
      and(eq(contactIdentities.channelType, 'chat'), eq(contactIdentities.externalId, key)),
      and(eq(contactIdentities.channelType, 'api'), eq(contactIdentities.externalId, identity.userId)),
    )))
    .then((rows) => rows.find((r) => r.channelType === 'chat') ?? rows[0]);
  let target: string;
  if (known) {
    await linkIdentity(db, orgId, known.contactId, key, { name: identity.name ?? null, verified: true });
    target = (await contactOfChatIdentity(db, orgId, key)) ?? known.contactId;
  } else {
    target = await ensureChatContact(db, orgId, key, { name: identity.name ?? null, verified: true });
  }
  // Only userId is signed: email and name only fill blanks on the contact, for the agents to see.
  if (identity.email || identity.name) await fillContactDetails(db, target, { email: identity.email, name: identity.name });
  const anonymous = await contactOfChatIdentity(db, orgId, visitorKey(visitorId));
  if (anonymous && anonymous !== target) {
    await mergeContacts(db, orgId, anonymous, target, 'chat visitor signed in (verified identity)', { kind: 'contact', id: target })
      .catch((err: unknown) => {
        // Another tab merged it a moment ago.
        if (!(err instanceof AppError && err.code === 'conflict')) throw err;
      });
  }
  return target;
}

/** Keeps what the contact already has; only fills the blanks. */
async function fillContactDetails(db: Db, contactId: string, details: { email?: string | undefined; name?: string | undefined }) {
  const [contact] = await db.select({ email: contacts.email, name: contacts.name }).from(contacts).where(eq(contacts.id, contactId));
  if (!contact) return;
  const email = contact.email ?? details.email?.toLowerCase() ?? null;
  const name = contact.name ?? details.name ?? null;
  if (email !== contact.email || name !== contact.name) await db.update(contacts).set({ email, name }).where(eq(contacts.id, contactId));
}
