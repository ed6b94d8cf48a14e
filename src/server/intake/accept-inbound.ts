import type { Db } from '../db/client.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { Metrics } from '../ops/metrics.ts';
import { enqueueTriage } from '../triage/triage.jobs.ts';
import { receiveInboundMessage, type InboundMessage, type IntakeResult } from './receive-inbound-message.ts';

export type IntakeDeps = { db: Db; queue?: JobQueue | undefined; metrics?: Metrics | undefined };

/**
 * What follows a stored message: it is counted and its triage is queued. If the process dies before the
 * queue has it (or runs without a queue), the triage sweeper finds the message, still untriaged, and
 * queues it: stored means triaged, eventually.
 */
export async function afterIntake(deps: IntakeDeps, result: IntakeResult): Promise<void> {
  if (result.duplicate) return;
  deps.metrics?.messagesTotal.labels(result.channelType, 'inbound').inc();
  if (deps.queue) enqueueTriage(deps.queue, result.messageId);
}

/** The intake path every channel takes: store once, then count and queue the triage. */
export async function acceptInbound(deps: IntakeDeps, input: InboundMessage): Promise<IntakeResult> {
  const result = await receiveInboundMessage(deps.db, input);
  await afterIntake(deps, result);
  return result;
}
