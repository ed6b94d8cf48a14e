// Stores a batch of inbound messages with a fixed number of statements, whatever the batch's size, under the
// same rules as storing them one after the other (see plan-conversations.ts): idempotent on each channel's
// own message id, including two copies of one message inside the batch. A message refused for its own reason
// (unknown channel or conversation) is answered as such while the others are stored; a database error fails
// the whole batch, and the caller retries its messages one by one.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { conversations, messages } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { publishRealtimeMany } from '../realtime/publish-realtime.ts';
import { findOrCreateContact } from './find-or-create-contact.ts';
import type { InboundMessage, IntakeOutcome } from './inbound-message.ts';
import { planConversations, type ConversationTouch } from './plan-conversations.ts';
import { messageKey, openConversationsOf, readBatchContext, senderKey, storedMessages, type BatchChannel, type BatchContext } from './read-batch-context.ts';

type Item = InboundMessage & { at: Date; index: number; channel: BatchChannel };

/** Reads what the batch needs, then writes it in one transaction (a savepoint when `db` is one already). */
export async function storeInboundBatch(db: Db, inputs: InboundMessage[]): Promise<IntakeOutcome[]> {
  const context = await readBatchContext(db, inputs);
  return db.transaction((tx) => writeInboundBatch(tx as unknown as Db, inputs, context));
}

async function writeInboundBatch(tx: Db, inputs: InboundMessage[], context: BatchContext): Promise<IntakeOutcome[]> {
  const outcomes: IntakeOutcome[] = new Array(inputs.length);
  const firstCopy = new Map<string, Item>();
  const copies: [Item, Item][] = [];
  const items: Item[] = [];
  for (const [index, input] of inputs.entries()) {
    const channel = context.channels.get(input.channelId);
    if (!channel || channel.orgId !== input.orgId) {
      outcomes[index] = { ok: false, error: notFound('channel') };
      continue;
    }
    const item = { ...input, at: input.at ?? new Date(), index, channel };
    const key = input.externalId ? messageKey(channel.id, input.externalId) : null;
    const stored = key ? context.stored.get(key) : undefined;
    const first = key ? firstCopy.get(key) : undefined;
    const named = input.conversationId ? context.named.get(input.conversationId) : undefined;
    if (stored) outcomes[index] = { ok: true, result: { ...stored, duplicate: true, newConversation: false, channelType: channel.type } };
    // A second copy of a message in this batch is answered after the first, as a duplicate of it.
    else if (first) copies.push([item, first]);
    else if (input.conversationId && (!named || named.orgId !== input.orgId || named.channelId !== channel.id)) {
      outcomes[index] = { ok: false, error: notFound('conversation') };
    } else {
      if (key) firstCopy.set(key, item);
      items.push(item);
    }
  }

  // First-time senders get their contact here, inside the transaction; so do their open conversations.
  const contactIds: string[] = [];
  const foundHere: string[] = [];
  for (const item of items) {
    const key = senderKey(item.orgId, item.channel.type, item.sender.externalId);
    let contactId = context.contacts.get(key);
    if (!contactId) {
      context.contacts.set(key, contactId = await findOrCreateContact(tx, item.orgId, item.channel.type, item.sender));
      foundHere.push(contactId);
    }
    contactIds.push(contactId);
  }
  const open = [...context.open, ...await openConversationsOf(tx, foundHere, items.map((i) => i.channel.id))];

  const plan = planConversations(items.map((item, i) => ({
    orgId: item.orgId, channelId: item.channel.id, contactId: contactIds[i]!, at: item.at, subject: item.subject ?? null,
    visibility: item.visibility, newVisibility: item.channel.isPublic ? 'public' : 'private',
    automated: Boolean(item.metadata?.autoReply || item.metadata?.bounce),
    named: item.conversationId ? context.named.get(item.conversationId)! : null,
  })), open);
  if (plan.created.length > 0) await tx.insert(conversations).values(plan.created);
  await touchConversations(tx, plan.touched);

  const rows = items.map((item, i) => ({
    id: randomUUID(), orgId: item.orgId, conversationId: plan.joined[i]!.conversationId, channelId: item.channel.id,
    direction: 'inbound' as const, authorKind: 'customer' as const, authorContactId: contactIds[i]!, body: item.text,
    bodyHtml: item.html ?? null, externalId: item.externalId ?? null, attachments: item.attachments ?? [],
    isPublic: (item.visibility ?? (item.channel.isPublic ? 'public' : 'private')) === 'public', metadata: item.metadata ?? {}, createdAt: item.at,
  }));
  const inserted = new Set(rows.length === 0 ? [] : (await tx.insert(messages).values(rows).onConflictDoNothing().returning({ id: messages.id })).map((m) => m.id));
  // Another transaction stored the same message after our reading: answer with its ids.
  const racing = items.filter((_, i) => !inserted.has(rows[i]!.id));
  const raced = await storedMessages(tx, racing.map((i) => i.channel.id), racing.map((i) => i.externalId ?? ''));
  items.forEach((item, i) => {
    const row = rows[i]!;
    const result = inserted.has(row.id)
      ? { messageId: row.id, conversationId: row.conversationId, contactId: row.authorContactId, duplicate: false, newConversation: plan.joined[i]!.newConversation }
      : { ...raced.get(messageKey(item.channel.id, item.externalId ?? ''))!, duplicate: true, newConversation: false };
    outcomes[item.index] = { ok: true, result: { ...result, channelType: item.channel.type } };
  });
  for (const [copy, first] of copies) {
    const outcome = outcomes[first.index]!;
    outcomes[copy.index] = outcome.ok ? { ok: true, result: { ...outcome.result, duplicate: true, newConversation: false } } : outcome;
  }
  // One event per message: a new message also means its conversation changed (receivers reload both).
  await publishRealtimeMany(tx, rows.filter((r) => inserted.has(r.id)).map((r) => ({
    orgId: r.orgId, event: { kind: 'message.created', conversationId: r.conversationId, messageId: r.id, direction: 'inbound' },
  })));
  return outcomes;
}

/** One UPDATE for every conversation the batch wrote to, each with its own values. */
async function touchConversations(tx: Db, touched: ConversationTouch[]): Promise<void> {
  if (touched.length === 0) return;
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
