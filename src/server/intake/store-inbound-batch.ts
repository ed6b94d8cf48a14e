// Stores a batch of inbound messages in the caller's transaction with a fixed number of statements, whatever
// the batch's size: the same rules as storing them one after the other (see plan-conversations.ts), idempotent
// on each channel's own message id, including two copies of one message inside the batch.
// A message refused for its own reason (unknown channel or conversation) is answered as such; the others
// are stored. A database error fails the whole batch: the caller retries its messages one by one.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { channels, contactIdentities, conversations, messages, type ChannelType } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { publishRealtimeMany } from '../realtime/publish-realtime.ts';
import { findOrCreateContact } from './find-or-create-contact.ts';
import type { InboundMessage, IntakeOutcome } from './inbound-message.ts';
import { planConversations, type ConversationTouch, type OpenConversation } from './plan-conversations.ts';

type Channel = { id: string; orgId: string; type: ChannelType; isPublic: boolean };
type Item = InboundMessage & { at: Date; index: number; channel: Channel };

const distinct = <T>(values: T[]) => [...new Set(values)];
const messageKey = (channelId: string, externalId: string) => `${channelId}\n${externalId}`;

export async function storeInboundBatch(tx: Db, inputs: InboundMessage[]): Promise<IntakeOutcome[]> {
  const outcomes: IntakeOutcome[] = new Array(inputs.length);
  const found = await tx.select({ id: channels.id, orgId: channels.orgId, type: channels.type, isPublic: channels.isPublic })
    .from(channels).where(inArray(channels.id, distinct(inputs.map((i) => i.channelId))));
  const channelById = new Map(found.map((c) => [c.id, c]));
  let items: Item[] = [];
  inputs.forEach((input, index) => {
    const channel = channelById.get(input.channelId);
    if (!channel || channel.orgId !== input.orgId) outcomes[index] = { ok: false, error: notFound('channel') };
    else items.push({ ...input, at: input.at ?? new Date(), index, channel });
  });

  // A second copy of a message in this batch is answered after the first, as a duplicate of it.
  const firstCopy = new Map<string, Item>();
  const copies: [Item, Item][] = [];
  items = items.filter((item) => {
    if (!item.externalId) return true;
    const key = messageKey(item.channel.id, item.externalId);
    const first = firstCopy.get(key);
    if (first) copies.push([item, first]);
    else firstCopy.set(key, item);
    return !first;
  });
  const stored = await storedAlready(tx, items);
  items = items.filter((item) => {
    const existing = item.externalId ? stored.get(messageKey(item.channel.id, item.externalId)) : undefined;
    if (existing) outcomes[item.index] = { ok: true, result: { ...existing, duplicate: true, newConversation: false, channelType: item.channel.type } };
    return !existing;
  });

  const named = await namedConversations(tx, items);
  items = items.filter((item) => {
    const conversation = item.conversationId ? named.get(item.conversationId) : undefined;
    const valid = !item.conversationId || (conversation && conversation.orgId === item.orgId && conversation.channelId === item.channel.id);
    if (!valid) outcomes[item.index] = { ok: false, error: notFound('conversation') };
    return valid;
  });

  const contactIds = await contactsOf(tx, items);
  const plan = planConversations(items.map((item, i) => ({
    orgId: item.orgId, channelId: item.channel.id, contactId: contactIds[i]!, at: item.at, subject: item.subject ?? null,
    visibility: item.visibility, newVisibility: item.channel.isPublic ? 'public' : 'private',
    automated: Boolean(item.metadata?.autoReply || item.metadata?.bounce),
    named: item.conversationId ? named.get(item.conversationId)! : null,
  })), await openConversations(tx, items, contactIds));
  if (plan.created.length > 0) await tx.insert(conversations).values(plan.created);
  await touchConversations(tx, plan.touched);

  const rows = items.map((item, i) => ({
    id: randomUUID(), orgId: item.orgId, conversationId: plan.joined[i]!.conversationId, channelId: item.channel.id,
    direction: 'inbound' as const, authorKind: 'customer' as const, authorContactId: contactIds[i]!, body: item.text,
    bodyHtml: item.html ?? null, externalId: item.externalId ?? null, attachments: item.attachments ?? [],
    isPublic: (item.visibility ?? (item.channel.isPublic ? 'public' : 'private')) === 'public', metadata: item.metadata ?? {}, createdAt: item.at,
  }));
  const inserted = rows.length === 0 ? [] : await tx.insert(messages).values(rows).onConflictDoNothing().returning({ id: messages.id });
  const insertedIds = new Set(inserted.map((m) => m.id));
  // Another transaction stored the same message after our check above: answer with its ids.
  const raced = await storedAlready(tx, items.filter((_, i) => !insertedIds.has(rows[i]!.id)));
  items.forEach((item, i) => {
    const row = rows[i]!;
    const result = insertedIds.has(row.id)
      ? { messageId: row.id, conversationId: row.conversationId, contactId: row.authorContactId, duplicate: false, newConversation: plan.joined[i]!.newConversation }
      : { ...raced.get(messageKey(item.channel.id, item.externalId ?? ''))!, duplicate: true, newConversation: false };
    outcomes[item.index] = { ok: true, result: { ...result, channelType: item.channel.type } };
  });
  for (const [copy, first] of copies) {
    const outcome = outcomes[first.index]!;
    outcomes[copy.index] = outcome.ok ? { ok: true, result: { ...outcome.result, duplicate: true, newConversation: false } } : outcome;
  }
  // One event per message: a new message also means its conversation changed (receivers reload both).
  await publishRealtimeMany(tx, rows.filter((r) => insertedIds.has(r.id)).map((r) => ({
    orgId: r.orgId, event: { kind: 'message.created', conversationId: r.conversationId, messageId: r.id, direction: 'inbound' },
  })));
  return outcomes;
}

