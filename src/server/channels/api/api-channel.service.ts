// The records the API channel's inbound route needs, always within the caller's organization.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { channels, conversations } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import type { ChannelRecord } from '../channel-adapter.ts';
import { ttlCache } from '../../http/ttl-cache.ts';

// Integrations post in floods: the record is kept a few seconds. Intake checks the channel again in the
// transaction that stores the message, so a channel deleted meanwhile still refuses it.
const apiChannels = ttlCache<ChannelRecord | null>(5_000);

/** The organization's API channel; another tenant's channel, or a channel of another type, is "not found". */
export async function findApiChannel(db: Db, orgId: string, channelId: string): Promise<ChannelRecord> {
  const row = await apiChannels.get(`${orgId}:${channelId}`, async () => {
    const [found] = await db.select({ id: channels.id, orgId: channels.orgId, type: channels.type, name: channels.name, isPublic: channels.isPublic, webhookKey: channels.webhookKey })
      .from(channels).where(and(eq(channels.id, channelId), eq(channels.orgId, orgId), eq(channels.type, 'api')));
    return found ?? null;
  });
  if (!row) throw notFound('channel');
  return row;
}

/** Intake trusts the conversation id it is given: check it belongs to this channel (and so this tenant). */
export async function assertConversationOnChannel(db: Db, channel: ChannelRecord, conversationId: string): Promise<void> {
  const [row] = await db.select({ id: conversations.id }).from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.orgId, channel.orgId), eq(conversations.channelId, channel.id)));
  if (!row) throw notFound('conversation');
}
