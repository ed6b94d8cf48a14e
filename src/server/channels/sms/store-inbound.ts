// Intake with or without the job queue: without one (tests, HTTP-only setups) the triage sweeper picks the
// message up later, so storing is all that must happen before the vendor is answered.
import type { ChannelType } from '../../db/schema/index.ts';
import { acceptInbound } from '../../intake/accept-inbound.ts';
import { receiveInboundMessage, type InboundMessage } from '../../intake/receive-inbound-message.ts';
import type { ChannelDeps } from '../channel-adapter.ts';

export async function storeInbound(deps: ChannelDeps, channelType: ChannelType, input: InboundMessage) {
  const result = deps.queue ? await acceptInbound({ db: deps.db, queue: deps.queue }, input) : await receiveInboundMessage(deps.db, input);
  if (!result.duplicate) deps.metrics.messagesTotal.labels(channelType, 'inbound').inc();
  return result;
}