/** Messages of these items already stored, by channel and external id. */
async function storedAlready(tx: Db, items: Item[]) {
  const withIds = items.filter((i) => i.externalId);
  const found = new Map<string, { messageId: string; conversationId: string; contactId: string }>();
  if (withIds.length === 0) return found;
  // Channels × ids is a superset of the pairs asked for (usually one channel): the exact pairs are kept below.
  const rows = await tx.select({ id: messages.id, conversationId: messages.conversationId, contactId: messages.authorContactId, channelId: messages.channelId, externalId: messages.externalId })
    .from(messages).where(and(inArray(messages.channelId, distinct(withIds.map((i) => i.channel.id))), inArray(messages.externalId, distinct(withIds.map((i) => i.externalId!)))));
  for (const r of rows) found.set(messageKey(r.channelId, r.externalId!), { messageId: r.id, conversationId: r.conversationId, contactId: r.contactId! });
  return found;
}

async function namedConversations(tx: Db, items: Item[]) {
  const ids = distinct(items.flatMap((i) => (i.conversationId ? [i.conversationId] : [])));
  if (ids.length === 0) return new Map<string, OpenConversation & { orgId: string }>();
  const rows = await tx.select({ id: conversations.id, orgId: conversations.orgId, channelId: conversations.channelId, contactId: conversations.contactId, visibility: conversations.visibility, lastMessageAt: conversations.lastMessageAt })
    .from(conversations).where(inArray(conversations.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The contact of each item's sender: known identities in one query, first-time senders one by one. */
async function contactsOf(tx: Db, items: Item[]): Promise<string[]> {
  const senderKey = (orgId: string, type: ChannelType, externalId: string) => `${orgId}|${type}|${externalId}`;
  const known = new Map<string, string>();
  if (items.length > 0) {
    const rows = await tx.select({ orgId: contactIdentities.orgId, channelType: contactIdentities.channelType, externalId: contactIdentities.externalId, contactId: contactIdentities.contactId })
      .from(contactIdentities).where(and(
        inArray(contactIdentities.orgId, distinct(items.map((i) => i.orgId))),
        inArray(contactIdentities.channelType, distinct(items.map((i) => i.channel.type))),
        inArray(contactIdentities.externalId, distinct(items.map((i) => i.sender.externalId)))));
    for (const r of rows) known.set(senderKey(r.orgId, r.channelType, r.externalId), r.contactId);
  }
  const contactIds: string[] = [];
  for (const item of items) {
    const key = senderKey(item.orgId, item.channel.type, item.sender.externalId);
    let contactId = known.get(key);
    if (!contactId) known.set(key, contactId = await findOrCreateContact(tx, item.orgId, item.channel.type, item.sender));
    contactIds.push(contactId);
  }
  return contactIds;
}

/** The open or pending conversations of the items' contacts, on the items' channels. */
async function openConversations(tx: Db, items: Item[], contactIds: string[]): Promise<OpenConversation[]> {
  if (items.length === 0) return [];
  return tx.select({ id: conversations.id, channelId: conversations.channelId, contactId: conversations.contactId, visibility: conversations.visibility, lastMessageAt: conversations.lastMessageAt })
    .from(conversations).where(and(
      inArray(conversations.contactId, distinct(contactIds)), inArray(conversations.orgId, distinct(items.map((i) => i.orgId))),
      inArray(conversations.channelId, distinct(items.map((i) => i.channel.id))), inArray(conversations.status, ['open', 'pending'])));
}

/** One UPDATE for every conversation the batch wrote to, each with its own values. */
async function touchConversations(tx: Db, touched: ConversationTouch[]): Promise<void> {
  if (touched.length === 0) return;
  // In id order, so that two batches writing to the same conversations lock them in the same order.
  const rows = [...touched].sort((a, b) => (a.id < b.id ? -1 : 1)).map((t) =>
    sql`(${t.id}::uuid, ${t.orgId}::uuid, ${t.lastMessageAt?.toISOString() ?? null}::timestamptz, ${t.updatedAt.toISOString()}::timestamptz, ${t.reopen}::boolean)`);
  await tx.update(conversations).set({
    lastMessageAt: sql`coalesce(touch.last_message_at, ${conversations.lastMessageAt})`,
    updatedAt: sql`touch.updated_at`,
    // A customer writing again reopens the conversation; an auto-reply or a bounce does not.
    status: sql`case when touch.reopen then 'open' else ${conversations.status} end`,
    resolvedAt: sql`case when touch.reopen then null else ${conversations.resolvedAt} end`,
  }).from(sql`(values ${sql.join(rows, sql`, `)}) as touch(id, org_id, last_message_at, updated_at, reopen)`)
    .where(and(eq(conversations.id, sql`touch.id`), eq(conversations.orgId, sql`touch.org_id`)));
}
