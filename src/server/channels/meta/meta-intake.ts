// Stores normalized Meta events through intake, choosing the conversation: comments under one post share a
// public conversation, and a DM continues the person's open *private* conversation. Intake alone would put a
// comment into the same person's open DM conversation (or the reverse) and mix public and private, so when
// the person is known but has no suitable conversation, one is created in the same transaction as the message.
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contactIdentities, conversations, deadLetters, messages } from '../../db/schema/index.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { receiveInboundMessage, type InboundMessage, type IntakeResult } from '../../intake/receive-inbound-message.ts';
import { afterIntake } from '../../intake/accept-inbound.ts';
import type { ChannelRecord } from '../channel-adapter.ts';
import { recordDeadLetter } from '../channels.service.ts';
import type { MetaEvent } from './meta-event.ts';

/** Thrown inside the transaction to undo the conversation made for a message that turned out to be stored. */
class AlreadyStored extends Error {
  constructor(readonly result: IntakeResult) {
    super('already stored');
  }
}

export async function storeMetaEvent(deps: { db: Db; queue: JobQueue | undefined }, channel: ChannelRecord, event: MetaEvent): Promise<IntakeResult> {
  const { db } = deps;
  const input: InboundMessage = {
    orgId: channel.orgId, channelId: channel.id, externalId: event.externalId, sender: event.sender, text: event.text,
    attachments: event.attachments, visibility: event.visibility, at: event.at, subject: event.thread?.subject ?? null,
    metadata: { meta: event.ref },
  };
  const [stored] = await db.select({ id: messages.id }).from(messages)
    .where(and(eq(messages.channelId, channel.id), eq(messages.externalId, event.externalId)));
  let result: IntakeResult;
  if (stored) {
    result = await receiveInboundMessage(db, input); // answers "duplicate" with the stored ids
  } else {
    const target = await chooseConversation(db, channel, event);
    result = target.kind === 'new'
      ? await storeInNewConversation(db, input, target.contactId)
      : await receiveInboundMessage(db, { ...input, conversationId: target.kind === 'existing' ? target.conversationId : null });
  }
  // As acceptInbound does: stored means eventually triaged (the sweeper catches a lost enqueue).
  await afterIntake(deps, result);
  return result;
}

type Target = { kind: 'existing'; conversationId: string } | { kind: 'new'; contactId: string } | { kind: 'intake' };

async function chooseConversation(db: Db, channel: ChannelRecord, event: MetaEvent): Promise<Target> {
  if (event.thread) {
    const [earlier] = await db.select({ conversationId: messages.conversationId }).from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(messages.channelId, channel.id), eq(messages.orgId, channel.orgId),
        sql`${messages.metadata}->'meta'->>'threadKey' = ${event.thread.key}`, ne(conversations.status, 'closed')))
      .orderBy(desc(messages.createdAt)).limit(1);
    if (earlier) return { kind: 'existing', conversationId: earlier.conversationId };
  }
  const [identity] = await db.select({ contactId: contactIdentities.contactId }).from(contactIdentities)
    .where(and(eq(contactIdentities.orgId, channel.orgId), eq(contactIdentities.channelType, channel.type),
      eq(contactIdentities.externalId, event.sender.externalId)));
  // A new person has no conversation yet: intake creates the contact and the conversation.
  if (!identity) return { kind: 'intake' };
  if (!event.thread) {
    const [open] = await db.select({ id: conversations.id }).from(conversations)
      .where(and(eq(conversations.orgId, channel.orgId), eq(conversations.channelId, channel.id),
        eq(conversations.contactId, identity.contactId), eq(conversations.visibility, 'private'),
        inArray(conversations.status, ['open', 'pending'])))
      .orderBy(desc(conversations.lastMessageAt)).limit(1);
    if (open) return { kind: 'existing', conversationId: open.id };
  }
  return { kind: 'new', contactId: identity.contactId };
}

async function storeInNewConversation(db: Db, input: InboundMessage, contactId: string): Promise<IntakeResult> {
  const at = input.at ?? new Date();
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx.insert(conversations).values({
        orgId: input.orgId, channelId: input.channelId, contactId, subject: input.subject ?? null,
        visibility: input.visibility ?? 'private', lastMessageAt: at, createdAt: at, updatedAt: at,
      }).returning({ id: conversations.id });
      const result = await receiveInboundMessage(tx as unknown as Db, { ...input, conversationId: created!.id });
      if (result.duplicate) throw new AlreadyStored(result);
      return { ...result, newConversation: true };
    });
  } catch (err) {
    if (err instanceof AlreadyStored) return err.result;
    throw err;
  }
}

/** Meta retries a refused delivery: the same unreadable item is kept once, not once per retry. */
export async function deadLetterOnce(db: Db, channel: ChannelRecord, input: { source: string; reason: string; payload: string; headers: Record<string, unknown> }) {
  const [existing] = await db.select({ id: deadLetters.id }).from(deadLetters)
    .where(and(eq(deadLetters.channelId, channel.id), eq(deadLetters.reason, input.reason.slice(0, 1000)), eq(deadLetters.payload, input.payload)))
    .limit(1);
  if (existing) return;
  await recordDeadLetter(db, { orgId: channel.orgId, channelId: channel.id, ...input });
}
