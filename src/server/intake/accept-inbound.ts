import type { Db } from '../db/client.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { Metrics } from '../ops/metrics.ts';
import { enqueueTriage } from '../triage/triage.jobs.ts';
import { receiveInboundMessage, type InboundMessage, type IntakeResult } from './receive-inbound-message.ts';

/**
 * Stores the message, then asks for its triage. If the process dies between the two (or runs without a
 * queue), the triage sweeper finds the message (triage still empty) and queues it: stored means triaged.
 */
export async function acceptInbound(deps: { db: Db; queue: JobQueue | undefined; metrics?: Metrics | undefined }, input: InboundMessage): Promise<IntakeResult> {
  const result = await receiveInboundMessage(deps.db, input);
  if (result.duplicate) return result;
  deps.metrics?.messagesTotal.labels(result.channelType, 'inbound').inc();
  if (deps.queue) await enqueueTriage(deps.queue, result.messageId).catch(() => undefined);
  return result;
}
