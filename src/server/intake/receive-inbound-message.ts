// Intake of one message: stores a customer's message once, in its conversation, with the contact found or
// created from the channel identity, in one transaction (a savepoint when `db` is already a transaction).
// The channel's own message id makes a retried delivery a no-op. Channels go through acceptInbound, which
// stores concurrent messages together (group-commit.ts) with the same rules.
import type { Db } from '../db/client.ts';
import type { InboundMessage, IntakeResult } from './inbound-message.ts';
import { storeInboundBatch } from './store-inbound-batch.ts';

export type { InboundMessage, IntakeResult } from './inbound-message.ts';

export async function receiveInboundMessage(db: Db, input: InboundMessage): Promise<IntakeResult> {
  const [outcome] = await storeInboundBatch(db, [input]);
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.result;
}
