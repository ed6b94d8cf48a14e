// The SLA sweeper: every 30 seconds. pg-boss schedules by the minute, so each scheduled run queues one
// more run 30 seconds later; both survive restarts like any job.
import type { Logger } from 'pino';
import type { JobQueue } from '../jobs/job-queue.ts';
import { systemClock } from './clock.ts';
import { checkSla, type SlaCheckDeps } from './check-sla.ts';

export const SLA_CHECK = 'sla.check';

export async function registerSlaJobs(queue: JobQueue, deps: Omit<SlaCheckDeps, 'clock'>, logger: Logger) {
  await queue.work<{ halfMinute?: boolean }>(SLA_CHECK, async (data) => {
    if (!data?.halfMinute) await queue.send(SLA_CHECK, { halfMinute: true }, { startAfter: 30, retryLimit: 0 });
    const { warned, breached } = await checkSla({ ...deps, clock: systemClock });
    if (warned + breached > 0) logger.info({ warned, breached }, 'response-time targets: warnings and escalations');
  });
  await queue.schedule(SLA_CHECK, '* * * * *');
}
