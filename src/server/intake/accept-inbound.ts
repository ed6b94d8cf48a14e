import type { Db } from '../db/client.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { Metrics } from '../ops/metrics.ts';
import { enqueueTriage } from '../triage/triage.jobs.ts';
import { createGroupCommit, type GroupCommit } from './group-commit.ts';
import type { InboundMessage, IntakeResult } from './inbound-message.ts';

export type IntakeDeps = { db: Db; queue?: JobQueue | undefined; metrics?: Metrics | undefined };

/** One group commit per database: every channel's messages share its batches. */
const groupCommits = new WeakMap<Db, GroupCommit>();

function groupCommitFor(db: Db): GroupCommit {
  let groupCommit = groupCommits.get(db);
  if (!groupCommit) groupCommits.set(db, groupCommit = createGroupCommit(db));
  return groupCommit;
}

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

/** The intake path every channel takes: store once (with the messages arriving at the same time), then count and queue the triage. */
export async function acceptInbound(deps: IntakeDeps, input: InboundMessage): Promise<IntakeResult> {
  const result = await groupCommitFor(deps.db).store(input);
  await afterIntake(deps, result);
  return result;
}
