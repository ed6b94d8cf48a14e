// Twilio's delivery-status callbacks, written on the outbound message they are about (found by the SID
// returned when it was sent). Callbacks can arrive out of order: a late "sent" never hides a "delivered".
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { messages } from '../../db/schema/index.ts';
import type { DeliveryStatus } from './sms-payload.ts';

// Twilio's message statuses by progress (the outbox's own "sent" means Twilio accepted it).
const PROGRESS: Record<string, number> = {
  accepted: 1, scheduled: 1, queued: 1, sending: 2, sent: 3,
  delivered: 4, undelivered: 4, failed: 4, canceled: 4, partially_delivered: 4, read: 5,
};

export type StatusOutcome = 'updated' | 'stale' | 'unknown_message';

export async function recordDeliveryStatus(db: Db, channelId: string, update: DeliveryStatus, at = new Date()): Promise<StatusOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ id: messages.id, metadata: messages.metadata }).from(messages)
      .where(and(eq(messages.channelId, channelId), eq(messages.externalId, update.messageSid), eq(messages.direction, 'outbound')))
      .for('update');
    if (!row) return 'unknown_message';
    const current = (row.metadata.delivery ?? {}) as Record<string, unknown>;
    const before = PROGRESS[String(current.status ?? '')] ?? 0;
    if (before > (PROGRESS[update.status] ?? 0)) return 'stale';
    const delivery = { ...current, status: update.status, errorCode: update.errorCode, at: at.toISOString() };
    await tx.update(messages).set({ metadata: { ...row.metadata, delivery } }).where(eq(messages.id, row.id));
    return 'updated';
  });
}
