// Intake with or without the job queue: without one (tests, HTTP-only setups) the triage sweeper picks the
// message up later, so storing is all that must happen before the vendor is answered.
import type { ChannelType } from '../../db/schema/index.ts';
import { acceptInbound } from '../../intake/accept-inbound.ts';
import type { InboundMessage } from '../../intake/receive-inbound-message.ts';
import type { ChannelDeps } from '../channel-adapter.ts';

export async function storeInbound(deps: ChannelDeps, _channelType: ChannelType, input: InboundMessage) {
  return acceptInbound(deps, input);
}
