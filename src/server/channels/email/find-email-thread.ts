// Which conversation an email continues: the newest message of this channel named by its In-Reply-To or
// References, whether that message came in (its Message-ID is the externalId) or went out (the outbox
// dispatcher stores the sent Message-ID as externalId; our Message-IDs also carry the message's own id).
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { conversations, messages } from '../../db/schema/index.ts';
import { relaisMessageUuid } from './message-ids.ts';

export async function findEmailThread(db: Db, channel: { id: string; orgId: string }, referenced: string[]): Promise<string | null> {
  if (referenced.length === 0) return null;
  const ownIds = referenced.map(relaisMessageUuid).filter((v): v is string => v !== null);
  const named = or(
    inArray(messages.externalId, referenced),
    ...(ownIds.length > 0 ? [inArray(messages.id, ownIds)] : []),
  );
  // Both branches use an index (messages_external_uq, the primary key): no scan of metadata.
  const [row] = await db.select({ conversationId: messages.conversationId }).from(messages)
    .where(and(eq(messages.channelId, channel.id), eq(messages.orgId, channel.orgId), named))
    .orderBy(desc(messages.createdAt)).limit(1);
  return row?.conversationId ?? null;
}

const MAX_CC = 50;

/**
 * Adds the mail's other participants to the conversation's CC list, once each, in one statement. The sender
 * is added too when they are not the conversation's customer (a colleague answering in the thread), so that
 * "reply all" keeps them; a spam with a thousand recipients adds at most MAX_CC.
 */
export async function addConversationCc(db: Db, orgId: string, conversationId: string, others: string[], sender: { address: string; contactId: string }) {
  const list = (values: string[]) => sql`ARRAY[${sql.join(values.map((a) => sql`${a}`), sql`, `)}]::text[]`;
  const added = others.length > 0 ? list(others.slice(0, MAX_CC)) : sql`'{}'::text[]`;
  const replier = sql`CASE WHEN ${conversations.contactId} <> ${sender.contactId} THEN ${list([sender.address])} ELSE '{}'::text[] END`;
  await db.update(conversations)
    .set({ cc: sql`(SELECT coalesce(array_agg(DISTINCT x ORDER BY x), '{}'::text[]) FROM unnest(${conversations.cc} || ${added} || ${replier}) AS x)` })
    .where(and(eq(conversations.id, conversationId), eq(conversations.orgId, orgId)));
}
