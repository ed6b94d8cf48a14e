// The triage worker: one job per stored customer message, plus a sweeper that re-queues any message a crash
// left untriaged (the job is sent after the intake commit, so a crash in between must not lose the triage).
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Logger } from 'pino';
import { messages } from '../db/schema/index.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { triageStoredMessage, type TriageDeps } from './apply-triage.ts';

export const TRIAGE_MESSAGE = 'triage.message';
export const TRIAGE_SWEEP = 'triage.sweep';
/** Jobs fetched and completed together; a full batch is followed at once by the next (see JobQueue.work). */
const TRIAGE_BATCH = 50;

/** Batched with other messages' triage: intake answers the vendor without waiting for the queue. */
export function enqueueTriage(queue: JobQueue, messageId: string): void {
  queue.sendSoon(TRIAGE_MESSAGE, { messageId }, { singletonKey: messageId, retryLimit: 5, retryBackoff: true });
}

export async function sweepUntriaged(deps: TriageDeps, queue: JobQueue, olderThanMs = 30_000): Promise<number> {
  const stale = await deps.db.select({ id: messages.id }).from(messages)
    .where(and(isNull(messages.triage), eq(messages.direction, 'inbound'), lt(messages.createdAt, new Date(Date.now() - olderThanMs))))
    .limit(500);
  for (const m of stale) enqueueTriage(queue, m.id);
  return stale.length;
}

export async function registerTriageJobs(queue: JobQueue, deps: TriageDeps, logger: Logger) {
  await queue.work<{ messageId: string }>(TRIAGE_MESSAGE, async ({ messageId }) => {
    const outcome = await triageStoredMessage(deps, messageId);
    if (outcome.status === 'failed') logger.warn({ messageId, error: outcome.error }, 'triage failed: routed to a person');
    if (outcome.result?.severity === 'crisis') logger.warn({ messageId }, 'crisis message: alert raised');
  }, { batchSize: TRIAGE_BATCH });
  await queue.work(TRIAGE_SWEEP, async () => {
    const requeued = await sweepUntriaged(deps, queue);
    if (requeued > 0) logger.info({ requeued }, 'untriaged messages re-queued');
  });
  await queue.schedule(TRIAGE_SWEEP, '* * * * *');
}
