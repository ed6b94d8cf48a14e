import type { Db } from '../db/client.ts';
import { outbox } from '../db/schema/index.ts';

/** Call inside the transaction that stores the outbound message: the reply exists iff its delivery is queued. */
export async function enqueueReply(db: Db, reply: { orgId: string; messageId: string; channelId: string }): Promise<void> {
  await db.insert(outbox).values(reply).onConflictDoNothing();
}
