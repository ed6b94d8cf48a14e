// Merging two records of the same person (a chat visitor who later emails, the same phone on SMS and
// WhatsApp...) and undoing it. A merge records exactly what moved, so the undo restores it, and the
// conversations keep their whole history either way.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { contactIdentities, contactMerges, contacts, conversations, messages } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { recordEvent, type Actor } from '../audit/record-event.ts';

export async function mergeContacts(db: Db, orgId: string, sourceId: string, targetId: string, reason: string, actor: Actor) {
  if (sourceId === targetId) throw new AppError('validation_failed', 'a contact cannot be merged into itself');
  return db.transaction(async (tx) => {
    const found = await tx.select().from(contacts).where(and(eq(contacts.orgId, orgId), inArray(contacts.id, [sourceId, targetId])));
    const source = found.find((c) => c.id === sourceId);
    const target = found.find((c) => c.id === targetId);
    if (!source || !target) throw notFound('contact');
    if (source.mergedIntoId) throw new AppError('conflict', 'this contact was already merged into another');
    if (target.mergedIntoId) throw new AppError('conflict', 'the target contact was itself merged into another: merge into that one');
    const identities = await tx.update(contactIdentities).set({ contactId: targetId })
      .where(and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.contactId, sourceId))).returning({ id: contactIdentities.id });
    const moved = await tx.update(conversations).set({ contactId: targetId })
      .where(and(eq(conversations.orgId, orgId), eq(conversations.contactId, sourceId))).returning({ id: conversations.id });
    await tx.update(messages).set({ authorContactId: targetId }).where(and(eq(messages.orgId, orgId), eq(messages.authorContactId, sourceId)));
    await tx.update(contacts).set({
      mergedIntoId: targetId,
      // The target keeps its own details and gains what it lacked.
    }).where(eq(contacts.id, sourceId));
    await tx.update(contacts).set({
      email: target.email ?? source.email, phone: target.phone ?? source.phone, name: target.name ?? source.name,
      locale: target.locale ?? source.locale, segment: target.segment ?? source.segment,
    }).where(eq(contacts.id, targetId));
    const [merge] = await tx.insert(contactMerges).values({
      orgId, sourceContactId: sourceId, targetContactId: targetId, reason,
      identityIds: identities.map((i) => i.id), conversationIds: moved.map((c) => c.id),
    }).returning();
    await recordEvent(tx, { orgId, type: 'contact.merged', actor, subject: { type: 'contact', id: targetId }, data: { mergeId: merge!.id, sourceId, reason } });
    return merge!;
  });
}

export async function undoMerge(db: Db, orgId: string, mergeId: string, actor: Actor) {
  return db.transaction(async (tx) => {
    const [merge] = await tx.select().from(contactMerges).where(and(eq(contactMerges.id, mergeId), eq(contactMerges.orgId, orgId)));
    if (!merge) throw notFound('merge');
    if (merge.undoneAt) throw new AppError('conflict', 'this merge was already undone');
    const { sourceContactId: sourceId, targetContactId: targetId } = merge;
    if (merge.identityIds.length > 0) {
      await tx.update(contactIdentities).set({ contactId: sourceId }).where(inArray(contactIdentities.id, merge.identityIds));
    }
    if (merge.conversationIds.length > 0) {
      await tx.update(conversations).set({ contactId: sourceId }).where(inArray(conversations.id, merge.conversationIds));
      await tx.update(messages).set({ authorContactId: sourceId })
        .where(and(inArray(messages.conversationId, merge.conversationIds), eq(messages.authorContactId, targetId)));
    }
    await tx.update(contacts).set({ mergedIntoId: null }).where(eq(contacts.id, sourceId));
    await tx.update(contactMerges).set({ undoneAt: new Date() }).where(eq(contactMerges.id, mergeId));
    await recordEvent(tx, { orgId, type: 'contact.unmerged', actor, subject: { type: 'contact', id: sourceId }, data: { mergeId, targetId } });
    return { sourceId, targetId };
  });
}

/**
 * The contact that already owns a verified identity with this email or phone: a new identity proving the same
 * address joins it (linking), instead of starting a second record of the same person. Only verified
 * identities count: an address someone merely typed (a chat form, an unsigned claim) proves nothing.
 */
export async function contactWithVerified(db: Db, orgId: string, proof: { email?: string | null; phone?: string | null }) {
  const candidates = [proof.email?.toLowerCase(), proof.phone].filter((v): v is string => Boolean(v));
  if (candidates.length === 0) return null;
  const [owner] = await db.select({ id: contactIdentities.contactId }).from(contactIdentities)
    .innerJoin(contacts, eq(contacts.id, contactIdentities.contactId))
    .where(and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.verified, true),
      inArray(contactIdentities.externalId, candidates), isNull(contacts.mergedIntoId)))
    .limit(1);
  return owner?.id ?? null;
}
